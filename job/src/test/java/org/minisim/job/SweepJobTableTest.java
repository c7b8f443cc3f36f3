package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.table.CellMetrics;
import org.minisim.job.testing.SharedSpark;
import org.minisim.job.table.CellRowsJson;
import org.minisim.job.table.CellTableRows;
import org.minisim.job.table.CellTableSchema;
import org.minisim.job.table.CellTableWriter;

/** The table writer: explicit schema, one partition per sweep, rerun replaces only its own partition. */
class SweepJobTableTest {

    @TempDir
    Path dir;

    private static List<Row> rows(String sweep, String key, double na, List<String> ax) {
        List<LinkedHashMap<String, Object>> cells = CellRowsJson.read(CellRowsJson.write(CellMetrics.compute(
                SweepJobCellMetricsTest.spec(2.0), SweepJobCellMetricsTest.truth(new double[] {1, 3, 2, 1, 0, 0, 0, 0}),
                "test")));
        LinkedHashMap<String, String> axes = new LinkedHashMap<>();
        axes.put("acquisition.optics.na", Double.toString(na));
        LinkedHashMap<String, Double> axCols = CellTableRows.prefixed(java.util.Map.of("acquisition__optics__na", na));
        return new CellTableRows(sweep, key, "file:///s/" + key + ".zarr", 0, 7L, axes, axCols).rows(cells, ax);
    }

    @Test
    void rerunReplacesOnlyItsOwnPartition() {
        SparkSession spark = SharedSpark.session();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> ax = List.of("ax_acquisition__optics__na");
        StructType schema = CellTableSchema.schema(ax);
        String table = dir.resolve("cells").toUri().toString();

        List<Row> a = new ArrayList<>(rows("a", "ffff000000000000", 0.3, ax));
        a.addAll(rows("a", "0000ffff00000000", 0.45, ax));
        CellTableWriter.write(spark, jsc.parallelize(a, 2), schema, table, 1);
        CellTableWriter.write(spark, jsc.parallelize(rows("b", "1111000000000000", 0.3, ax), 1), schema, table, 1);
        // rerun of sweep a: same rows again — must not duplicate
        CellTableWriter.write(spark, jsc.parallelize(a, 2), schema, table, 1);

        Dataset<Row> t = spark.read().parquet(table);
        assertEquals(4, t.filter("sweep_id = 'a'").count(), "one row per (recording, cell)");
        assertEquals(2, t.filter("sweep_id = 'b'").count(), "other sweep untouched");
        assertEquals(4, t.filter("sweep_id = 'a'").select("spec_cache_key", "cell_index").distinct().count());
        List<Row> first = t.filter("sweep_id = 'a'").select("spec_cache_key", "cell_index", "amplitude",
                "ax_acquisition__optics__na", "axes", "detection_snr").collectAsList();
        assertEquals("0000ffff00000000", first.get(0).getString(0), "sorted by key then cell");
        assertEquals(0, first.get(0).getInt(1));
        assertEquals(1, first.get(1).getInt(1));
        assertNull(first.get(1).get(2), "NaN amplitude stored as null");
        assertEquals(0.45, first.get(0).getDouble(3));
        assertEquals("0.45", first.get(0).getJavaMap(4).get("acquisition.optics.na"));
        assertTrue(first.get(0).getDouble(5) > 3.0);
        assertEquals(0, t.filter("isnan(detection_snr) or isnan(depth_um)").count());
        StructType read = t.schema();
        assertEquals("double", read.apply("oracle_trace_corr").dataType().typeName());
        assertEquals("map", read.apply("axes").dataType().typeName());
    }
}
