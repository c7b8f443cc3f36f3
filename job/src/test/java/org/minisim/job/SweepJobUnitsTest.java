package org.minisim.job;

import org.minisim.job.exec.Failures;
import org.minisim.job.cli.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.minisim.run.SceneCache;
import org.junit.jupiter.api.Test;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;

/** Driver pieces that need neither Spark nor a real renderer. */
class SweepJobUnitsTest {

    @Test
    void framesPerTaskRoundsUpToWholeChunks() {
        assertEquals(64, FrameRanges.alignedFramesPerTask(1, 64));
        assertEquals(256, FrameRanges.alignedFramesPerTask(256, 64));
        assertEquals(320, FrameRanges.alignedFramesPerTask(257, 64));
        assertThrows(IllegalArgumentException.class, () -> FrameRanges.alignedFramesPerTask(0, 64));
    }

    @Test
    void rangesCoverTheMovieOnChunkBoundaries() {
        List<FrameRanges.Range> r = FrameRanges.split(700, 64, 200);
        assertEquals(List.of(new FrameRanges.Range(0, 256), new FrameRanges.Range(256, 512),
                new FrameRanges.Range(512, 700)), r);
        assertEquals(List.of(new FrameRanges.Range(0, 40)), FrameRanges.split(40, 64, 256), "short movie: one range");
        assertTrue(FrameRanges.split(0, 64, 256).isEmpty());
    }

    @Test
    void aShortMovieIsCutIntoEnoughRangesForTheCoresItHas() {
        // 200 frames in 32-frame chunks, 256 frames per task asked, 2 cores for this recording: two ranges
        assertEquals(List.of(new FrameRanges.Range(0, 128), new FrameRanges.Range(128, 200)),
                FrameRanges.split(200, 32, 256, 2));
        // never below one chunk per range, never above the frames per task asked
        assertEquals(2, FrameRanges.split(40, 32, 256, 8).size());
        assertEquals(1, FrameRanges.split(20, 32, 256, 4).size());
        assertEquals(FrameRanges.split(700, 64, 200), FrameRanges.split(700, 64, 200, 2), "enough ranges already");
        for (FrameRanges.Range r : FrameRanges.split(1000, 32, 256, 3)) {
            assertEquals(0, r.t0() % 32);
            assertTrue(r.frames() <= 352);
        }
    }

    @Test
    void sceneCacheBuildsOncePerKeyUnderConcurrency() throws Exception {
        SceneCache<String> cache = new SceneCache<>(2);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fs.add(pool.submit(() -> {
                go.await();
                return cache.get("k", () -> {
                    builds.incrementAndGet();
                    sleep(50);
                    return new String("plan-k");
                });
            }));
        }
        go.countDown();
        String first = fs.get(0).get(5, TimeUnit.SECONDS);
        for (Future<String> f : fs) {
            assertSame(first, f.get(5, TimeUnit.SECONDS), "every task sees the same plan instance");
        }
        pool.shutdown();
        assertEquals(1, builds.get());
    }

    @Test
    void sceneCacheEvictsLeastRecentlyUsedAndForgetsFailures() {
        SceneCache<String> cache = new SceneCache<>(2);
        AtomicInteger builds = new AtomicInteger();
        cache.get("a", () -> "a" + builds.incrementAndGet());
        cache.get("b", () -> "b" + builds.incrementAndGet());
        cache.get("a", () -> "a" + builds.incrementAndGet()); // a is now most recent
        cache.get("c", () -> "c" + builds.incrementAndGet()); // evicts b
        assertEquals("a1", cache.get("a", () -> "rebuilt"));
        assertEquals("b4", cache.get("b", () -> "b" + builds.incrementAndGet()));
        assertThrows(IllegalStateException.class, () -> cache.get("x", () -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("x ok", cache.get("x", () -> "x ok"), "a failed build is retried, not cached");
    }

    @Test
    void badCommandLinesExitWithStatusTwoAndOneLine() {
        for (String[] args : new String[][] {{}, {"s.json", "--bogus"}, {"s.json", "--master"},
                {"s.json", "--frames-per-task", "0"}, {"s.json", "--conf", "novalue"}, {"a.json", "b.json"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = RunCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status, String.join(" ", args));
            String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(2, lines.length, "one error line and the usage line");
            assertTrue(lines[0].startsWith("minisim run: "), lines[0]);
        }
    }

    @Test
    void argumentsParse() throws Exception {
        RunArgs a = RunArgs.parse(List.of("sw.json", "--master", "local[2]", "--stores=s3a://b/s", "--table", "t",
                "--frames-per-task", "100", "--conf", "spark.x=1", "--conf", "a=b=c"));
        assertEquals("sw.json", a.sweep());
        assertEquals("local[2]", a.master());
        assertEquals("s3a://b/s", a.stores());
        assertEquals("t", a.table());
        assertEquals(100, a.framesPerTask());
        assertEquals("1", a.conf().get("spark.x"));
        assertEquals("b=c", a.conf().get("a"));
    }

    @Test
    void localPathsBecomeFileUris() {
        assertEquals("s3a://bucket/x", RunCommand.absoluteUri("s3a://bucket/x"));
        String u = RunCommand.absoluteUri("out/quickstart/stores");
        assertTrue(u.startsWith("file:/") && u.endsWith("/out/quickstart/stores"), u);
        assertFalse(RunCommand.hasScheme("C:/x"));
    }

    @Test
    void sparkAbortsAreReducedToTheExecutorMessage() {
        RuntimeException spark = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 1.0 "
                + "failed 1 times, most recent failure: Lost task 0.0 in stage 1.0 (TID 1) (127.0.0.1 executor "
                + "driver): java.lang.IllegalStateException: bad plan\n\tat x.y(Z.java:1)\n");
        assertEquals("java.lang.IllegalStateException: bad plan", Failures.oneLine(spark));
    }

    @Test
    void manifestListsRecordingsAndInvalidPointsInSweepOrder() {
        SweepPlan plan = SweepFile.read("""
                {"sweep_format": 1, "sweep_id": "m", "on_invalid_point": "skip",
                 "base": {"acquisition": {"image_sensor": {"n_px_height": 48, "n_px_width": 48}, "duration_s": 1.0},
                          "steps": [{"kind": "place_neurons"}]},
                 "axes": [{"path": "acquisition.optics.na", "values": [0.3, -1.0, 0.5]}],
                 "output": {"stores": "/tmp/s", "table": "/tmp/t"}}
                """);
        List<String> planned = Manifest.planned(plan);
        assertEquals(3, planned.size());
        assertTrue(planned.get(0).contains("\"index\":0") && planned.get(0).contains("\"status\":\"planned\""),
                planned.get(0));
        assertTrue(planned.get(1).contains("\"index\":1") && planned.get(1).contains("\"status\":\"invalid\"")
                && planned.get(1).contains("\"rule_ids\":[\"F:Optics.na\"]") && planned.get(1).contains("\"key\":null"),
                planned.get(1));
        assertTrue(planned.get(1).contains("\"axes\":{\"acquisition.optics.na\":-1.0}"), planned.get(1));
        List<RecordingOutcome> outcomes = List.of(
                new RecordingOutcome(plan.recordings().get(0), "u0", RecordingOutcome.Status.REUSED, 20, 0, 3, 1, 0.1, null,
                        org.minisim.run.TaskTimes.NONE),
                new RecordingOutcome(plan.recordings().get(1), "u1", RecordingOutcome.Status.FAILED, 20, 0, 0, 0, 0.1,
                        "boom", org.minisim.run.TaskTimes.NONE));
        List<String> done = Manifest.lines(plan, outcomes);
        assertTrue(done.get(0).contains("\"status\":\"reused\""), done.get(0));
        assertTrue(done.get(2).contains("\"index\":2") && done.get(2).contains("\"status\":\"failed\"")
                && done.get(2).contains("\"message\":\"boom\""), done.get(2));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
