package org.minisim.job.exec;

import java.util.List;
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

    /** @return a short name of where tasks run, for the summary ("threads", "spark local[2]", ...) */
    String describe();

    @Override
    default void close() {}
}
