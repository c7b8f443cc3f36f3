package org.minisim.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.footprint.ImageStack;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.Recording;
import org.minisim.recording.io.RecordingSaver;
import org.minisim.recording.TruthViews;
import org.minisim.render.Simulator;
import org.minisim.render.SpecFixtures;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;
import org.minisim.store.NullCodec;
import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ZarrDtype;

/** {@code score --outcome}: per-cell outcome JSON lines keyed by the store, beside the usual summary. */
class ScoreOutcomeCommandTest {

    @TempDir
    Path tmp;

    private Path store;
    private String key;
    private GroundTruth gt;
    private String[] result;

    @BeforeEach
    void simulate() throws IOException {
        Recording rec = Simulator.simulate(SpecFixtures.quickstart(32, 0.5, 3));
        key = CanonicalJson.cacheKey(rec.spec());
        store = tmp.resolve(key + ".zarr");
        RecordingSaver.save(rec, store);
        gt = rec.truth();
    }

    private static void put(ByteStore s, String path, long[] shape, double[] v) throws IOException {
        ZarrArrayMeta meta = ZarrArrayMeta.singleChunk(shape, ZarrDtype.F8, new NullCodec());
        Zarr.createArray(s, path, meta);
        Zarr.writeArray(s, path, meta, ZarrDtype.F8.encode(v, 0, v.length));
    }

    private Path estimate(String name, ImageStack a, double[] c) throws IOException {
        Path est = tmp.resolve(name);
        FileByteStore s = new FileByteStore(est);
        Zarr.createGroup(s, "", null);
        put(s, "A", new long[] {a.size(), a.height(), a.width()}, a.toDense());
        if (c != null) {
            put(s, "C", new long[] {a.size(), gt.nFrames()}, c);
        }
        return est;
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = ScoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        result = new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        return code;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(m.readTree(line));
        }
        return out;
    }

    private static List<String> fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            f.add(it.next());
        }
        return f;
    }

    @Test
    void theTruthsObservedFootprintsRecoverEveryCell() throws IOException {
        ImageStack a = TruthViews.aObserved(gt);
        Path est = estimate("truth.zarr", a, gt.c());
        Path outcome = tmp.resolve("out.jsonl");
        assertEquals(0, run("--store", store.toString(), "--estimate", est.toString(), "--outcome",
                outcome.toString(), "--pipeline-id", "truth-1.0", "--sweep-id", "sw1", "--shift", "none"), result[1]);
        assertTrue(result[0].startsWith("cells: recall=1.00 precision="), result[0]);
        assertTrue(result[0].contains("population: "), "still the Report summary");
        List<JsonNode> rows = lines(outcome);
        assertEquals(gt.nUnits(), rows.size(), "one line per ground-truth unit, detectable or not");
        assertFalse(Files.exists(tmp.resolve("out.jsonl.tmp")));
        for (int j = 0; j < rows.size(); j++) {
            JsonNode r = rows.get(j);
            assertEquals(OutcomeLines.COLUMNS, fields(r));
            assertEquals("sw1", r.get("sweep_id").asText());
            assertEquals(key, r.get("spec_cache_key").asText());
            assertEquals(j, r.get("cell_index").asInt());
            assertEquals("truth-1.0", r.get("pipeline_id").asText());
            assertEquals("iou", r.get("match_metric").asText());
            assertEquals(0.5, r.get("match_threshold").asDouble());
            assertEquals(j, r.get("matched_est_index").asInt());
            assertEquals(1.0, r.get("match_similarity").asDouble());
            assertTrue(r.get("recovered").asBoolean());
            assertEquals(1.0, r.get("best_similarity").asDouble());
            assertTrue(r.get("trace_corr").isNull() || Math.abs(r.get("trace_corr").asDouble() - 1.0) < 1e-12);
            assertTrue(r.get("activity_corr").isNull(), "no activity in the estimate");
            assertEquals(0, r.get("footprint_shift_dy").asInt());
            assertEquals(gt.nUnits(), r.get("n_est").asInt());
            assertEquals(0, r.get("n_false_positive").asInt());
        }
    }

    @Test
    void anEmptyEstimateRecoversNoneWithoutError() throws IOException {
        Path est = estimate("empty.zarr", ImageStack.fromDense(0, gt.fovHeight(), gt.fovWidth(), new double[0]),
                null);
        Path outcome = tmp.resolve("empty.jsonl");
        assertEquals(0, run("--store", store.toString(), "--estimate", est.toString(), "--outcome",
                outcome.toString(), "--pipeline-id", "nothing"), result[1]);
        assertTrue(result[0].startsWith("cells: recall=0.00 precision=0.00 f1=0.00"), result[0]);
        List<JsonNode> rows = lines(outcome);
        assertEquals(gt.nUnits(), rows.size());
        for (JsonNode r : rows) {
            assertTrue(r.get("sweep_id").isNull(), "no --sweep-id");
            assertFalse(r.get("recovered").asBoolean());
            assertTrue(r.get("matched_est_index").isNull());
            assertTrue(r.get("match_similarity").isNull());
            assertTrue(r.get("best_similarity").isNull());
            assertEquals(0, r.get("n_est").asInt());
            assertEquals(0, r.get("n_false_positive").asInt());
        }
    }

    @Test
    void outcomeOptionsGoTogether() {
        assertEquals(2, run("--store", store.toString(), "--estimate", tmp.toString(), "--outcome", "x.jsonl"));
        assertTrue(result[1].contains("--pipeline-id"), result[1]);
        assertEquals(2, run("--store", store.toString(), "--estimate", tmp.toString(), "--pipeline-id", "p"));
        assertTrue(result[1].contains("--outcome"), result[1]);
        assertEquals(2, run("--store", store.toString(), "--estimate", tmp.toString(), "--outcome", "x.jsonl",
                "--pipeline-id", " "));
    }

    @Test
    void aStoreWhoseSpecDoesNotHashToItsKeyIsRefusedForOutcomes() throws IOException {
        Files.writeString(store.resolve("spec.json"), CanonicalJson.pretty(SpecFixtures.quickstart(32, 0.5, 4)),
                StandardCharsets.UTF_8);
        Path est = estimate("e.zarr", TruthViews.aObserved(gt), null);
        Path outcome = tmp.resolve("bad.jsonl");
        assertEquals(1, run("--store", store.toString(), "--estimate", est.toString(), "--outcome",
                outcome.toString(), "--pipeline-id", "p"));
        assertTrue(result[1].contains("hash mismatch"), result[1]);
        assertFalse(Files.exists(outcome));
    }
}
