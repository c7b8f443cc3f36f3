package org.minisim.job.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.testing.SharedSpark;
import org.minisim.table.RecordingIdentity;
import org.minisim.table.TableDictionary;
import org.minisim.table.TableFixtures;

/** The Spark SQL examples of docs/table.md run, and return rows, on a cell table and an outcome table. */
class TableDocQueriesTest {

    private static final String BEGIN = "<!-- spark-sql:begin -->";
    private static final String END = "<!-- spark-sql:end -->";
    private static final List<String> KEYS = List.of("0000ffff00000000", "ffff000000000000");

    @TempDir
    Path dir;

    /** @return the statements of the document's Spark SQL block, in order */
    private static List<String> statements() throws IOException {
        String doc = Files.readString(TableDictionary.docFile(), StandardCharsets.UTF_8);
        String block = TableDictionary.between(doc, BEGIN, END).strip();
        assertTrue(block.startsWith("```sql") && block.endsWith("```"), "one sql code block between the markers");
        block = block.substring("```sql".length(), block.length() - "```".length());
        List<String> out = new ArrayList<>();
        for (String s : block.split(";")) {
            if (!s.strip().isEmpty()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    @Test
    void theSparkSqlExamplesRunOnTheTables() throws IOException {
        SparkSession spark = SharedSpark.session();
        String cells = dir.resolve("cells").toUri().toString(), outcomes = dir.resolve("outcomes").toString();
        CellTableWriter w = new CellTableWriter(StoreRoot.of(cells, new Configuration()), "quickstart", List.of(),
                100);
        List<Row> outcomeRows = new ArrayList<>();
        for (String k : KEYS) {
            w.add(new RecordingIdentity("quickstart", k, "file:///s/" + k + ".zarr", 0, 0L, new LinkedHashMap<>(),
                    new LinkedHashMap<>(), "train"), TableFixtures.rows(2.0, new double[] {1, 3, 2, 1, 0, 0, 0, 0}));
            for (int cell = 0; cell < 2; cell++) {
                outcomeRows.add(RowFactory.create(k, cell, "iou", 0.5, cell, 0.6, true, 0.6, 0.9, null, null, null,
                        0, 0, 2, 0, "quickstart", "toy-1.0"));
            }
        }
        w.commit();
        OutcomeTableWriter.write(spark, outcomeRows, outcomes, false);

        List<String> statements = statements();
        assertTrue(statements.size() >= 4, "views, DESCRIBE and queries: " + statements.size());
        int queries = 0;
        for (String sql : statements) {
            String s = sql.replace("'out/quickstart/cells'", "'" + cells + "'")
                    .replace("'out/quickstart/outcomes'", "'" + outcomes + "'");
            assertFalse(s.contains("out/quickstart"), "every path is one of the two tables: " + sql);
            List<Row> result = spark.sql(s).collectAsList();
            String code = s.replaceAll("(?m)^--.*$", "").strip();
            if (code.startsWith("SELECT") || code.startsWith("DESCRIBE")) {
                assertFalse(result.isEmpty(), "returns rows: " + sql);
                queries++;
            }
        }
        assertTrue(queries >= 3, "DESCRIBE and two queries at least");
        // the expression the document gives for +∞ in Spark SQL
        assertEquals(Double.POSITIVE_INFINITY, spark.sql("SELECT double('inf')").first().getDouble(0));
    }
}
