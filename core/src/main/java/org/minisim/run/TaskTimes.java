package org.minisim.run;

import java.io.Serializable;

/**
 * Where a task's wall time went, seconds: building the scene (phase A), the cell table's scene machinery
 * (footprints, overlaps, the oracle), rendering (with the render statistics and the movie's chunk writes), writing
 * the ground truth and spec.json, and committing (cell rows, cell file, root attributes, marker). Adds up over the
 * tasks of a sweep for the run's summary.
 */
public record TaskTimes(double scene, double table, double render, double truth, double commit)
        implements Serializable {

    /** No time. */
    public static final TaskTimes NONE = new TaskTimes(0, 0, 0, 0, 0);

    /** @return the element-wise sum */
    public TaskTimes plus(TaskTimes o) {
        return new TaskTimes(scene + o.scene, table + o.table, render + o.render, truth + o.truth, commit + o.commit);
    }

    /** A stopwatch of consecutive steps: each {@link #lap()} returns the seconds since the previous one. */
    static final class Laps {
        private long last = System.nanoTime();

        double lap() {
            long now = System.nanoTime();
            double s = (now - last) / 1e9;
            last = now;
            return s;
        }
    }
}
