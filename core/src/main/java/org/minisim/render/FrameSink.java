package org.minisim.render;

import org.minisim.scene.TraceWindow;

/**
 * Receives rendered frames of one frame range, block by block, in increasing frame order. Arrays are
 * row-major {@code (frames, rows, cols)}, hold exactly {@code (t1 − t0)} frames, and are only valid during the
 * call: the renderer reuses one array for the next call (the next block, or {@link #observed} right after
 * {@link #beforeSensor}), so copy what you keep and never keep the array.
 */
public interface FrameSink {

    /**
     * Called once per rendered range, before its first block, with the cell traces of the range (emissions and
     * the units' calcium), or null when the plan has no cell activity.
     */
    default void begin(TraceWindow traces) {}

    /**
     * The observed movie for frames {@code [t0, t1)} on the FOV, in counts (with a sensor step) or intensity
     * (without), as float64 before the cast to the spec's store dtype.
     *
     * @param t0     first frame of the block
     * @param t1     one past the last frame
     * @param frames {@code (t1 − t0) × H × W} values
     */
    void observed(int t0, int t1, double[] frames);

    /**
     * The FOV intensity of frames {@code [t0, t1)} right before the sensor digitises it (called only when a
     * sensor step runs, before {@link #observed} of the same block; without a sensor the observed movie is the
     * intensity).
     *
     * @param intensity {@code (t1 − t0) × H × W} values, a.u.
     */
    default void beforeSensor(int t0, int t1, double[] intensity) {}

    /**
     * A stage snapshot (only when the spec saves intermediates) for frames {@code [t0, t1)}: canvas-sized
     * before motion, FOV-sized from {@code brain_motion} on.
     *
     * @param stage  stage name (e.g. {@code cells_only}, {@code sensor})
     * @param height rows of the snapshot frames
     * @param width  columns of the snapshot frames
     */
    default void snapshot(String stage, int t0, int t1, int height, int width, double[] frames) {}
}
