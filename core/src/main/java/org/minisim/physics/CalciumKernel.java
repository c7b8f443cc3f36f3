package org.minisim.physics;

/**
 * The double-exponential calcium-indicator impulse response (docs/physics.md#cell-activity) and the pure mappings
 * between its time constants {@code (τ_rise, τ_decay)} and its observable timing (time-to-peak, FWHM).
 *
 * <p>In units {@code u = t/τ_d} with {@code r = τ_r/τ_d ∈ (0, 1)}, the shape is {@code g(u) = e^{−u} − e^{−u/r}};
 * its peak is at {@code u_p = r·ln r/(r − 1)}.
 */
public final class CalciumKernel {

    /** Clamp range of {@code r = τ_r/τ_d} for the timing inverse. */
    public static final double R_LO = 1e-4, R_HI = 1.0 - 1e-6;

    /**
     * Kernel timing.
     *
     * @param timeToPeakS spike → peak delay, s
     * @param fwhmS       full width at half maximum, s
     */
    public record Timing(double timeToPeakS, double fwhmS) {}

    /**
     * Indicator time constants.
     *
     * @param tauRiseS  rise time constant, s
     * @param tauDecayS decay time constant, s
     */
    public record Taus(double tauRiseS, double tauDecayS) {}

    private CalciumKernel() {}

    /**
     * Samples the kernel on a grid of rate {@code rateHz}: {@code k[j] = e^{−j/(τd·R)} − e^{−j/(τr·R)}},
     * {@code j = 0..L−1}, {@code L = max(ceil(5·τd·R), 2)}, divided by its maximum (peak 1, {@code k[0] = 0}).
     *
     * @param tauRiseS  rise time constant, s (&gt; 0)
     * @param tauDecayS decay time constant, s (&gt; τ_rise)
     * @param rateHz    sampling rate R, Hz (&gt; 0)
     * @return the kernel (dimensionless)
     * @throws IllegalArgumentException if {@code τ_rise ≥ τ_decay} or a value is not positive
     */
    public static double[] sample(double tauRiseS, double tauDecayS, double rateHz) {
        requireTaus(tauRiseS, tauDecayS);
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("kernel sampling rate must be > 0 Hz, got " + rateHz);
        }
        int len = (int) Math.max(Math.ceil(5.0 * tauDecayS * rateHz), 2.0);
        double[] k = new double[len];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            k[j] = StrictMath.exp(-j / (tauDecayS * rateHz)) - StrictMath.exp(-j / (tauRiseS * rateHz));
            max = Math.max(max, k[j]);
        }
        for (int j = 0; j < len; j++) {
            k[j] /= max;
        }
        return k;
    }

    /**
     * Time-to-peak and FWHM of the kernel.
     *
     * @param tauRiseS  rise time constant, s
     * @param tauDecayS decay time constant, s (&gt; τ_rise)
     * @return the timing, s
     */
    public static Timing timing(double tauRiseS, double tauDecayS) {
        requireTaus(tauRiseS, tauDecayS);
        double r = tauRiseS / tauDecayS;
        double[] half = halfMaxU(r);
        return new Timing(peakU(r) * tauDecayS, (half[1] - half[0]) * tauDecayS);
    }

    /**
     * The inverse of {@link #timing}: the ratio {@code t_peak/fwhm} depends on r alone and increases with it;
     * a ratio outside the achievable range clamps r to {@link #R_LO} or {@link #R_HI}.
     *
     * @param timeToPeakS spike → peak delay, s (&gt; 0)
     * @param fwhmS       full width at half maximum, s (&gt; 0)
     * @return the time constants, s
     */
    public static Taus tausFromTiming(double timeToPeakS, double fwhmS) {
        if (!(timeToPeakS > 0) || !(fwhmS > 0)) {
            throw new IllegalArgumentException("time to peak and FWHM must be > 0 s, got " + timeToPeakS + ", "
                    + fwhmS);
        }
        double rho = timeToPeakS / fwhmS;
        double lo = ratio(R_LO), hi = ratio(R_HI);
        double r;
        if (rho <= lo) {
            r = R_LO;
        } else if (rho >= hi) {
            r = R_HI;
        } else {
            double a = R_LO, b = R_HI;
            for (int it = 0; it < 200 && b - a > 1e-15; it++) {
                double m = 0.5 * (a + b);
                if (ratio(m) < rho) {
                    a = m;
                } else {
                    b = m;
                }
            }
            r = 0.5 * (a + b);
        }
        double tauDecay = timeToPeakS / peakU(r);
        return new Taus(r * tauDecay, tauDecay);
    }

    /** @return {@code t_peak/fwhm} of the shape with {@code r = τ_r/τ_d} */
    static double ratio(double r) {
        double[] half = halfMaxU(r);
        return peakU(r) / (half[1] - half[0]);
    }

    /** @return the peak location {@code u_p = r·ln r/(r − 1)} */
    static double peakU(double r) {
        return r * StrictMath.log(r) / (r - 1.0);
    }

    private static double shape(double u, double r) {
        return StrictMath.exp(-u) - StrictMath.exp(-u / r);
    }

    /** @return {@code (u_lo, u_hi)} where the shape equals half its peak */
    private static double[] halfMaxU(double r) {
        double up = peakU(r);
        double half = shape(up, r) / 2.0;
        double uLo = bisectRoot(r, half, 1e-12, up, true);
        double hi = up;
        while (shape(hi, r) > half) {
            hi *= 2.0;
        }
        double uHi = bisectRoot(r, half, up, hi, false);
        return new double[] {uLo, uHi};
    }

    /** Bisection for {@code shape(u) = level} on {@code [a, b]}, rising ({@code increasing}) or falling there. */
    private static double bisectRoot(double r, double level, double a, double b, boolean increasing) {
        for (int it = 0; it < 200 && b - a > 1e-15 * Math.max(1.0, Math.abs(b)); it++) {
            double m = 0.5 * (a + b);
            boolean below = shape(m, r) < level;
            if (below == increasing) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    private static void requireTaus(double tauRiseS, double tauDecayS) {
        if (!(tauRiseS > 0) || !(tauDecayS > 0)) {
            throw new IllegalArgumentException("tau_rise_s and tau_decay_s must be > 0, got " + tauRiseS + ", "
                    + tauDecayS);
        }
        if (tauRiseS >= tauDecayS) {
            throw new IllegalArgumentException("tau_rise_s (" + tauRiseS + ") must be < tau_decay_s (" + tauDecayS
                    + ")");
        }
    }
}
