package org.minisim.job;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.minisim.run.RecordingArrays;
import org.minisim.run.RenderProgress;
import org.minisim.spec.sweep.SweepRecording;

/**
 * The progress of a sweep run. Always: one line per finished recording ({@code [done 3/12] <key> point 2 seed 1:
 * 200 frames, 57 cells, 41 detectable, 3.1 s}; failures go to the error stream as one line without a stack
 * trace). Only when the output is a terminal ({@code System.console() != null}): a status line on the error
 * stream at most once every {@link #STATUS_INTERVAL_NS} ns — recordings finished / in flight / total, frames of
 * the total, throughput and an estimated time left ({@link #statusLine()}). Thread-safe; {@link #close()} stops
 * the status lines.
 *
 * <p>Frames: those rendered in this JVM ({@link RenderProgress}, every task of the in-process executor or of
 * Spark's local mode) plus the frames of reused recordings; on a cluster, whose executors render elsewhere, the
 * frames of finished recordings. In flight: recordings handed to the executor ({@link #started}) and not finished
 * yet (a batch of whole recordings counts whole when handed over); tasks running in this JVM are added in brackets
 * when there are any.
 *
 * <p>Test hook: the environment variable {@value #HALT_ENV} = N halts the JVM (exit status
 * {@value #HALT_STATUS}, no shutdown hooks) right after the N-th commit of this run, to simulate a driver
 * killed mid-sweep.
 */
final class Progress implements AutoCloseable {

    static final String HALT_ENV = "MINISIM_TEST_HALT_AFTER_COMMITS";
    static final int HALT_STATUS = 97;
    /** The shortest time between two status lines, ns (5 s). */
    static final long STATUS_INTERVAL_NS = 5_000_000_000L;
    /** How often the status thread looks at the clock, ms. */
    private static final long TICK_MS = 500;

    private final int total;
    private final long totalFrames;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean statusLines;
    private final LongSupplier clock;
    private final LongSupplier framesCounter;
    private final IntSupplier tasksRunning;
    private final long startNs;
    private final long framesAtStart;
    private final int haltAfterCommits;
    private ScheduledExecutorService ticker;
    private long lastStatusNs;
    private int finished;
    private int failed;
    private int inFlight;
    private long finishedFrames;
    private long reusedFrames;
    private int commits;

    /** Progress of a sweep's recordings; status lines when the console is a terminal. */
    Progress(List<SweepRecording> recordings, PrintStream out, PrintStream err) {
        this(recordings.size(), frames(recordings), out, err, System.console() != null, System::nanoTime,
                RenderProgress::framesRendered, RenderProgress::tasksRunning);
        if (statusLines) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "minisim-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Progress without a status thread (tests call {@link #tick()} with a fake clock).
     *
     * @param total         recordings of the sweep
     * @param totalFrames   frames of all of them
     * @param statusLines   whether {@link #tick()} prints status lines
     * @param clock         nanosecond clock
     * @param framesCounter frames rendered in this JVM so far (a counter that only grows)
     * @param tasksRunning  tasks running in this JVM now
     */
    Progress(int total, long totalFrames, PrintStream out, PrintStream err, boolean statusLines, LongSupplier clock,
             LongSupplier framesCounter, IntSupplier tasksRunning) {
        this.total = total;
        this.totalFrames = totalFrames;
        this.out = out;
        this.err = err;
        this.statusLines = statusLines;
        this.clock = clock;
        this.framesCounter = framesCounter;
        this.tasksRunning = tasksRunning;
        this.startNs = clock.getAsLong();
        this.lastStatusNs = startNs;
        this.framesAtStart = framesCounter.getAsLong();
        String halt = System.getenv(HALT_ENV);
        this.haltAfterCommits = halt == null || halt.isBlank() ? 0 : Integer.parseInt(halt.trim());
    }

    private static long frames(List<SweepRecording> recordings) {
        long f = 0;
        for (SweepRecording r : recordings) {
            f += RecordingArrays.movieFrames(r.spec());
        }
        return f;
    }

    /** Notes that {@code n} recordings were handed to the executor. */
    synchronized void started(int n) {
        inFlight += n;
    }

    synchronized RecordingOutcome report(RecordingOutcome o) {
        finished++;
        inFlight = Math.max(0, inFlight - 1);
        finishedFrames += o.frames();
        String head = String.format(Locale.ROOT, "[%s %d/%d] %s point %d seed %d: ", o.status().manifestName(),
                finished, total, o.recording().cacheKey(), o.recording().pointIndex(), o.recording().seed());
        if (o.status() == RecordingOutcome.Status.FAILED) {
            failed++;
            err.println(head + o.message());
            err.flush();
        } else {
            if (o.status() == RecordingOutcome.Status.REUSED) {
                reusedFrames += o.frames();
            }
            out.println(head + String.format(Locale.ROOT, "%d frames, %d cells, %d detectable, %.1f s", o.frames(),
                    o.cells(), o.detectable(), o.seconds()));
            out.flush();
        }
        if (o.status() == RecordingOutcome.Status.DONE) {
            commits++;
            if (haltAfterCommits > 0 && commits >= haltAfterCommits) {
                out.flush();
                err.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }
        return o;
    }

    synchronized void warn(String line) {
        err.println("warning: " + line);
        err.flush();
    }

    synchronized void info(String line) {
        out.println(line);
        out.flush();
    }

    /** Prints the status line when status lines are on and the interval has passed since the last one. */
    synchronized void tick() {
        if (!statusLines || finished >= total) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastStatusNs < STATUS_INTERVAL_NS) {
            return;
        }
        lastStatusNs = now;
        err.println(statusLine());
        err.flush();
    }

    /** @return frames done: rendered in this JVM plus reused, at least those of finished recordings, ≤ the total */
    synchronized long framesDone() {
        long rendered = Math.max(0, framesCounter.getAsLong() - framesAtStart);
        return Math.min(totalFrames, Math.max(rendered + reusedFrames, finishedFrames));
    }

    /**
     * @return {@code progress: 3/12 recordings finished (1 failed), 4 in flight (2 tasks running); 1200/4800 frames
     *     (25%); 85.3 frames/s; ETA 42 s} — throughput over frames rendered in this run (reused ones excluded),
     *     the ETA the frames left at that rate ({@code ETA ?} before the first frame)
     */
    synchronized String statusLine() {
        long done = framesDone();
        double seconds = (clock.getAsLong() - startNs) / 1e9;
        double rate = seconds > 0 ? (done - Math.min(done, reusedFrames)) / seconds : 0.0;
        int running = tasksRunning.getAsInt();
        StringBuilder b = new StringBuilder("progress: ");
        b.append(finished).append('/').append(total).append(" recordings finished");
        if (failed > 0) {
            b.append(" (").append(failed).append(" failed)");
        }
        b.append(", ").append(inFlight).append(" in flight");
        if (running > 0) {
            b.append(" (").append(running).append(running == 1 ? " task" : " tasks").append(" running)");
        }
        b.append("; ").append(done).append('/').append(totalFrames).append(" frames");
        if (totalFrames > 0) {
            b.append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / totalFrames));
        }
        b.append(String.format(Locale.ROOT, "; %.1f frames/s; ETA ", rate));
        b.append(rate > 0 ? duration((totalFrames - done) / rate) : "?");
        return b.toString();
    }

    /** @return {@code 42 s}, {@code 3 min 10 s}, {@code 1 h 02 min} */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Stops the status lines (the per-recording lines never stop). */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
