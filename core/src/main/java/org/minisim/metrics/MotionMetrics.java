package org.minisim.metrics;

/**
 * Motion-trajectory scores (docs/scoring.md#motion). Trajectories are flat row-major {@code (F, 2)} arrays of
 * {@code (dy, dx)} per frame, px — the layout of {@code GroundTruth.shifts}.
 */
public final class MotionMetrics {

    private MotionMetrics() {}

    /**
     * @param est        estimated trajectory (F, 2)
     * @param truth      true applied content displacement (F, 2)
     * @param correction negate the estimate first (a motion-correction trajectory)
     * @param align      remove the per-axis mean difference (a constant origin offset) first
     * @return the RMSE over all frames and both axes, px; NaN for zero frames
     */
    public static double shiftRmse(double[] est, double[] truth, boolean correction, boolean align) {
        double[] d = difference(est, truth, correction);
        int f = d.length / 2;
        if (align) {
            double[] m = axisMeans(d);
            for (int k = 0; k < f; k++) {
                d[2 * k] -= m[0];
                d[2 * k + 1] -= m[1];
            }
        }
        double s = 0.0;
        for (double v : d) {
            s += v * v;
        }
        return Math.sqrt(s / d.length);
    }

    /**
     * The constant offset between an estimated and the true trajectory, ready to pass as an explicit shift to
     * {@link Matching#hungarianMatch}.
     *
     * @param correction negate the estimate first (the usual case)
     * @return the per-axis mean of {@code e − truth}, each rounded half-to-even
     */
    public static PixelShift globalShiftFromTrajectories(double[] est, double[] truth, boolean correction) {
        double[] m = axisMeans(difference(est, truth, correction));
        return PixelShift.round(m[0], m[1]);
    }

    private static double[] difference(double[] est, double[] truth, boolean correction) {
        if (est.length != truth.length || est.length % 2 != 0) {
            throw new IllegalArgumentException("trajectories must both be (F, 2): lengths " + est.length + " and "
                    + truth.length);
        }
        double[] d = new double[est.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = (correction ? -est[k] : est[k]) - truth[k];
        }
        return d;
    }

    private static double[] axisMeans(double[] d) {
        int f = d.length / 2;
        double sy = 0.0, sx = 0.0;
        for (int k = 0; k < f; k++) {
            sy += d[2 * k];
            sx += d[2 * k + 1];
        }
        return new double[] {sy / f, sx / f};
    }
}
