package org.minisim.job.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes pipeline outcome rows into the {@code (sweep_id, pipeline_id)} partitions of the outcome table: Parquet,
 * sorted by {@code spec_cache_key, cell_index}, one file per partition, dynamic partition overwrite (other
 * partitions untouched). By default the rows already in a touched partition are kept unless the new rows carry
 * their key — so recordings can be scored and loaded one at a time, and re-scoring a recording replaces its rows
 * instead of duplicating them. With {@code replace} a touched partition holds exactly the new rows.
 */
public final class OutcomeTableWriter {

    private OutcomeTableWriter() {}

    /** What a write did. */
    public record Written(int newRows, int keptRows, List<String> partitions) {}

    /**
     * @param rows     rows of {@link OutcomeTableSchema#schema()}, at most one per key
     * @param tableUri table root
     * @param replace  drop the touched partitions' earlier rows instead of merging with them
     * @throws IllegalArgumentException when a key occurs twice among {@code rows}
     */
    public static Written write(SparkSession spark, List<Row> rows, String tableUri, boolean replace) {
        List<String> names = OutcomeTableSchema.columns();
        int iSweep = names.indexOf(OutcomeTableSchema.SWEEP_ID), iPipe = names.indexOf(OutcomeTableSchema.PIPELINE_ID);
        int iKey = names.indexOf("spec_cache_key"), iCell = names.indexOf("cell_index");
        Map<List<Object>, Row> byKey = new LinkedHashMap<>();
        Set<List<String>> partitions = new LinkedHashSet<>();
        for (Row r : rows) {
            List<Object> key = List.of(r.get(iSweep), r.get(iKey), r.get(iCell), r.get(iPipe));
            if (byKey.put(key, r) != null) {
                throw new IllegalArgumentException("duplicate outcome key (sweep_id, spec_cache_key, cell_index, "
                        + "pipeline_id) = " + key);
            }
            partitions.add(List.of(r.getString(iSweep), r.getString(iPipe)));
        }
        List<Row> all = new ArrayList<>(byKey.values());
        int kept = 0;
        if (!replace && !partitions.isEmpty() && exists(spark, tableUri)) {
            Column touched = functions.lit(false);
            for (List<String> p : partitions) {
                touched = touched.or(functions.col(OutcomeTableSchema.SWEEP_ID).equalTo(p.get(0))
                        .and(functions.col(OutcomeTableSchema.PIPELINE_ID).equalTo(p.get(1))));
            }
            // collected before the overwrite deletes the partition's files
            List<Row> earlier = spark.read().schema(OutcomeTableSchema.schema()).parquet(tableUri).filter(touched)
                    .selectExpr(names.stream().map(n -> "`" + n + "`").toArray(String[]::new)).collectAsList();
            for (Row r : earlier) {
                List<Object> key = List.of(r.get(iSweep), r.get(iKey), r.get(iCell), r.get(iPipe));
                if (!byKey.containsKey(key)) {
                    all.add(r);
                    kept++;
                }
            }
        }
        Dataset<Row> df = spark.createDataFrame(all, OutcomeTableSchema.schema());
        df.repartition(functions.col(OutcomeTableSchema.SWEEP_ID), functions.col(OutcomeTableSchema.PIPELINE_ID))
                .sortWithinPartitions(OutcomeTableSchema.SWEEP_ID, OutcomeTableSchema.PIPELINE_ID, "spec_cache_key",
                        "cell_index")
                .write().mode(SaveMode.Overwrite).option("partitionOverwriteMode", "dynamic")
                .partitionBy(OutcomeTableSchema.SWEEP_ID, OutcomeTableSchema.PIPELINE_ID).parquet(tableUri);
        List<String> names2 = new ArrayList<>();
        for (List<String> p : partitions) {
            names2.add(p.get(0) + "/" + p.get(1));
        }
        return new Written(byKey.size(), kept, names2);
    }

    private static boolean exists(SparkSession spark, String tableUri) {
        try {
            Path p = new Path(tableUri);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(p) && fs.listStatus(p).length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
