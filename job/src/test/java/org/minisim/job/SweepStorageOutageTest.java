package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.cli.RunCommand;
import org.minisim.job.exec.InProcessExecutor;
import org.minisim.job.testing.FullDiskFileSystem;
import org.minisim.job.testing.S3TestServer;
import org.minisim.job.testing.SharedSpark;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.store.FileByteStore;

/**
 * Storage failing in the middle of a sweep (docs/failures.md), with the real S3 server of the tests stopped and
 * restarted on the same port and directory, and with a full local disk: the sweep stops with one line naming the
 * location and the cause, the summary and how to resume, exit status 3, stack traces only in the log file;
 * committed stores stay intact and the rerun reuses each of them; a server back within the recovery time is a blip
 * the sweep survives. Short storage budgets keep these fast.
 */
class SweepStorageOutageTest {

    /** 6 tiny recordings (3 NA values × 2 seeds), 48 × 48 px, 40 frames. */
    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "ID",
             "base": {"acquisition": {"optics": {"na": 0.45, "magnification": 8.0},
                        "image_sensor": {"n_px_height": 48, "n_px_width": 48, "pixel_pitch_um": 8.0},
                        "fps": 20.0, "duration_s": 2.0},
                      "seed": 0,
                      "steps": [{"kind": "place_neurons"}, {"kind": "cell_activity"}, {"kind": "optics"},
                                {"kind": "composite"}, {"kind": "sensor"}]},
             "axes": [{"path": "acquisition.optics.na", "values": [0.3, 0.45, 0.6]}],
             "seeds": {"start": 0, "count": 2},
             "output": {"stores": "STORES", "table": "TABLE"}}
            """;

    @TempDir
    Path dir;

    private final List<S3TestServer> servers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        FullDiskFileSystem.REMAINING.set(Long.MAX_VALUE);
        for (S3TestServer s : servers) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // already stopped
            }
        }
    }

    /** An output stream that runs an action, once, on the printing thread, when the text shows a marker. */
    static final class Trigger extends OutputStream {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final String marker;
        private final Runnable action;
        private boolean fired;

        Trigger(String marker, Runnable action) {
            this.marker = marker;
            this.action = action;
        }

        @Override
        public synchronized void write(int b) {
            buf.write(b);
            check();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buf.write(b, off, len);
            check();
        }

        private void check() {
            if (!fired && marker != null && text().contains(marker)) {
                fired = true;
                action.run();
            }
        }

        synchronized String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private S3TestServer startServer(Path base, int port) {
        S3TestServer s = S3TestServer.start(base, port);
        servers.add(s);
        return s;
    }

    private Path sweepFile(String id, String stores, String table) throws IOException {
        Path f = dir.resolve(id + ".json");
        Files.writeString(f, SWEEP.replace("ID", id).replace("STORES", stores).replace("TABLE", table));
        return f;
    }

    private static String[] args(Path sweep, S3TestServer s3, Path log, int recoverySeconds) {
        List<String> a = new ArrayList<>(List.of(sweep.toString(), "--master", "local[1]", "--conf",
                StorageWatch.RECOVERY_CONF + "=" + recoverySeconds, "--conf", RunLog.FILE_CONF + "=" + log));
        for (Map.Entry<String, String> e : s3.sparkConf().entrySet()) {
            a.add("--conf");
            a.add(e.getKey() + "=" + e.getValue());
        }
        return a.toArray(String[]::new);
    }

    private static long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    /** @return how many stores under the directory are committed */
    private static int committedStores(Path stores, SweepPlan plan) throws IOException {
        int n = 0;
        for (var r : plan.recordings()) {
            Path p = stores.resolve(r.cacheKey() + ".zarr");
            n += Files.isDirectory(p) && RecordingStoreWriter.isComplete(new FileByteStore(p)) ? 1 : 0;
        }
        return n;
    }

    /** Asserts the partition holds exactly one row per (recording, cell) of every recording of the plan. */
    private static void assertOneRowPerCell(Path tableDir, String sweepId, int recordings) {
        Dataset<Row> t = SharedSpark.session().read().parquet(tableDir.resolve("sweep_id=" + sweepId).toUri()
                .toString());
        long rows = t.count();
        assertTrue(rows > 0);
        assertEquals(rows, t.select("spec_cache_key", "cell_index").distinct().count(), "one row per cell");
        assertEquals(recordings, t.select("spec_cache_key").distinct().count(), "every recording");
    }

    @Test
    void anOutageMidSweepStopsWithOneLineKeepsTheCommittedStoresAndTheRerunResumes() throws Exception {
        int port = freePort();
        Path base = dir.resolve("s3");
        AtomicReference<S3TestServer> server = new AtomicReference<>(startServer(base, port));
        String bucket = server.get().newBucket("outage");
        Path sweep = sweepFile("outage", "s3a://" + bucket + "/stores", "s3a://" + bucket + "/cells");
        SweepPlan plan = SweepFile.read(Files.readString(sweep));
        Path log = dir.resolve("run.log");

        Trigger out = new Trigger("[done 2/6]", () -> server.get().close());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(args(sweep, server.get(), log, 3), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.text(), e = err.toString(StandardCharsets.UTF_8);
        String all = o + e;
        assertEquals(ExitStatus.STORAGE, status, all);
        assertTrue(e.contains("storage s3a://" + bucket + "/stores unreachable: connection refused (127.0.0.1:"
                + port + "); no more recordings are started"), all);
        assertTrue(e.contains("table not written: storage s3a://" + bucket + "/cells unreachable"), all);
        assertTrue(e.contains("to resume, run the same command again"), all);
        assertTrue(e.contains("details: " + log), all);
        assertTrue(o.contains("sweep outage stopped:") && o.contains("not started"), all);
        assertFalse(all.contains("\tat ") || all.contains("Caused by") || all.contains("Exception:"),
                "no stack trace or exception chain on the console: " + all);
        assertTrue(count(e, "") <= 6, "a handful of lines: " + e);
        String logged = Files.readString(log);
        assertTrue(logged.contains("Caused by: java.net.ConnectException"), "the stack traces are in the log");
        assertFalse(logged.contains("secret.key="), "no secret in the log");

        long done = count(o, "[done ");
        assertTrue(done >= 2 && done < 6, o);
        Path stores = base.resolve(bucket).resolve("stores");
        assertEquals(done, committedStores(stores, plan), "every committed recording's store is intact");

        // the server comes back on the same port and directory: the same command resumes
        server.set(startServer(base, port));
        ByteArrayOutputStream out2 = new ByteArrayOutputStream(), err2 = new ByteArrayOutputStream();
        int again = RunCommand.run(args(sweep, server.get(), log, 3), new PrintStream(out2, true, StandardCharsets.UTF_8),
                new PrintStream(err2, true, StandardCharsets.UTF_8));
        String o2 = out2.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.OK, again, o2 + err2);
        assertEquals(done, count(o2, "[reused "), "every committed store reused: " + o2);
        assertEquals(6 - done, count(o2, "[done "), o2);
        assertEquals(6, committedStores(stores, plan));
        assertOneRowPerCell(base.resolve(bucket).resolve("cells"), "outage", 6);
    }

    @Test
    void aServerBackWithinTheRecoveryTimeIsABlipTheSweepSurvives() throws Exception {
        int port = freePort();
        Path base = dir.resolve("s3");
        AtomicReference<S3TestServer> server = new AtomicReference<>(startServer(base, port));
        String bucket = server.get().newBucket("blip");
        Path sweep = sweepFile("blip", "s3a://" + bucket + "/stores", "s3a://" + bucket + "/cells");
        SweepPlan plan = SweepFile.read(Files.readString(sweep));
        Trigger out = new Trigger("[done 2/6]", () -> {
            server.get().close();
            Thread back = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                server.set(startServer(base, port));
            });
            back.setDaemon(true);
            back.start();
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(args(sweep, server.get(), dir.resolve("blip.log"), 30),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String all = out.text() + err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.OK, status, all);
        assertEquals(6, count(out.text(), "[done "), all);
        assertEquals(0, count(all, "[failed "), "a recording failed by storage is retried, never counted as bad: "
                + all);
        assertEquals(6, committedStores(base.resolve(bucket).resolve("stores"), plan));
        assertOneRowPerCell(base.resolve(bucket).resolve("cells"), "blip", 6);
    }

    @Test
    void aFullDiskNamesThePathLeavesNothingHalfWrittenCompleteAndTheRerunResumes() throws Exception {
        Path storesDir = dir.resolve("disk").resolve("stores"), tableDir = dir.resolve("disk").resolve("cells");
        String stores = FullDiskFileSystem.SCHEME + "://" + storesDir;
        Path sweep = sweepFile("full", stores, tableDir.toUri().toString());
        SweepPlan plan = SweepFile.read(Files.readString(sweep));
        Configuration hadoop = new Configuration();
        hadoop.set("fs." + FullDiskFileSystem.SCHEME + ".impl", FullDiskFileSystem.class.getName());
        Map<String, String> settings = Map.of(SweepJob.CHUNK_FRAMES_CONF, "8", StorageWatch.RECOVERY_CONF, "2");

        Trigger out = new Trigger("[done 2/6]", () -> FullDiskFileSystem.REMAINING.set(0));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SweepRunOptions o = new SweepRunOptions("full", plan, plan.storesUri(), plan.tableUri(), 16, 0,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        SweepSummary s;
        try (InProcessExecutor exec = new InProcessExecutor(1, 1)) {
            s = SweepJob.run(exec, hadoop, o, settings);
        }
        String e = err.toString(StandardCharsets.UTF_8), all = out.text() + e;
        String root = org.minisim.job.storage.StoreRoot.normalize(stores).toString();
        assertEquals(ExitStatus.STORAGE, ExitStatus.of(s), all);
        assertNotNull(s.stoppedBy(), all);
        assertTrue(s.stoppedBy().startsWith("storage " + root + " full: no space left on device"), s.stoppedBy());
        assertTrue(e.contains("no space left on device, writing " + root + "/"), "the failing path is named: " + e);
        assertFalse(all.contains("\tat ") || all.contains("Caused by"), all);
        assertEquals(2, s.done(), all);
        assertTrue(s.notStarted() >= 1, all);
        assertEquals(s.done(), committedStores(storesDir, plan), "nothing half-written looks complete");
        assertEquals(null, s.tableSkipped(), "the table's own location answers: it is written");
        String manifest = Files.readString(tableDir.resolve(Manifest.key("full")));
        assertTrue(manifest.contains("\"status\":\"not_started\""), manifest);

        FullDiskFileSystem.REMAINING.set(Long.MAX_VALUE);
        SweepSummary again;
        try (InProcessExecutor exec = new InProcessExecutor(1, 1)) {
            again = SweepJob.run(exec, hadoop, o.withStreams(new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(new ByteArrayOutputStream())), settings);
        }
        assertTrue(again.ok(), again.line());
        assertEquals(2, again.reused());
        assertEquals(4, again.done());
        assertEquals(6, committedStores(storesDir, plan));
        assertOneRowPerCell(tableDir, "full", 6);
    }
}
