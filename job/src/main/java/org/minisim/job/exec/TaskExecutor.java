package org.minisim.job.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.minisim.run.RecordingTask;
import org.minisim.run.TaskResult;

/**
 * Runs recording tasks somewhere: on threads of this JVM ({@link InProcessExecutor}, the default of a local run)
 * or as Spark tasks ({@link SparkExecutor}, on a cluster). The tasks and their results are the same either way, so
 * the stores and the table do not depend on where they ran. Thread-safe: the sweep's driver calls {@link #run} from
 * several threads at once.
 */
public interface TaskExecutor extends AutoCloseable {

    /** @return how many tasks run at once (cores) */
    int parallelism();

    /**
     * Runs the tasks, in parallel where possible, and returns one result per task in task order. A whole-recording
     * task that fails returns a failed result; a failing truth or range task fails the call (after the executor's
     * retries) with an exception naming it.
     *
     * @param description what the tasks are, for logs and the Spark UI
     */
    List<TaskResult> run(List<RecordingTask> tasks, String description);

    /**
     * As {@link #run(List, String)}, handing each task's result to {@code absorb} as soon as it is back, in any
     * order but one call at a time, and keeping what {@code absorb} returns in its place: a long recording's driver
     * merges its frame ranges' render sums as they arrive instead of holding all of them (memory that would grow
     * with the movie's length). By default the results are absorbed in task order after all have run.
     */
    default List<TaskResult> run(List<RecordingTask> tasks, String description, UnaryOperator<TaskResult> absorb) {
        List<TaskResult> out = new ArrayList<>(tasks.size());
        for (TaskResult r : run(tasks, description)) {
            out.add(absorb.apply(r));
        }
        return out;
    }

    /** @return a short name of where tasks run, for the summary ("threads", "spark local[2]", ...) */
    String describe();

    /** @return the heap of the JVM a task runs in, bytes (by default this JVM's maximum heap) */
    default long taskHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * @return the part of {@link #taskHeapBytes()} a task cannot use (the JVM and the driver, or Spark), bytes: by
     *     default 128 MiB, or a quarter of a smaller heap
     */
    default long reservedHeapBytes() {
        return Math.min(128L << 20, taskHeapBytes() / 4);
    }

    /**
     * Cancels what runs or waits to run of every call in progress, as far as the executor can (a stopped sweep);
     * the calls then end with their tasks failed or an exception. By default nothing: the sweep's stop switch ends
     * the tasks of this JVM at their next store operation.
     */
    default void cancelAll() {}

    @Override
    default void close() {}
}
