package org.minisim.job;

import org.minisim.job.cli.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minisim.job.testing.ChildJvm;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.testing.SharedSpark;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.recording.io.RecordingLayout;

/**
 * The sweep job end to end on tiny recordings (48 × 48 px, 30 frames in 8-frame chunks, quick-start chain with
 * intermediates; 2 NA values × 2 seeds): determinism across masters and frame-range sizes, reuse on rerun,
 * a retried task, a killed driver, and a bad sweep file.
 */
class SweepJobEndToEndTest {

    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "tiny",
             "base": {"acquisition": {"optics": {"na": 0.45, "magnification": 8.0},
                        "image_sensor": {"n_px_height": 48, "n_px_width": 48, "pixel_pitch_um": 8.0},
                        "fps": 20.0, "duration_s": 1.5},
                      "seed": 0,
                      "steps": [{"kind": "place_neurons"}, {"kind": "cell_activity"}, {"kind": "optics"},
                                {"kind": "composite"}, {"kind": "sensor"}],
                      "output": {"save_intermediates": true}},
             "axes": [{"path": "acquisition.optics.na", "values": [0.3, 0.6]}],
             "seeds": {"start": 0, "count": 2},
             "output": {"stores": "STORES", "table": "TABLE"}}
            """;

    @TempDir
    Path dir;

    @AfterEach
    void resetConf() {
        SparkSession s = SharedSpark.session();
        s.conf().unset(SweepJob.CHUNK_FRAMES_CONF);
        s.conf().unset(SweepJob.FAIL_HOOK_CONF);
    }

    private SweepPlan plan(Path out) {
        return SweepFile.read(SWEEP.replace("STORES", out.resolve("stores").toUri().toString())
                .replace("TABLE", out.resolve("cells").toUri().toString()));
    }

    private SweepSummary run(SparkSession spark, Path out, int framesPerTask) {
        spark.conf().set(SweepJob.CHUNK_FRAMES_CONF, "8");
        SweepPlan p = plan(out);
        SweepRunOptions o = SweepRunOptions.of("tiny", p, p.storesUri(), p.tableUri()).withFramesPerTask(framesPerTask)
                .withStreams(new PrintStream(new ByteArrayOutputStream()), System.err);
        return SweepJob.run(spark, o);
    }

    /** @return relative path → bytes of every file under a directory */
    static TreeMap<String, byte[]> files(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void assertSameFiles(TreeMap<String, byte[]> a, TreeMap<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            assertArrayEquals(e.getValue(), b.get(e.getKey()), e.getKey());
        }
    }

    static List<String> table(SparkSession spark, Path out) {
        Dataset<Row> t = spark.read().parquet(out.resolve("cells").toUri().toString()).drop("store_uri");
        List<String> rows = new ArrayList<>();
        for (Row r : t.collectAsList()) {
            rows.add(r.toString());
        }
        rows.sort(null);
        return rows;
    }

    static long distinctKeys(SparkSession spark, Path out) {
        return spark.read().parquet(out.resolve("cells").toUri().toString())
                .select("sweep_id", "spec_cache_key", "cell_index").distinct().count();
    }

    @Test
    void storesAndTableDoNotDependOnMasterOrFramesPerTaskAndRerunReuses() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        SparkSession one = SharedSpark.restart("local[1]");
        SweepSummary sa = run(one, a, 8);
        assertEquals(4, sa.done());
        assertTrue(sa.cells() > 0);
        List<String> tableA = table(one, a);
        SparkSession two = SharedSpark.restart("local[2]");
        SweepSummary sb = run(two, b, 256); // one unit per recording (truth + whole movie) vs 4 ranges above
        assertEquals(4, sb.done());
        TreeMap<String, byte[]> fa = files(a.resolve("stores")), fb = files(b.resolve("stores"));
        assertTrue(fa.keySet().stream().anyMatch(k -> k.contains("/snapshots/sensor/3.0.0")), fa.keySet().toString());
        assertSameFiles(fa, fb);
        assertEquals(tableA, table(two, b)); // every column, R columns included, exactly
        assertEquals(sa.cells(), tableA.size());
        Dataset<Row> cells = two.read().parquet(b.resolve("cells").toUri().toString());
        for (String c : List.of("center_mean_e", "observed_mean_counts_at_cell", "snr_with_background")) {
            assertEquals(0, cells.filter(cells.col(c).isNull()).count(), c + " set on every row of a sensor recording");
        }
        for (String c : List.of("roi_trace_corr", "oracle_trace_corr", "oracle_empirical_snr")) {
            assertTrue(cells.filter(cells.col(c).isNotNull()).count() > 0, c + " set on active cells");
        }
        assertEquals(0, cells.filter("oracle_trace_corr > 1.0 OR oracle_trace_corr < -1.0").count());
        String meta = Files.readString(b.resolve("cells").resolve(JobMetadata.key("tiny")));
        for (String k : List.of("\"impl_version\"", "\"format_version\" : 2", "\"detect_snr_threshold\"",
                "\"neighbor_cosine_threshold\" : 0.1", "\"energy_frac\" : 0.9", "\"roi_rel_threshold\" : 0.18",
                "\"oracle_ridge\"", "\"oracle_rule\"", "\"oracle_motion\"", "\"frames_per_task\" : 256",
                "\"sweep_id\" : \"tiny\"", "\"timestamp\"")) {
            assertTrue(meta.contains(k), k + " in " + meta);
        }

        // rerun: every store reused, the partition rewritten without duplicates
        SweepSummary again = run(two, b, 256);
        assertEquals(4, again.reused());
        assertEquals(0, again.done());
        assertSameFiles(fb, files(b.resolve("stores")));
        assertEquals(tableA, table(two, b));
        assertEquals(tableA.size(), distinctKeys(two, b));

        // a store whose spec.json hashes elsewhere and a store without its commit marker are redone
        List<String> keys = plan(b).recordings().stream().map(r -> r.cacheKey()).toList();
        Path s0 = b.resolve("stores").resolve(keys.get(0) + ".zarr"), s1 = b.resolve("stores").resolve(keys.get(1) + ".zarr");
        Files.copy(s1.resolve("spec.json"), s0.resolve("spec.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(s1.resolve(RecordingLayout.COMMIT_MARKER));
        SweepSummary fixed = run(two, b, 256);
        assertEquals(2, fixed.done());
        assertEquals(2, fixed.reused());
        assertTrue(fixed.outcomes().get(0).message().contains("hashes to " + keys.get(1)),
                fixed.outcomes().get(0).message());
        assertSameFiles(fb, files(b.resolve("stores")));
        assertEquals(tableA.size(), distinctKeys(two, b));
        String manifest = Files.readString(b.resolve("cells/_manifests/tiny.jsonl"));
        assertEquals(4, manifest.lines().count());
        assertTrue(manifest.contains("\"status\":\"reused\"") && manifest.contains("\"status\":\"done\""), manifest);
    }

    @Test
    void aTaskFailingOnceStillGivesIdenticalStores() throws IOException {
        Path ref = dir.resolve("ref"), retried = dir.resolve("retried");
        SparkSession two = SharedSpark.restart("local[2]");
        run(two, ref, 8);
        String key = plan(ref).recordings().get(0).cacheKey();
        SparkSession retrying = SharedSpark.restart("local[2,2]");
        try {
            retrying.conf().set(SweepJob.FAIL_HOOK_CONF, key + ":8");
            SweepSummary s = run(retrying, retried, 8);
            assertEquals(4, s.done());
        } finally {
            SharedSpark.restart("local[2]");
        }
        assertSameFiles(files(ref.resolve("stores")), files(retried.resolve("stores")));
    }

    @Test
    void aFailingRecordingIsReportedAndTheOthersCommit() throws IOException {
        Path out = dir.resolve("fail");
        SparkSession two = SharedSpark.restart("local[2]");
        String key = plan(out).recordings().get(1).cacheKey();
        two.conf().set(SweepJob.FAIL_HOOK_CONF, key + ":0"); // local[2]: one attempt per task, so it fails for good
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        two.conf().set(SweepJob.CHUNK_FRAMES_CONF, "8");
        SweepPlan p = plan(out);
        // the ended listener is told of every recording as it ends; one that throws (here on its first call) loses none
        Map<String, RecordingOutcome.Status> told = new java.util.concurrent.ConcurrentHashMap<>();
        SweepSummary s = SweepJob.run(two, SweepRunOptions.of("tiny", p, p.storesUri(), p.tableUri())
                .withStreams(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
                .withEnded(o -> {
                    boolean first = told.isEmpty();
                    told.put(o.recording().cacheKey(), o.status());
                    if (first) {
                        throw new IllegalStateException("a listener failing on purpose");
                    }
                }));
        assertEquals(1, s.failed());
        assertEquals(3, s.done());
        Map<String, RecordingOutcome.Status> want = new TreeMap<>();
        for (org.minisim.spec.sweep.SweepRecording r : p.recordings()) {
            want.put(r.cacheKey(), r.cacheKey().equals(key) ? RecordingOutcome.Status.FAILED
                    : RecordingOutcome.Status.DONE);
        }
        assertEquals(want, new TreeMap<>(told));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("[failed") && e.contains(key) && e.contains("fails on purpose"), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
        assertFalse(Files.exists(out.resolve("stores").resolve(key + ".zarr").resolve(RecordingLayout.COMMIT_MARKER)));
        assertEquals(s.cells(), distinctKeys(two, out));
    }

    @Test
    void aDriverKilledMidSweepIsResumedWithoutRecomputingCommittedRecordings() throws Exception {
        Path out = dir.resolve("killed");
        Path sweep = dir.resolve("tiny.json");
        Files.writeString(sweep, SWEEP.replace("STORES", out.resolve("stores").toString())
                .replace("TABLE", out.resolve("cells").toString()));
        List<String> cmd = ChildJvm.command("768m");
        cmd.addAll(List.of(RunCommand.class.getName(),
                sweep.toString(), "--master", "local[2]", "--conf", SweepJob.CHUNK_FRAMES_CONF + "=8"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put(Progress.HALT_ENV, "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process child = pb.start();
        assertTrue(child.waitFor(180, TimeUnit.SECONDS), "child driver did not stop");
        assertEquals(Progress.HALT_STATUS, child.exitValue(), Files.readString(dir.resolve("child.log")));

        List<String> keys = plan(out).recordings().stream().map(r -> r.cacheKey()).toList();
        int committed = 0;
        for (String k : keys) {
            // a marker the halted driver was still writing may exist yet be empty: complete is what counts
            committed += org.minisim.recording.io.RecordingStoreWriter.isComplete(new org.minisim.store.FileByteStore(
                    out.resolve("stores").resolve(k + ".zarr"))) ? 1 : 0;
        }
        assertTrue(committed >= 1, "the child committed at least one recording before it was halted");

        StringBuilder states = new StringBuilder();
        for (String k : keys) {
            org.minisim.run.StoreState st = org.minisim.run.StoreState.inspect(new org.minisim.store.FileByteStore(out.resolve("stores")
                    .resolve(k + ".zarr")), k);
            states.append(k).append('=').append(st.kind()).append(st.message() == null ? "" : " " + st.message())
                    .append("; ");
        }
        SparkSession two = SharedSpark.restart("local[2]");
        SweepSummary s = run(two, out, 256);
        assertEquals(committed, s.reused(), "committed recordings are not recomputed: " + states);
        assertEquals(keys.size() - committed, s.done());
        assertEquals(0, s.failed());
        assertEquals(s.cells(), distinctKeys(two, out));
        assertEquals(s.cells(), two.read().parquet(out.resolve("cells").toUri().toString()).count());
    }

    @Test
    void aBadSweepFileWritesNothingAndListsEveryError() throws IOException {
        Path out = dir.resolve("bad");
        Path sweep = dir.resolve("bad.json");
        Files.writeString(sweep, SWEEP.replace("STORES", out.resolve("stores").toString())
                .replace("TABLE", out.resolve("cells").toString())
                .replace("\"acquisition.optics.na\", \"values\": [0.3, 0.6]",
                        "\"acquisition.optics.nax\", \"values\": [0.3]}, {\"path\": \"seed\", \"values\": [1]"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {sweep.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, e);
        assertTrue(e.contains("SW-8") && e.contains("acquisition.optics.nax"), e);
        assertTrue(e.contains("SW-13"), "every error, not just the first: " + e);
        assertFalse(Files.exists(out), "nothing written");
    }
}
