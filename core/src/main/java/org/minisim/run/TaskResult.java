package org.minisim.run;

import java.io.Serializable;
import java.util.List;
import org.minisim.table.CellRows;
import org.minisim.table.RenderStatistics;

/**
 * What a {@link RecordingTask} reports back to the driver.
 *
 * @param cacheKey  the recording
 * @param status    {@code DONE} (simulated in this run), {@code REUSED} (committed store kept) or {@code FAILED}
 * @param rows      the recording's stored table columns (whole and truth tasks; null for ranges and failures)
 * @param gtPresent the optional ground-truth arrays written (truth tasks), else null
 * @param sums      render sums of the frames rendered (range tasks), else null
 * @param frames    frames rendered by this task
 * @param pxFrames  FOV pixels × frames rendered by this task
 * @param seconds   wall seconds the task took
 * @param message   why it failed, or a note (a re-simulated store); null otherwise
 * @param times     where the task's time went
 */
public record TaskResult(String cacheKey, Status status, CellRows rows, List<String> gtPresent,
                         RenderStatistics.Sums sums, int frames, long pxFrames, double seconds, String message,
                         TaskTimes times) implements Serializable {

    /** How a task ended. */
    public enum Status { DONE, REUSED, FAILED }

    /** @return this result without its render sums (once they were merged elsewhere) */
    public TaskResult withoutSums() {
        return sums == null ? this : new TaskResult(cacheKey, status, rows, gtPresent, null, frames, pxFrames, seconds,
                message, times);
    }

    /** @return a failure of a recording's task, with its one-line reason */
    public static TaskResult failed(String cacheKey, double seconds, String message) {
        return new TaskResult(cacheKey, Status.FAILED, null, null, null, 0, 0, seconds, message, TaskTimes.NONE);
    }
}
