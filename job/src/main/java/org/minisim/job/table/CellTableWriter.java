package org.minisim.job.table;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one sweep's partition {@code sweep_id=<id>} of the per-cell table: rows sorted by
 * {@code spec_cache_key, cell_index}, Parquet, dynamic partition overwrite — a rerun replaces the sweep's
 * partition (never duplicating rows) and leaves every other sweep's partition untouched.
 */
public final class CellTableWriter {
    private CellTableWriter() {}

    /**
     * @param rows     every row of the sweep (all its committed recordings)
     * @param schema   {@link CellTableSchema#schema(List)}
     * @param tableUri table root
     * @param files    number of Parquet files (each a sorted key range)
     */
    public static void write(SparkSession spark, JavaRDD<Row> rows, StructType schema, String tableUri, int files) {
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        Dataset<Row> sorted = (files <= 1 ? df.repartition(1) : df.repartitionByRange(files, df.col("spec_cache_key")))
                .sortWithinPartitions(CellTableSchema.SWEEP_ID, "spec_cache_key", "cell_index");
        // the writer option (not the session conf) so the caller's session is left as it was
        sorted.write().mode(SaveMode.Overwrite).option("partitionOverwriteMode", "dynamic")
                .partitionBy(CellTableSchema.SWEEP_ID).parquet(tableUri);
    }

    /** @return a file count keeping files near half a million rows */
    public static int filesFor(long rows) {
        return (int) Math.max(1, Math.min(1000, (rows + 499_999) / 500_000));
    }
}
