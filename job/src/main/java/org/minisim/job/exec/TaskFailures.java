package org.minisim.job.exec;

import java.util.Locale;
import org.minisim.job.storage.StorageFailure;
import org.minisim.run.MemoryEstimate;
import org.minisim.run.RecordingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-line failure of a recording task, as every executor reports it (docs/failures.md): a stopped sweep's
 * message, a storage failure as {@code storage <location> <state>: <cause>, <operation> <path>}, out of memory with
 * the heap, the estimate and the remedy, else the most useful line of the exception. The stack trace goes to the
 * log ({@code org.minisim.job.failures}), never into the line.
 */
public final class TaskFailures {

    /** The logger of failure details (stack traces): the run's log file, never the console. */
    public static final String LOGGER = "org.minisim.job.failures";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** Heap kept for the JVM and the driver in a local run (at most; a quarter of a smaller heap), bytes. */
    public static final long LOCAL_RESERVE = 128L << 20;

    private TaskFailures() {}

    /** @return the task's failure in one line; logs its stack trace */
    public static String line(RecordingTask task, Throwable e) {
        String line = describe(task, e);
        LOG.warn("task " + task.cacheKey() + " failed: " + line, e);
        return line;
    }

    /** @return the one-line report of a task that ran out of memory (logged without a stack trace) */
    public static String outOfMemory(RecordingTask task) {
        int frames = task instanceof RecordingTask.Range r ? r.t1() - r.t0() : Integer.MAX_VALUE;
        String line = outOfMemory(task.spec(), frames, Runtime.getRuntime().maxMemory());
        LOG.warn("task {} failed: {}", task.cacheKey(), line);
        return line;
    }

    /** Logs a failure seen on the driver with its stack trace (to the run's log file, see {@code RunLog}). */
    public static void log(String what, Throwable e) {
        if (e == null) {
            LOG.warn(what);
        } else {
            LOG.warn(what, e);
        }
    }

    static String describe(RecordingTask task, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SweepStoppedException s) {
                return s.getMessage();
            }
        }
        StorageFailure f = StorageFailure.of(e);
        if (f != null) {
            return f.line(root(task));
        }
        return Failures.oneLine(e);
    }

    /** @return the stores location of a task: its store's URI without {@code /<key>.zarr} */
    static String root(RecordingTask task) {
        String loc = task.stores().location(task.cacheKey());
        String tail = "/" + task.cacheKey() + ".zarr";
        return loc.endsWith(tail) ? loc.substring(0, loc.length() - tail.length()) : loc;
    }

    /** @return the one-line report of an out-of-memory error of a task of the recording */
    public static String outOfMemory(org.minisim.spec.Spec spec, int taskFrames, long heap) {
        MemoryEstimate e = MemoryEstimate.of(spec, taskFrames).forHeap(heap);
        return "out of memory while simulating (heap " + MemoryEstimate.bytes(heap) + ", estimate "
                + MemoryEstimate.bytes(e.total()) + ") — " + remedy(true, 0, e.total() + LOCAL_RESERVE);
    }

    /** @return the remedy of a recording that does not fit: more memory, or fewer frames per task */
    public static String remedy(boolean framesHelp, int minTaskFrames, long needed) {
        String size = String.format(Locale.ROOT, "%dg", Math.max(1, (needed + (1L << 30) - 1) >> 30));
        return "give tasks more memory (--driver-memory " + size + " or more for a local run, "
                + "spark.executor.memory on a cluster)"
                + (framesHelp ? " or render fewer frames per task (--frames-per-task"
                + (minTaskFrames > 0 ? " " + minTaskFrames : " N") + ")" : "");
    }

}
