package org.minisim.spec.sweep;

/**
 * The standard normal distribution's CDF Φ and its inverse, to near double precision in both tails, for
 * sampling truncated normals by inversion. Only {@link StrictMath} is used, so results are bit-identical on
 * every platform (drawn values enter cache keys).
 *
 * <p>Upper tail Q(t) = 1 − Φ(t) for t ≥ 0: below 2 from the series Φ(t) − ½ = φ(t)·Σ t^(2n+1)/(1·3·…·(2n+1)),
 * from 2 on from Laplace's continued fraction Q(t) = φ(t)/(t + 1/(t + 2/(t + 3/(t + …)))) (relative error
 * below 1e−14 everywhere). The inverse is Newton's method on ln Φ (log-concave, so it converges monotonically
 * from a start left of the root).
 */
final class NormalMath {
    private static final double LN_SQRT_2PI = 0.5 * StrictMath.log(2 * Math.PI);
    private static final int CF_TERMS = 120;

    private NormalMath() {
    }

    /** @return Φ(x); 0 at −∞, 1 at +∞ */
    static double cdf(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return x <= 0 ? upperTail(-x) : 1 - upperTail(x);
    }

    /** @return ln Φ(x) for finite x */
    static double logCdf(double x) {
        if (x > 0) {
            return StrictMath.log1p(-upperTail(x));
        }
        double t = -x;
        if (t < 2) {
            return StrictMath.log(upperTail(t));
        }
        return -0.5 * t * t - LN_SQRT_2PI - StrictMath.log(continuedFraction(t));
    }

    /** @return ln φ(x) */
    static double logPdf(double x) {
        return -0.5 * x * x - LN_SQRT_2PI;
    }

    /** @return Q(t) = 1 − Φ(t) for t ≥ 0 */
    private static double upperTail(double t) {
        if (t < 2) {
            double term = t;
            double sum = t;
            for (int n = 1; term > 1e-17 * sum; n++) {
                term *= t * t / (2 * n + 1);
                sum += term;
            }
            return 0.5 - StrictMath.exp(logPdf(t)) * sum;
        }
        return StrictMath.exp(logPdf(t)) / continuedFraction(t);
    }

    private static double continuedFraction(double t) {
        double f = t;
        for (int k = CF_TERMS; k >= 1; k--) {
            f = t + k / f;
        }
        return f;
    }

    /** @return Φ⁻¹(p) for p in [0, 1] (−∞ at 0, +∞ at 1) */
    static double inverseCdf(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability out of [0, 1]: " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return -lowerInverse(1 - p);
        }
        return lowerInverse(p);
    }

    /** Φ⁻¹(p) for 0 &lt; p ≤ ½ (a root ≤ 0). */
    private static double lowerInverse(double p) {
        if (p == 0.5) {
            return 0;
        }
        double lp = StrictMath.log(p);
        // Q(t) ≤ exp(−t²/2)/2, so Φ(−√(−2 ln p)) ≤ p/2: the start lies left of the root
        double x = -StrictMath.sqrt(-2 * lp);
        for (int it = 0; it < 100; it++) {
            double lc = logCdf(x);
            double g = lc - lp;
            if (g >= 0) {
                break;
            }
            double next = x - g / StrictMath.exp(logPdf(x) - lc);
            if (!(next > x)) {
                break;
            }
            boolean done = next - x <= 1e-15 * Math.max(1, Math.abs(x));
            x = Math.min(next, 0);
            if (done) {
                break;
            }
        }
        return x;
    }
}
