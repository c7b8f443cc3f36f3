package org.minisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceMetricsTest {

    private static final List<Match.Pair> ONE = List.of(new Match.Pair(0, 0));

    @Test
    void tracePearsonIsOneForIdenticalAndMinusOneForAntiCorrelatedTraces() {
        int n = 200;
        double[] sin = new double[n], cos = new double[n], negCos = new double[n];
        for (int k = 0; k < n; k++) {
            double t = 4 * Math.PI * k / (n - 1);
            sin[k] = Math.sin(t);
            cos[k] = Math.cos(t);
            negCos[k] = -cos[k];
        }
        double[] r = TraceMetrics.tracePearson(new double[][] {sin, negCos}, new double[][] {sin, cos},
                List.of(new Match.Pair(0, 0), new Match.Pair(1, 1)));
        assertEquals(1.0, r[0], 1e-12);
        assertEquals(-1.0, r[1], 1e-12);
        assertTrue(r[0] <= 1.0 && r[1] >= -1.0, "clipped");
    }

    @Test
    void tracePearsonFollowsThePairingOrder() {
        double[] a = {0, 1, 2, 3}, b = {3, 2, 1, 0};
        double[] r = TraceMetrics.tracePearson(new double[][] {a, b}, new double[][] {a},
                List.of(new Match.Pair(1, 0), new Match.Pair(0, 0)));
        assertEquals(-1.0, r[0], 1e-12);
        assertEquals(1.0, r[1], 1e-12);
    }

    @Test
    void aConstantTraceGivesNaN() {
        double[] ramp = new double[50];
        for (int k = 0; k < 50; k++) {
            ramp[k] = k;
        }
        assertTrue(Double.isNaN(TraceMetrics.tracePearson(new double[][] {ramp}, new double[][] {new double[50]}, ONE)[0]));
    }

    @Test
    void emptyPairingGivesEmptyArrays() {
        double[][] z = {new double[5]};
        assertEquals(0, TraceMetrics.tracePearson(z, z, List.of()).length);
        ActivityScore a = TraceMetrics.activitySimilarity(z, z, List.of());
        assertEquals(0, a.correlation().length);
        assertEquals(0, a.scale().length);
        assertEquals(0, a.varianceExplained().length);
    }

    @Test
    void activityIsScaleInvariantAndReportsTheScale() {
        Random rng = new Random(0);
        double[] truth = new double[200], est = new double[200];
        for (int k = 0; k < 200; k++) {
            truth[k] = Math.abs(rng.nextGaussian());
            est[k] = truth[k] / 3.0;
        }
        ActivityScore a = TraceMetrics.activitySimilarity(new double[][] {est}, new double[][] {truth}, ONE);
        assertEquals(1.0, a.correlation()[0], 1e-12);
        assertEquals(1.0, a.varianceExplained()[0], 1e-12);
        assertEquals(3.0, a.scale()[0], 1e-12);
    }

    @Test
    void activityIsNotBinarisedWrongAmplitudesExplainLess() {
        double[] truth = new double[100], graded = new double[100], flat = new double[100];
        int[] at = {10, 50, 80};
        double[] amp = {1, 3, 2};
        for (int k = 0; k < 3; k++) {
            truth[at[k]] = amp[k];
            graded[at[k]] = amp[k];
            flat[at[k]] = 1.0;
        }
        double pveGraded = TraceMetrics.activitySimilarity(new double[][] {graded}, new double[][] {truth}, ONE)
                .varianceExplained()[0];
        double pveFlat = TraceMetrics.activitySimilarity(new double[][] {flat}, new double[][] {truth}, ONE)
                .varianceExplained()[0];
        assertEquals(1.0, pveGraded, 1e-12);
        assertTrue(pveFlat < pveGraded, "flat " + pveFlat);
    }

    @Test
    void anAntiCorrelatedEstimateExplainsNothing() {
        ActivityScore a = TraceMetrics.activitySimilarity(new double[][] {{1, 0, 1, 0, 1, 0}},
                new double[][] {{0, 1, 0, 1, 0, 1}}, ONE);
        assertTrue(a.correlation()[0] < 0.0);
        assertEquals(0.0, a.scale()[0]);
        assertEquals(0.0, a.varianceExplained()[0], 1e-12);
    }

    @Test
    void aConstantTruthGivesNaNCorrelationAndVarianceExplained() {
        double[] ramp = new double[50];
        for (int k = 0; k < 50; k++) {
            ramp[k] = k;
        }
        ActivityScore a = TraceMetrics.activitySimilarity(new double[][] {ramp}, new double[][] {new double[50]}, ONE);
        assertTrue(Double.isNaN(a.correlation()[0]));
        assertTrue(Double.isNaN(a.varianceExplained()[0]));
        assertEquals(0.0, a.scale()[0]);
    }

    @Test
    void aConstantEstimateExplainsNothing() {
        ActivityScore a = TraceMetrics.activitySimilarity(new double[][] {{1, 1, 1, 1, 1, 1}},
                new double[][] {{0, 1, 0, 2, 0, 1}}, ONE);
        assertTrue(Double.isNaN(a.correlation()[0]));
        assertEquals(0.0, a.scale()[0]);
        assertEquals(0.0, a.varianceExplained()[0]);
    }

    @Test
    void anOffsetEstimateIsFitWithAnIntercept() {
        ActivityScore a = TraceMetrics.activitySimilarity(new double[][] {{10, 12, 10, 14}},
                new double[][] {{0, 1, 0, 2}}, ONE);
        assertEquals(0.5, a.scale()[0], 1e-12);
        assertEquals(1.0, a.varianceExplained()[0], 1e-12);
    }

    @Test
    void nanMedianIgnoresNaNs() {
        assertEquals(2.0, Stats.nanMedian(new double[] {Double.NaN, 3, 1, 2}));
        assertEquals(1.5, Stats.nanMedian(new double[] {2, Double.NaN, 1}));
        assertTrue(Double.isNaN(Stats.nanMedian(new double[] {Double.NaN})));
        assertTrue(Double.isNaN(Stats.nanMedian(new double[0])));
    }
}
