package org.minisim.job.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minisim.job.calibrate.LogisticRegression.Degenerate;
import org.minisim.job.calibrate.LogisticRegression.Model;

/** The logistic maximum-likelihood fit: exact answers, a large sample from a known law, invariances, degeneracy. */
class LogisticRegressionTest {

    private static Model model(LogisticRegression.Result r) {
        return assertInstanceOf(Model.class, r, () -> r.toString());
    }

    /**
     * With x taking two values the model is saturated: the MLE reproduces each group's observed fraction, so
     * a = logit(k₀/n₀) and b = logit(k₁/n₁) − logit(k₀/n₀) (derived by setting the score equations to zero).
     */
    @Test
    void twoGroupsGiveTheLogitsOfTheirFractions() {
        double[] x = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 10; i++) {
            x[i] = 0;
            y[i] = i < 3; // 3 of 10
            x[10 + i] = 1;
            y[10 + i] = i < 8; // 8 of 10
        }
        Model m = model(LogisticRegression.fit(x, y, null));
        double a = Math.log(3.0 / 7.0), b = Math.log(8.0 / 2.0) - a;
        assertEquals(a, m.intercept(), 1e-9);
        assertEquals(b, m.slope(), 1e-9);
        double ll = 3 * Math.log(0.3) + 7 * Math.log(0.7) + 8 * Math.log(0.8) + 2 * Math.log(0.2);
        assertEquals(ll, m.logLikelihood(), 1e-9);
        assertEquals(0.3, m.probability(0), 1e-12);
        assertEquals(0.8, m.probability(1), 1e-12);
    }

    @Test
    void largeSampleFromAKnownLawRecoversItsParameters() {
        double a = 0.7, b = 1.8;
        int n = 200_000;
        SplittableRandom rng = new SplittableRandom(42);
        double[] x = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = -3 + 6 * rng.nextDouble();
            y[i] = rng.nextDouble() < LogisticRegression.sigmoid(a + b * x[i]);
        }
        Model m = model(LogisticRegression.fit(x, y, null));
        // standard errors here are about 0.007 (a) and 0.009 (b): 5 SE margins
        assertEquals(a, m.intercept(), 0.035);
        assertEquals(b, m.slope(), 0.045);
        assertEquals(-a / b, m.x50(), 0.02);
    }

    @Test
    void theFitIsAStationaryMaximum() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 500;
        double[] x = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + 3 * rng.nextGaussian();
            y[i] = rng.nextDouble() < LogisticRegression.sigmoid(-5 + 0.5 * x[i]);
        }
        Model m = model(LogisticRegression.fit(x, y, null));
        double g0 = 0, g1 = 0;
        for (int i = 0; i < n; i++) {
            double r = (y[i] ? 1 : 0) - m.probability(x[i]);
            g0 += r;
            g1 += r * x[i];
        }
        assertEquals(0, g0, 1e-7, "score for the intercept");
        assertEquals(0, g1, 1e-6, "score for the slope");
        assertEquals(LogisticRegression.logLikelihood(x, y, null, m.intercept(), m.slope()), m.logLikelihood(),
                1e-9);
        for (double[] d : new double[][] {{1e-3, 0}, {-1e-3, 0}, {0, 1e-4}, {0, -1e-4}}) {
            assertTrue(LogisticRegression.logLikelihood(x, y, null, m.intercept() + d[0], m.slope() + d[1])
                    < m.logLikelihood());
        }
    }

    @Test
    void symmetriesOfTheModel() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400;
        double[] x = new double[n], neg = new double[n], shifted = new double[n];
        boolean[] y = new boolean[n], flipped = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            y[i] = rng.nextDouble() < LogisticRegression.sigmoid(0.3 + 1.2 * x[i]);
            neg[i] = -x[i];
            shifted[i] = x[i] + 5;
            flipped[i] = !y[i];
        }
        Model m = model(LogisticRegression.fit(x, y, null));
        Model f = model(LogisticRegression.fit(x, flipped, null));
        assertEquals(-m.intercept(), f.intercept(), 1e-8, "swapping the classes negates both parameters");
        assertEquals(-m.slope(), f.slope(), 1e-8);
        assertEquals(m.logLikelihood(), f.logLikelihood(), 1e-8);
        Model r = model(LogisticRegression.fit(neg, y, null));
        assertEquals(m.intercept(), r.intercept(), 1e-8, "mirroring x negates the slope only");
        assertEquals(-m.slope(), r.slope(), 1e-8);
        Model s = model(LogisticRegression.fit(shifted, y, null));
        assertEquals(m.slope(), s.slope(), 1e-8, "shifting x moves the intercept only");
        assertEquals(m.intercept() - 5 * m.slope(), s.intercept(), 1e-7);
        assertEquals(m.x50() + 5, s.x50(), 1e-7);
    }

    @Test
    void aWeightCountsLikeRepeatedRowsAndZeroDropsARow() {
        double[] x = {0, 1, 2, 3, 4, 5, 2.5};
        boolean[] y = {false, false, true, false, true, true, true};
        double[] w = {2, 1, 3, 1, 1, 2, 0};
        double[] xr = {0, 0, 1, 2, 2, 2, 3, 4, 5, 5};
        boolean[] yr = {false, false, false, true, true, true, false, true, true, true};
        Model a = model(LogisticRegression.fit(x, y, w));
        Model b = model(LogisticRegression.fit(xr, yr, null));
        assertEquals(b.intercept(), a.intercept(), 1e-9);
        assertEquals(b.slope(), a.slope(), 1e-9);
        assertEquals(b.logLikelihood(), a.logLikelihood(), 1e-9);
        Model warm = model(LogisticRegression.fit(x, y, w, b));
        assertEquals(b.slope(), warm.slope(), 1e-9, "a warm start reaches the same maximum");
    }

    @Test
    void degenerateDataHaveAReasonInsteadOfAFit() {
        double[] x = {1, 2, 3, 4};
        assertInstanceOf(Degenerate.class, LogisticRegression.fit(x, new boolean[] {true, true, true, true}, null));
        assertInstanceOf(Degenerate.class, LogisticRegression.fit(x, new boolean[4], null));
        Degenerate sep = assertInstanceOf(Degenerate.class,
                LogisticRegression.fit(x, new boolean[] {false, false, true, true}, null));
        assertTrue(sep.reason().contains("separated"), sep.reason());
        // quasi-complete separation: the classes only share the boundary value
        assertInstanceOf(Degenerate.class, LogisticRegression.fit(new double[] {1, 2, 2, 3},
                new boolean[] {false, false, true, true}, null));
        assertInstanceOf(Degenerate.class, LogisticRegression.fit(new double[] {3, 2, 1},
                new boolean[] {false, true, true}, null), "separated the other way round");
        Degenerate flat = assertInstanceOf(Degenerate.class, LogisticRegression.fit(new double[] {2, 2, 2},
                new boolean[] {false, true, true}, null));
        assertTrue(flat.reason().contains("no spread"), flat.reason());
        assertInstanceOf(Degenerate.class, LogisticRegression.fit(new double[0], new boolean[0], null));
        assertInstanceOf(Degenerate.class, LogisticRegression.fit(x, new boolean[] {false, true, false, true},
                new double[] {0, 1, 1, 0}), "the weighted rows are separated");
        // overlapping classes do fit
        model(LogisticRegression.fit(x, new boolean[] {false, true, false, true}, null));
    }
}
