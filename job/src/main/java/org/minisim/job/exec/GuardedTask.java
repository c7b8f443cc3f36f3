package org.minisim.job.exec;

import org.minisim.run.RecordingRunner;
import org.minisim.run.RecordingTask;
import org.minisim.run.TaskResult;

/**
 * Runs one task the way every executor does: the test hook first (a range or whole task marked to fail its first
 * attempt throws on that attempt), then the task; a whole-recording task's failure — an exception or running out
 * of memory — becomes a failed result naming the recording, so the rest of its batch goes on.
 */
public final class GuardedTask {

    private GuardedTask() {}

    /**
     * @param attempt 0 for the first attempt of this task
     * @return the task's result
     */
    public static TaskResult run(RecordingTask task, int attempt) {
        long start = System.nanoTime();
        boolean hooked = task instanceof RecordingTask.Range r && r.failFirstAttempt()
                || task instanceof RecordingTask.Whole w && w.failFirstAttempt();
        if (!(task instanceof RecordingTask.Whole)) {
            hook(task, hooked, attempt);
            return RecordingRunner.run(task);
        }
        try {
            hook(task, hooked, attempt);
            return RecordingRunner.run(task);
        } catch (OutOfMemoryError e) {
            return TaskResult.failed(task.cacheKey(), seconds(start), "out of memory while simulating (heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): give the driver or executors more memory "
                    + "(--driver-memory, spark.executor.memory) or fewer frames per task (--frames-per-task)");
        } catch (RuntimeException | StackOverflowError e) {
            return TaskResult.failed(task.cacheKey(), seconds(start), Failures.oneLine(e));
        }
    }

    private static void hook(RecordingTask task, boolean hooked, int attempt) {
        if (hooked && attempt == 0) {
            throw new IllegalStateException("test hook: first attempt of " + describe(task) + " fails on purpose");
        }
    }

    /** @return a task in words, for messages */
    public static String describe(RecordingTask t) {
        if (t instanceof RecordingTask.Range r) {
            return t.cacheKey() + " frames [" + r.t0() + ", " + r.t1() + ")";
        }
        return t.cacheKey() + (t instanceof RecordingTask.Truth ? " truth" : "");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
