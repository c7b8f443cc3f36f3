package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.table.CellTableSchema;
import org.minisim.job.table.CellTableWriter;
import org.minisim.job.testing.SharedSpark;
import org.minisim.table.CellColumn;
import org.minisim.table.CellTable;
import org.minisim.table.RecordingIdentity;
import org.minisim.table.TableFixtures;

/** The table writer: its schema, one partition per sweep, a rerun replaces only its own partition. */
class SweepJobTableTest {

    @TempDir
    Path dir;

    private static final List<String> AX = List.of("ax_acquisition__optics__na");

    private static RecordingIdentity id(String sweep, String key, double na) {
        LinkedHashMap<String, String> axes = new LinkedHashMap<>();
        axes.put("acquisition.optics.na", Double.toString(na));
        return new RecordingIdentity(sweep, key, "file:///s/" + key + ".zarr", 0, 7L, axes,
                RecordingIdentity.prefixed(Map.of("acquisition__optics__na", na)), "train");
    }

    private void write(StoreRoot table, String sweep, List<String> keys, double na, int rowsPerFile)
            throws IOException {
        CellTableWriter w = new CellTableWriter(table, sweep, AX, rowsPerFile);
        for (String k : keys) {
            w.add(id(sweep, k, na), TableFixtures.rows(2.0, new double[] {1, 3, 2, 1, 0, 0, 0, 0}));
        }
        w.commit();
    }

    @Test
    void rerunReplacesOnlyItsOwnPartition() throws IOException {
        SparkSession spark = SharedSpark.session();
        StoreRoot table = StoreRoot.of(dir.resolve("cells").toString(), new Configuration());
        write(table, "a", List.of("ffff000000000000", "0000ffff00000000"), 0.45, 3);
        write(table, "b", List.of("1111000000000000"), 0.3, 100);
        // rerun of sweep a: the same rows again — must not duplicate
        write(table, "a", List.of("ffff000000000000", "0000ffff00000000"), 0.45, 100);

        Dataset<Row> t = spark.read().parquet(table.uri().toString());
        assertEquals(4, t.filter("sweep_id = 'a'").count(), "one row per (recording, cell)");
        assertEquals(2, t.filter("sweep_id = 'b'").count(), "other sweep untouched");
        assertEquals(4, t.filter("sweep_id = 'a'").select("spec_cache_key", "cell_index").distinct().count());
        List<Row> first = t.filter("sweep_id = 'a'").select("spec_cache_key", "cell_index", "amplitude",
                "ax_acquisition__optics__na", "axes", "detection_snr", "split", "seed").collectAsList();
        assertEquals("0000ffff00000000", first.get(0).getString(0), "sorted by key then cell");
        assertEquals(0, first.get(0).getInt(1));
        assertEquals(1, first.get(1).getInt(1));
        assertNull(first.get(1).get(2), "NaN amplitude stored as null");
        assertEquals(0.45, first.get(0).getDouble(3));
        assertEquals("0.45", first.get(0).getJavaMap(4).get("acquisition.optics.na"));
        assertTrue(first.get(0).getDouble(5) > 3.0);
        assertEquals("train", first.get(0).getString(6));
        assertEquals(7L, first.get(0).getLong(7));
        assertEquals(0, t.filter("isnan(detection_snr) or isnan(depth_um)").count());
        StructType read = t.schema();
        assertEquals("double", read.apply("oracle_trace_corr").dataType().typeName());
        assertEquals("map", read.apply("axes").dataType().typeName());
        assertFalse(Files.exists(dir.resolve("cells/_temporary")) && listFiles(dir.resolve("cells/_temporary")) > 0,
                "nothing left staged");
    }

    @Test
    void everyColumnCarriesItsDescriptionInTheFileAndInSpark() throws IOException {
        SparkSession spark = SharedSpark.session();
        StoreRoot table = StoreRoot.of(dir.resolve("described").toString(), new Configuration());
        write(table, "d", List.of("abcd000000000000"), 0.3, 100);
        Path file;
        try (Stream<Path> s = Files.walk(dir.resolve("described/sweep_id=d"))) {
            file = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Map<String, String> footer;
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            footer = r.getFooter().getFileMetaData().getKeyValueMetaData();
        }
        StructType inFile = (StructType) StructType.fromJson(footer.get(CellTableSchema.SPARK_SCHEMA_KEY));
        assertEquals(CellTable.FIXED.size() + AX.size(), inFile.fields().length);
        for (StructField f : inFile.fields()) {
            assertTrue(f.getComment().isDefined() && !f.getComment().get().isBlank(), "described: " + f.name());
        }
        String dictionary = footer.get(CellTableSchema.COLUMNS_KEY);
        for (CellColumn c : CellTable.FIXED) {
            assertTrue(dictionary.contains("\"" + c.name() + "\""), c.name());
        }
        StructType read = spark.read().parquet(table.uri().toString()).schema();
        assertEquals("the recording's spec cache key: 16 hex characters of the SHA-256 of its canonical spec JSON; "
                + "names its store and joins to outcome tables", read.apply("spec_cache_key").getComment().get());
        assertTrue(read.apply("depth_um").getComment().get().endsWith("[µm]"), "unit in the comment");
        spark.read().parquet(table.uri().toString()).createOrReplaceTempView("described_cells");
        List<Row> described = spark.sql("DESCRIBE described_cells").collectAsList();
        assertTrue(described.stream().anyMatch(r -> "oracle_trace_corr".equals(r.getString(0))
                && r.getString(2) != null && r.getString(2).contains("Pearson")), "DESCRIBE shows the comment");
    }

    private static long listFiles(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
