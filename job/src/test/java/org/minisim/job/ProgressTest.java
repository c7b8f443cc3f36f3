package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.minisim.render.SpecFixtures;
import org.minisim.spec.sweep.SweepRecording;

/** The sweep's progress lines, driven by a fake clock and fake frame counters (no threads, no timing). */
class ProgressTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong frames = new AtomicLong(5000);
    private final AtomicInteger running = new AtomicInteger();

    private Progress progress(boolean terminal) {
        return new Progress(4, 400, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, now::get, frames::get, running::get);
    }

    private static RecordingOutcome outcome(RecordingOutcome.Status s, long seed) {
        SweepRecording r = new SweepRecording(0, seed, SpecFixtures.quickstart(8, 5.0, seed), "k" + seed,
                new LinkedHashMap<>(), new LinkedHashMap<>(), List.of(), null);
        return new RecordingOutcome(r, "file:/s", s, 100, 0, 10, 3, 1.0, s == RecordingOutcome.Status.FAILED
                ? "boom" : null, org.minisim.run.TaskTimes.NONE);
    }

    @Test
    void theStatusLineCountsRecordingsFramesThroughputAndEta() {
        Progress p = progress(true);
        p.started(3);
        p.report(outcome(RecordingOutcome.Status.REUSED, 1));
        frames.addAndGet(150);
        running.set(2);
        now.addAndGet(10_000_000_000L);
        assertEquals("progress: 1/4 recordings finished, 2 in flight (2 tasks running); 250/400 frames (63%); "
                + "15.0 frames/s; ETA 10 s", p.statusLine());
        p.report(outcome(RecordingOutcome.Status.FAILED, 2));
        assertTrue(p.statusLine().startsWith("progress: 2/4 recordings finished (1 failed), 1 in flight"),
                p.statusLine());
    }

    @Test
    void framesOfFinishedRecordingsCountWhenNoneAreRenderedHere() {
        Progress p = progress(true);
        p.started(4);
        p.report(outcome(RecordingOutcome.Status.DONE, 1));
        p.report(outcome(RecordingOutcome.Status.DONE, 2));
        assertEquals(200, p.framesDone(), "a cluster: the driver renders nothing itself");
        assertTrue(p.statusLine().contains("ETA ?"), "no time has passed: no rate yet");
        frames.addAndGet(10_000);
        assertEquals(400, p.framesDone(), "never above the total (retried ranges count twice)");
    }

    @Test
    void statusLinesAreThrottledAndOnlyOnATerminal() {
        Progress p = progress(true);
        p.tick();
        assertEquals("", err.toString(StandardCharsets.UTF_8), "not before the interval");
        now.addAndGet(Progress.STATUS_INTERVAL_NS);
        p.tick();
        p.tick();
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count(), "once per interval");
        now.addAndGet(Progress.STATUS_INTERVAL_NS);
        p.tick();
        assertEquals(2, err.toString(StandardCharsets.UTF_8).lines().count());

        err.reset();
        Progress quiet = progress(false);
        now.addAndGet(10 * Progress.STATUS_INTERVAL_NS);
        quiet.tick();
        quiet.report(outcome(RecordingOutcome.Status.DONE, 1));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "not a terminal: no status lines");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("[done 1/4] k1 point 0 seed 1: 100 frames, 10 cells, "
                + "3 detectable"), "the per-recording line stays");
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("42 s", Progress.duration(42.3));
        assertEquals("3 min 10 s", Progress.duration(190));
        assertEquals("1 h 02 min", Progress.duration(3720));
    }
}
