package org.minisim.spec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Φ and Φ⁻¹ used to sample truncated normals: reference values, symmetry and round trips, in both tails. */
class NormalMathTest {
    /** x, Φ(x) = erfc(−x/√2)/2 (reference values of the error function). */
    private static final double[][] PHI = {
        {-37, 5.725571222525139e-300}, {-20, 2.7536241186063314e-89}, {-8, 6.220960574271819e-16},
        {-5, 2.866515718791946e-07}, {-3, 0.0013498980316300957}, {-2, 0.02275013194817922},
        {-1.5, 0.06680720126885809}, {-1, 0.15865525393145707}, {-0.5, 0.3085375387259869}, {0, 0.5},
        {0.5, 0.6914624612740131}, {1, 0.8413447460685429}, {2, 0.9772498680518208},
        {3, 0.9986501019683699}, {5, 0.9999997133484281},
    };

    @Test
    void cdfMatchesReferenceValuesToRelativePrecision() {
        for (double[] r : PHI) {
            // relative 1e-12: exp(−x²/2) alone carries |x²/2| ulps of error in the far tail
            assertEquals(r[1], NormalMath.cdf(r[0]), 1e-12 * r[1], "Φ(" + r[0] + ")");
            assertEquals(Math.log(r[1]), NormalMath.logCdf(r[0]), 1e-13 * Math.max(1, Math.abs(Math.log(r[1]))),
                    "ln Φ(" + r[0] + ")");
        }
        assertEquals(0.0, NormalMath.cdf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, NormalMath.cdf(Double.POSITIVE_INFINITY));
    }

    @Test
    void cdfIsSymmetricAndIncreasing() {
        double prev = 0;
        for (double x = -10; x <= 10; x += 0.01) {
            double c = NormalMath.cdf(x);
            assertTrue(c >= prev, "increasing at " + x);
            assertEquals(1.0, c + NormalMath.cdf(-x), 1e-15);
            prev = c;
        }
    }

    @Test
    void inverseUndoesTheCdfInBothTails() {
        for (double[] r : PHI) {
            assertEquals(r[0], NormalMath.inverseCdf(r[1]), 1e-9 * Math.max(1, Math.abs(r[0])), "Φ⁻¹(" + r[1] + ")");
        }
        for (double p = 1e-300; p < 0.5; p *= 3.7) {
            double x = NormalMath.inverseCdf(p);
            assertEquals(p, NormalMath.cdf(x), 1e-12 * p, "Φ(Φ⁻¹(" + p + "))");
            if (p > 1e-15) {
                // 1 − p keeps about −log10(p) fewer digits of p
                assertEquals(-x, NormalMath.inverseCdf(1 - p), 1e-15 / p, "symmetry at " + p);
            }
        }
        assertEquals(Double.NEGATIVE_INFINITY, NormalMath.inverseCdf(0));
        assertEquals(Double.POSITIVE_INFINITY, NormalMath.inverseCdf(1));
    }
}
