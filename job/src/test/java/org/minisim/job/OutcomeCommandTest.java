package org.minisim.job;

import org.minisim.job.cli.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.cli.OutcomeLines;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.table.CellTableWriter;
import org.minisim.table.RecordingIdentity;
import org.minisim.table.TableFixtures;
import org.minisim.job.table.OutcomeTableSchema;
import org.minisim.job.testing.SharedSpark;
import org.minisim.metrics.OutcomeRow;
import scala.collection.JavaConverters;

/** {@code minisim outcomes}: JSON-lines outcome files into the partitioned outcome table, joined to the cell table. */
class OutcomeCommandTest {

    private static final String K1 = "ffff000000000000";
    private static final String K2 = "0000ffff00000000";

    @TempDir
    Path dir;

    private String[] result;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = OutcomeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        result = new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        return code;
    }

    /** Writes a cell table of two recordings of two cells each (the worked example). */
    private static void cellTable(String uri, String sweep, String... keys) throws IOException {
        CellTableWriter w = new CellTableWriter(StoreRoot.of(uri, new org.apache.hadoop.conf.Configuration()), sweep,
                List.of(), 100);
        for (String k : keys) {
            w.add(new RecordingIdentity(sweep, k, "file:///s/" + k + ".zarr", 0, 7L, new LinkedHashMap<>(),
                    new LinkedHashMap<>(), "train"), TableFixtures.rows(2.0, new double[] {1, 3, 2, 1, 0, 0, 0, 0}));
        }
        w.commit();
    }

    private Path outcomeFile(String name, String sweep, String key, String pipeline, double sim0) throws IOException {
        List<OutcomeRow> rows = List.of(
                new OutcomeRow(0, pipeline, "iou", 0.5, 0, sim0, sim0 >= 0.5, sim0, 0.9, null, null, null, 0, 0, 1, 0),
                new OutcomeRow(1, pipeline, "iou", 0.5, null, null, false, 0.1, null, null, null, null, 0, 0, 1, 0));
        Path p = dir.resolve(name);
        Files.writeString(p, OutcomeLines.write(sweep, key, rows), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void schemaHasEveryOutcomeLineColumn() {
        assertEquals(new HashSet<>(OutcomeLines.COLUMNS), new HashSet<>(OutcomeTableSchema.columns()));
        assertEquals(OutcomeLines.COLUMNS.size(), OutcomeTableSchema.columns().size());
    }

    @Test
    void rescoringNeverDuplicatesAndTheTableJoinsTheCellTable() throws IOException {
        SparkSession spark = SharedSpark.session();
        String cellsUri = dir.resolve("cells").toUri().toString();
        cellTable(cellsUri, "a", K1, K2);

        String table = dir.resolve("outcomes").toString();
        Path f1 = outcomeFile("k1.jsonl", "a", K1, "cnmf-1", 0.8);
        Path f2 = outcomeFile("k2.jsonl", null, K2, "cnmf-1", 0.3);
        assertEquals(0, run(f1.toString(), f2.toString(), "--table", table, "--sweep-id", "a"), result[1]);
        assertTrue(result[0].contains("4 rows from 2 files"), result[0]);
        // re-score one recording with a new value: replaces its rows, keeps the other recording's
        Path f1b = outcomeFile("k1b.jsonl", "a", K1, "cnmf-1", 0.2);
        assertEquals(0, run(f1b.toString(), "--table", table), result[1]);
        assertTrue(result[0].contains("2 earlier rows kept"), result[0]);
        // the same again: nothing duplicates
        assertEquals(0, run(f1b.toString(), f2.toString(), "--table", table, "--sweep-id", "a"), result[1]);
        // another pipeline gets its own partition
        assertEquals(0, run(outcomeFile("p2.jsonl", "a", K1, "suite2p-0.14", 0.9).toString(), "--table", table),
                result[1]);

        Dataset<Row> t = spark.read().schema(OutcomeTableSchema.schema()).parquet(table);
        assertEquals(6, t.count());
        assertEquals(6, t.select("sweep_id", "spec_cache_key", "cell_index", "pipeline_id").distinct().count(),
                "one row per key");
        Row k1c0 = t.filter("pipeline_id = 'cnmf-1' and spec_cache_key = '" + K1 + "' and cell_index = 0")
                .select("match_similarity", "recovered", "activity_corr").first();
        assertEquals(0.2, k1c0.getDouble(0), "the re-scored value");
        assertFalse(k1c0.getBoolean(1));
        assertNull(k1c0.get(2));
        assertEquals(0, t.filter("isnan(best_similarity) or isnan(match_similarity)").count());

        Dataset<Row> c = spark.read().parquet(cellsUri);
        Dataset<Row> joined = c.join(t.filter("pipeline_id = 'cnmf-1'"),
                JavaConverters.asScalaBuffer(OutcomeTableSchema.JOIN_KEY).toList());
        assertEquals(4, joined.count(), "every outcome row finds its cell");
        assertEquals(0, joined.filter("recovered").count(), "both re-scored below the threshold");
        assertEquals(2, joined.filter("match_similarity is not null and detectable is not null").count());
        assertEquals(2, joined.select("spec_cache_key").distinct().count());
        StructType read = t.schema();
        assertEquals("integer", read.apply("matched_est_index").dataType().typeName());

        // --replace: the partition holds exactly the new rows
        assertEquals(0, run(f1b.toString(), "--table", table, "--replace"), result[1]);
        assertEquals(2, spark.read().schema(OutcomeTableSchema.schema()).parquet(table)
                .filter("pipeline_id = 'cnmf-1'").count());
        assertEquals(2, spark.read().schema(OutcomeTableSchema.schema()).parquet(table)
                .filter("pipeline_id = 'suite2p-0.14'").count(), "other partition untouched");
    }

    @Test
    void badInputsAreRefusedBeforeAnythingIsWritten() throws IOException {
        SharedSpark.session();
        String table = dir.resolve("t").toString();
        Path f = outcomeFile("x.jsonl", null, K1, "p", 0.8);
        assertEquals(1, run(f.toString(), "--table", table), "no sweep id anywhere");
        assertTrue(result[1].contains("sweep_id"), result[1]);
        Path g = outcomeFile("g.jsonl", "a", K1, "p", 0.8);
        assertEquals(1, run(g.toString(), g.toString(), "--table", table));
        assertTrue(result[1].contains("duplicate"), result[1]);
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"sweep_id\":\"a\",\"spec_cache_key\":\"k\",\"cell_index\":0,\"pipeline_id\":\"p\","
                + "\"surprise\":1}\n");
        assertEquals(1, run(bad.toString(), "--table", table));
        assertTrue(result[1].contains("bad.jsonl:1") && result[1].contains("surprise"), result[1]);
        assertFalse(Files.exists(dir.resolve("t")));
        assertEquals(2, run(f.toString()));
        assertEquals(2, run("--table", table));
        assertEquals(0, run("--help"));
    }
}
