package org.minisim.job.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.minisim.export.ExportProgress;

/**
 * Progress of an export: the start line {@code <start> (<total> frames)} once the input is checked and the outputs
 * opened (none when {@code start} is null), then — only when {@code enabled} (a terminal) — {@code <title>: <done>/<total> frames (<pct>%)} at most
 * once per interval (never for the last chunk, which the caller's summary line reports).
 */
final class FrameProgress implements ExportProgress {

    /** The shortest time between two progress lines, ns (2 s). */
    static final long INTERVAL_NS = 2_000_000_000L;

    private final PrintStream err;
    private final String title;
    private final String start;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long intervalNs;
    private long last;

    /**
     * @param clock      nanosecond clock (System::nanoTime; a fake one in tests)
     * @param intervalNs the shortest time between two lines, ns
     */
    FrameProgress(PrintStream err, String title, String start, boolean enabled, LongSupplier clock,
                  long intervalNs) {
        this.err = err;
        this.title = title;
        this.start = start;
        this.enabled = enabled;
        this.clock = clock;
        this.intervalNs = intervalNs;
        this.last = clock.getAsLong();
    }

    /** @return progress on {@code err} when standard error is a terminal ({@code System.console() != null}) */
    static FrameProgress forTerminal(PrintStream err, String title, String start) {
        return new FrameProgress(err, title, start, System.console() != null, System::nanoTime, INTERVAL_NS);
    }

    /** @return whether progress lines are printed (a terminal) */
    boolean enabled() {
        return enabled;
    }

    @Override
    public void frames(int done, int total) {
        if (done == 0) {
            if (start != null) {
                err.println(start + " (" + total + " frames)");
                err.flush();
            }
            last = clock.getAsLong();
            return;
        }
        if (!enabled || done >= total) {
            return;
        }
        long now = clock.getAsLong();
        if (now - last < intervalNs) {
            return;
        }
        last = now;
        err.println(String.format(Locale.ROOT, "%s: %d/%d frames (%.0f%%)", title, done, total,
                100.0 * done / total));
        err.flush();
    }
}
