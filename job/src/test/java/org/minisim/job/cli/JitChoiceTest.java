package org.minisim.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.run.CompositeWarmUp;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.store.FileByteStore;

/**
 * The compiler choice of a local run: small sweeps stay on the quick compiler, large ones (many pixel-frames or
 * many cells) want the optimising one, and the relaunched JVM runs the same sweep to the same stores.
 */
class JitChoiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static SweepPlan sweep(String baseFile, double seconds, int seeds) throws Exception {
        return SweepFile.read(sweepText(baseFile, seconds, seeds));
    }

    /** @return a sweep file of {@code seeds} recordings of a template at that duration */
    private static String sweepText(String baseFile, double seconds, int seeds) throws Exception {
        ObjectNode base = (ObjectNode) JSON.readTree(Path.of("..", baseFile).toFile());
        ((ObjectNode) base.get("acquisition")).put("duration_s", seconds);
        ObjectNode s = JSON.createObjectNode();
        s.put("sweep_format", 1).put("sweep_id", "jit");
        s.set("base", base);
        if (seeds > 1) {
            s.putObject("seeds").put("start", 0).put("count", seeds);
        }
        s.putObject("output").put("stores", "/tmp/unused/stores").put("table", "/tmp/unused/cells");
        return s.toString();
    }

    @Test
    void smallSweepsKeepTheQuickCompilerAndLargeOnesWantTheOptimisingOne() throws Exception {
        SweepPlan quickstart = SweepFile.read(Files.readString(Path.of("..", "conf/sweeps/quickstart.json")));
        SweepPlan oneTiny = sweep("conf/bench/tiny-64px-2s.json", 2.0, 1);
        SweepPlan fullFour = sweep("conf/bench/full-256.json", 30.0, 4);
        SweepPlan dense = sweep("conf/bench/quickstart-dense-256-10s.json", 10.0, 1);
        assertTrue(JitChoice.work(quickstart) < JitChoice.WORK_THRESHOLD, "README's quick start");
        assertTrue(JitChoice.work(oneTiny) < JitChoice.WORK_THRESHOLD / 100, "one tiny recording");
        assertTrue(JitChoice.work(fullFour) > JitChoice.WORK_THRESHOLD, "4 x 256 px x 30 s");
        assertTrue(JitChoice.work(dense) > JitChoice.WORK_THRESHOLD, "5243 cells: the cells weigh in");
        assertTrue(JitChoice.work(sweep("conf/bench/tiny-64px-2s.json", 2.0, 2000)) > JitChoice.WORK_THRESHOLD,
                "2000 tiny recordings");
        // only a JVM the launcher started on the quick compiler relaunches, and only for tasks it runs itself
        assertEquals(fullFour.recordings(), JitChoice.readOrHandOver(
                sweepText("conf/bench/full-256.json", 30.0, 4), true).recordings(),
                "this test JVM was not started so: it reads the whole sweep");
    }

    private static double largestComposite(SweepPlan plan) {
        return CompositeWarmUp.largestComposite(plan.recordings().stream().map(SweepRecording::spec).toList());
    }

    @Test
    void theRelaunchedJvmWarmsUpTheVectorCompositeOnlyForALargeOne() throws Exception {
        // a full 256 px x 30 s recording's composite is ~8.6e9 multiply-adds (docs/benchmark.md#vector-composite):
        // the estimate is MemoryEstimate's patch sizes (within 0.5x-2x): well past the vector kernel's 1e9
        double full = largestComposite(sweep("conf/bench/full-256.json", 30.0, 4));
        assertTrue(full > 4.3e9 && full < 1.7e10, "4 x full 256 px x 30 s: " + full);
        // a tiny recording's is far below it however many there are: no warm-up for a sweep that will not use it
        double tiny = largestComposite(sweep("conf/bench/tiny-64px-2s.json", 2.0, 2000));
        assertTrue(tiny < 1e8, "2000 tiny recordings: " + tiny);
    }

    @Test
    void theRelaunchedJvmRunsTheSweepAndReturnsItsStatus() throws Exception {
        Path stores = dir.resolve("stores"), table = dir.resolve("cells");
        ObjectNode base = (ObjectNode) JSON.readTree(Path.of("..", "conf/bench/tiny-64px-2s.json").toFile());
        ObjectNode s = JSON.createObjectNode();
        s.put("sweep_format", 1).put("sweep_id", "jit-relaunch");
        s.set("base", base);
        s.putObject("output").put("stores", stores.toString()).put("table", table.toString());
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, s.toString());
        SweepPlan plan = SweepFile.read(s.toString());
        int status = JitChoice.relaunch(new String[] {sweep.toString(), "--no-report", "--master", "local[1]"});
        assertEquals(0, status);
        String key = plan.recordings().get(0).cacheKey();
        assertTrue(RecordingStoreWriter.isComplete(new FileByteStore(stores.resolve(key + ".zarr"))), key);
        assertEquals(2, JitChoice.relaunch(new String[] {sweep.toString(), "--frames-per-task"}),
                "a usage error's status comes back");
    }

    @Test
    void relaunchDropsOnlyTheIncubatorNoticeFromTheChildsErrors() {
        String notice = JitChoice.INCUBATOR_WARNING + System.lineSeparator();
        assertEquals("hello\r50%\rdone\n", forwarded(notice + "hello\r50%\rdone\n"));
        assertEquals("WARNING: Using something else\nx", forwarded("WARNING: Using something else\nx"));
        assertEquals("later\n" + notice, forwarded("later\n" + notice), "only a first line is the JVM's notice");
        assertEquals("WARNING: Using incub", forwarded("WARNING: Using incub"), "a cut prefix is kept");
        assertEquals("", forwarded(""));
        String directives = "2" + JitChoice.DIRECTIVES_NOTICE_END + System.lineSeparator();
        assertEquals("run\n", forwarded(directives + notice + "run\n"), "both notices, in the JVM's order");
        assertEquals("run\n", forwarded(notice + directives + "run\n"));
        assertEquals(directives + "run\n", forwarded(notice + directives + directives + "run\n"),
                "at most two notices");
        assertEquals("100%\r", forwarded("100%\r"), "a status line starting with digits is not held back");
        assertEquals("12 compiler directives", forwarded("12 compiler directives"), "a cut notice is kept");
    }

    @Test
    void theRelaunchedJvmReadsTheShippedCompilerDirectives() throws Exception {
        String home = System.getProperty("minisim.home");
        try {
            System.setProperty("minisim.home", "..");
            List<String> options = JitChoice.directiveOptions(List.of("-Xmx1g"));
            assertEquals(3, options.size(), options.toString());
            assertEquals(List.of(), JitChoice.directiveOptions(List.of("-XX:CompilerDirectivesFile=/elsewhere.json")),
                    "a directives file of the user's own is kept");
            // the JVM refuses to start on a file it cannot parse: the shipped one must start one
            List<String> cmd = new java.util.ArrayList<>(List.of(
                    System.getProperty("java.home") + "/bin/java"));
            cmd.addAll(options);
            cmd.add("-version");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.Charset.defaultCharset());
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.lines().anyMatch(JitChoice::isStartNotice), out);
            System.setProperty("minisim.home", dir.toString());
            assertEquals(List.of(), JitChoice.directiveOptions(List.of()), "no file, no options");
        } finally {
            if (home == null) {
                System.clearProperty("minisim.home");
            } else {
                System.setProperty("minisim.home", home);
            }
        }
    }

    /** @return what {@link JitChoice#forwardStderr} writes for that child output, read one byte at a time */
    private static String forwarded(String childErr) {
        byte[] bytes = childErr.getBytes(java.nio.charset.Charset.defaultCharset());
        java.io.InputStream oneByteAtATime = new java.io.ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JitChoice.forwardStderr(oneByteAtATime, new java.io.PrintStream(out, true));
        return out.toString(java.nio.charset.Charset.defaultCharset());
    }
}
