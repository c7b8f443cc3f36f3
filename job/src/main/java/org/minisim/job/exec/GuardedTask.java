package org.minisim.job.exec;

import org.minisim.MinisimException;
import org.minisim.run.RecordingRunner;
import org.minisim.run.RecordingTask;
import org.minisim.run.TaskResult;

/**
 * Runs one task the way every executor does: the test hook first (a range or whole task marked to fail its first
 * attempt throws on that attempt), then the task. A whole-recording task's failure — an exception or running out
 * of memory — becomes a failed result naming the recording, so the rest of its batch goes on; a truth or range
 * task's failure is thrown as one {@link MinisimException} line (out of memory included, so that it fails the task
 * rather than the executor's JVM). Lines come from {@link TaskFailures}: storage failures name the location, the
 * cause and the path, stack traces go to the log.
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
            try {
                hook(task, hooked, attempt);
                return RecordingRunner.run(task);
            } catch (OutOfMemoryError e) {
                throw new MinisimException("recording " + describe(task) + ": " + TaskFailures.outOfMemory(task));
            } catch (RuntimeException e) {
                String line = TaskFailures.line(task, e);
                if (line.equals(e.getMessage())) {
                    throw e;
                }
                throw new MinisimException("recording " + describe(task) + ": " + line, e);
            }
        }
        try {
            hook(task, hooked, attempt);
            return RecordingRunner.run(task);
        } catch (OutOfMemoryError e) {
            return TaskResult.failed(task.cacheKey(), seconds(start), TaskFailures.outOfMemory(task));
        } catch (RuntimeException | StackOverflowError e) {
            return TaskResult.failed(task.cacheKey(), seconds(start), TaskFailures.line(task, e));
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
