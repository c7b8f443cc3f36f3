package org.minisim.job.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AUC (ties count half) and the Youden point, against brute force and hand-counted cases. */
class RocTest {

    @Test
    void aucOfHandCountedCases() {
        assertEquals(1.0, new Roc(new double[] {1, 2, 3, 4}, new boolean[] {false, false, true, true}).auc());
        assertEquals(0.0, new Roc(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}).auc());
        assertEquals(0.5, new Roc(new double[] {2, 2, 2, 2}, new boolean[] {true, false, true, false}).auc());
        // positives {1, 2, 2}, negatives {2, 3}: of 6 pairs only the two (2, 2) ties count, half each
        assertEquals(1.0 / 6, new Roc(new double[] {1, 2, 2, 2, 3},
                new boolean[] {true, true, true, false, false}).auc(), 1e-15);
        assertTrue(Double.isNaN(new Roc(new double[] {1, 2}, new boolean[] {true, true}).auc()));
    }

    @Test
    void aucIsTheMannWhitneyProbabilityWithTies() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 300;
        double[] x = new double[n], w = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(20); // many ties
            y[i] = rng.nextDouble() < 0.2 + 0.03 * x[i];
            w[i] = rng.nextInt(3);
        }
        double num = 0, den = 0, wnum = 0, wden = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    double s = x[i] > x[j] ? 1 : x[i] == x[j] ? 0.5 : 0;
                    num += s;
                    den += 1;
                    wnum += w[i] * w[j] * s;
                    wden += w[i] * w[j];
                }
            }
        }
        Roc roc = new Roc(x, y);
        assertEquals(num / den, roc.auc(), 1e-12);
        assertEquals(wnum / wden, roc.auc(w), 1e-12);
        double[] logx = new double[n];
        for (int i = 0; i < n; i++) {
            logx[i] = Math.log1p(x[i]);
        }
        assertEquals(roc.auc(), new Roc(logx, y).auc(), 1e-15, "invariant under a monotone transform");
    }

    @Test
    void youdenIsTheBestThresholdByBruteForce() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 200;
        double[] x = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(rng.nextGaussian() * 10) / 2.0;
            y[i] = rng.nextDouble() < LogisticRegression.sigmoid(x[i]);
        }
        double bestJ = Double.NEGATIVE_INFINITY, bestT = Double.NaN;
        double pos = 0, neg = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
            neg += b ? 0 : 1;
        }
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        for (double t : sorted) {
            double tp = 0, fp = 0;
            for (int i = 0; i < n; i++) {
                if (x[i] >= t) {
                    tp += y[i] ? 1 : 0;
                    fp += y[i] ? 0 : 1;
                }
            }
            double j = tp / pos - fp / neg;
            if (j > bestJ + 1e-12) {
                bestJ = j;
                bestT = t;
            }
        }
        Roc.YoudenPoint p = new Roc(x, y).youden();
        assertEquals(bestJ, p.j(), 1e-12);
        assertEquals(bestT, p.threshold());
        assertEquals(p.j(), p.truePositiveRate() - p.falsePositiveRate(), 1e-12);
    }

    @Test
    void youdenOfSeparatedClassesIsTheLowestPositive() {
        Roc.YoudenPoint p = new Roc(new double[] {5, 1, 7, 2, 3}, new boolean[] {true, false, true, false, false})
                .youden();
        assertEquals(5, p.threshold());
        assertEquals(1.0, p.j());
        assertNull(new Roc(new double[] {1, 2}, new boolean[] {false, false}).youden());
        // a zero weight removes a row: without the 5 the lowest positive is 7
        assertEquals(7, new Roc(new double[] {5, 1, 7, 2, 3}, new boolean[] {true, false, true, false, false})
                .youden(new double[] {0, 1, 1, 1, 1}).threshold());
    }
}
