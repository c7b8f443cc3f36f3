package org.minisim.physics;

/**
 * One-knob activity level (docs/physics.md#cell-activity): {@code a ∈ [0, 1]} (clamped) onto the gate
 * and rate parameters of cell_activity, piecewise-linear through sparse (a = 0), moderate (0.5) and dense (1).
 */
public final class ActivityLevel {

    /**
     * Gate and firing parameters.
     *
     * @param pQuiescentToActive per-frame q → a probability
     * @param pActiveToQuiescent per-frame a → q probability
     * @param activeRateHz       in-burst firing rate, Hz
     * @param quiescentRateHz    background firing rate, Hz
     */
    public record Params(double pQuiescentToActive, double pActiveToQuiescent, double activeRateHz,
                         double quiescentRateHz) {}

    /** Sparse level (a = 0). */
    public static final Params SPARSE = new Params(0.002, 0.4, 90.0, 0.3);
    /** Moderate level (a = 0.5, the defaults of cell_activity). */
    public static final Params MODERATE = new Params(0.005, 0.3, 150.0, 0.6);
    /** Dense level (a = 1). */
    public static final Params DENSE = new Params(0.01, 0.2, 210.0, 1.5);

    private ActivityLevel() {}

    /**
     * @param activity level in [0, 1]; values outside are clamped (NaN rejected)
     * @return the interpolated parameters
     */
    public static Params params(double activity) {
        if (Double.isNaN(activity)) {
            throw new IllegalArgumentException("activity level is NaN");
        }
        double a = Math.min(Math.max(activity, 0.0), 1.0);
        if (a <= 0.5) {
            return lerp(SPARSE, MODERATE, a / 0.5);
        }
        return lerp(MODERATE, DENSE, (a - 0.5) / 0.5);
    }

    /** {@code (1 − t)·p + t·q}: exactly p at t = 0 and exactly q at t = 1. */
    private static Params lerp(Params p, Params q, double t) {
        return new Params(mix(p.pQuiescentToActive(), q.pQuiescentToActive(), t),
                mix(p.pActiveToQuiescent(), q.pActiveToQuiescent(), t),
                mix(p.activeRateHz(), q.activeRateHz(), t),
                mix(p.quiescentRateHz(), q.quiescentRateHz(), t));
    }

    private static double mix(double a, double b, double t) {
        return (1.0 - t) * a + t * b;
    }
}
