package org.minisim.job;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one line per finished recording ({@code [done 3/12] <key> point 2 seed 1: 200 frames, 57 cells, 41
 * detectable, 3.1 s}); failures go to the error stream as one line without a stack trace. Thread-safe.
 *
 * <p>Test hook: the environment variable {@value #HALT_ENV} = N halts the JVM (exit status
 * {@value #HALT_STATUS}, no shutdown hooks) right after the N-th commit of this run, to simulate a driver
 * killed mid-sweep.
 */
final class Progress {

    static final String HALT_ENV = "MINISIM_TEST_HALT_AFTER_COMMITS";
    static final int HALT_STATUS = 97;

    private final int total;
    private final PrintStream out;
    private final PrintStream err;
    private final int haltAfterCommits;
    private int finished;
    private int commits;

    Progress(int total, PrintStream out, PrintStream err) {
        this.total = total;
        this.out = out;
        this.err = err;
        String halt = System.getenv(HALT_ENV);
        this.haltAfterCommits = halt == null || halt.isBlank() ? 0 : Integer.parseInt(halt.trim());
    }

    synchronized RecordingOutcome report(RecordingOutcome o) {
        finished++;
        String head = String.format(Locale.ROOT, "[%s %d/%d] %s point %d seed %d: ", o.status().manifestName(),
                finished, total, o.recording().cacheKey(), o.recording().pointIndex(), o.recording().seed());
        if (o.status() == RecordingOutcome.Status.FAILED) {
            err.println(head + o.message());
            err.flush();
        } else {
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
}
