package org.minisim.scene;

import org.minisim.scene.TraceSource;

/**
 * The cell traces of one rendered frame range {@code [t0, t1)}, regenerated once per range (see
 * {@link TraceSource}); n = t1 − t0.
 *
 * @param t0       first frame
 * @param t1       one past the last frame
 * @param emission (N cells, n) float32 emissions {@code C·B} of the rendered cells (0 for the others), a.u.
 * @param unitC    (units, n) calcium {@code C} of the ground-truth units, a.u.
 */
public record TraceWindow(int t0, int t1, float[] emission, double[] unitC) {

    /** @return n, the frames of the window */
    public int frames() {
        return t1 - t0;
    }
}
