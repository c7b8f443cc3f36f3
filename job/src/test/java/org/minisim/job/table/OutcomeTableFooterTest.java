package org.minisim.job.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.testing.SharedSpark;

/** The outcome table's files describe every column in their footer, and Spark's DESCRIBE shows it. */
class OutcomeTableFooterTest {

    @TempDir
    Path dir;

    private static Row row(String key, int cell, Double similarity) {
        return RowFactory.create(key, cell, "iou", 0.5, similarity == null ? null : 0, similarity,
                similarity != null && similarity >= 0.5, similarity, null, null, null, null, 0, 0, 1, 0, "s",
                "pipe-1");
    }

    @Test
    void everyFileColumnCarriesItsDescriptionInTheFooterAndDescribeShowsIt() throws IOException {
        SparkSession spark = SharedSpark.session();
        String table = dir.resolve("outcomes").toString();
        OutcomeTableWriter.write(spark, List.of(row("abcd000000000000", 0, 0.7), row("abcd000000000000", 1, null)),
                table, false);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("outcomes"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertFalse(files.isEmpty(), "a Parquet file was written");
        for (Path file : files) {
            assertTrue(file.getParent().toString().endsWith("sweep_id=s/pipeline_id=pipe-1"), file.toString());
            Map<String, String> footer;
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
                footer = r.getFooter().getFileMetaData().getKeyValueMetaData();
            }
            StructType inFile = (StructType) StructType.fromJson(footer.get(CellTableSchema.SPARK_SCHEMA_KEY));
            List<String> expected = new ArrayList<>(OutcomeTableSchema.columns());
            expected.removeAll(OutcomeTableSchema.PARTITION_COLUMNS);
            assertEquals(expected, List.of(inFile.fieldNames()), "the file holds every non-partition column");
            for (StructField f : inFile.fields()) {
                assertTrue(f.getComment().isDefined() && !f.getComment().get().isBlank(), "described: " + f.name());
            }
        }

        // a plain read finds the comments in the footers (the partition columns are directories: Spark gives
        // them none, their descriptions are in OutcomeTableSchema and docs/table.md)
        StructType plain = spark.read().parquet(table).schema();
        assertTrue(plain.apply("recovered").getComment().get().contains("match_threshold"));
        assertTrue(plain.apply("footprint_shift_dy").getComment().get().endsWith("[px]"), "unit in the comment");
        spark.read().parquet(table).createOrReplaceTempView("described_outcomes");
        List<Row> described = spark.sql("DESCRIBE described_outcomes").collectAsList();
        List<String> fileColumns = new ArrayList<>(OutcomeTableSchema.columns());
        fileColumns.removeAll(OutcomeTableSchema.PARTITION_COLUMNS);
        for (String name : fileColumns) {
            assertTrue(described.stream().anyMatch(r -> name.equals(r.getString(0)) && r.getString(2) != null
                    && !r.getString(2).isBlank()), "DESCRIBE shows the comment of " + name);
        }
    }
}
