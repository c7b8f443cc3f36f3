package org.minisim.job;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.minisim.spec.sweep.SweepPlan;

/**
 * Everything {@link SweepJob#run} needs besides the Spark session.
 *
 * @param sweepSource   where the sweep file came from (for messages)
 * @param plan          the expanded, validated sweep
 * @param storesUri     stores directory URI (absolute; file://, s3a://, hdfs://)
 * @param tableUri      table root URI (absolute)
 * @param framesPerTask requested frames per range task (rounded up to whole chunks)
 * @param maxInFlight   recordings simulated at once (≤ 0: twice the default parallelism)
 * @param out           progress and summary lines
 * @param err           failure lines
 * @param ended         told, on a driver thread, how each recording ended as soon as it has (its store committed
 *                      and its rows handed to the table, or failed); it must be quick and not throw
 */
public record SweepRunOptions(String sweepSource, SweepPlan plan, String storesUri, String tableUri,
                             int framesPerTask, int maxInFlight, PrintStream out, PrintStream err,
                             Consumer<RecordingOutcome> ended) {

    /** Options no one is told about the recordings' ends. */
    public SweepRunOptions(String sweepSource, SweepPlan plan, String storesUri, String tableUri, int framesPerTask,
                           int maxInFlight, PrintStream out, PrintStream err) {
        this(sweepSource, plan, storesUri, tableUri, framesPerTask, maxInFlight, out, err, r -> { });
    }

    /** Options with the default frames per task and in-flight bound, printing to System.out / System.err. */
    public static SweepRunOptions of(String sweepSource, SweepPlan plan, String storesUri, String tableUri) {
        return new SweepRunOptions(sweepSource, plan, storesUri, tableUri, FrameRanges.DEFAULT_FRAMES_PER_TASK, 0,
                System.out, System.err);
    }

    public SweepRunOptions withFramesPerTask(int n) {
        return new SweepRunOptions(sweepSource, plan, storesUri, tableUri, n, maxInFlight, out, err, ended);
    }

    public SweepRunOptions withStreams(PrintStream o, PrintStream e) {
        return new SweepRunOptions(sweepSource, plan, storesUri, tableUri, framesPerTask, maxInFlight, o, e, ended);
    }

    /** @return these options with {@code listener} told of each recording's end */
    public SweepRunOptions withEnded(Consumer<RecordingOutcome> listener) {
        return new SweepRunOptions(sweepSource, plan, storesUri, tableUri, framesPerTask, maxInFlight, out, err,
                listener);
    }
}
