package org.minisim.metrics;

import java.util.List;

/**
 * Temporal recovery over matched pairs (docs/scoring.md#traces-and-activity). Traces and activity are unit-first:
 * {@code rows[unit]} is that unit's series over frames.
 */
public final class TraceMetrics {

    private TraceMetrics() {}

    /**
     * @param cEst    estimated traces, one row per estimated unit
     * @param cTrue   true traces, one row per true unit
     * @param pairing (estimate, truth) index pairs
     * @return Pearson r per pair in pairing order (NaN for a constant trace, clipped to [−1, 1])
     */
    public static double[] tracePearson(double[][] cEst, double[][] cTrue, List<Match.Pair> pairing) {
        double[] r = new double[pairing.size()];
        for (int k = 0; k < r.length; k++) {
            Match.Pair p = pairing.get(k);
            r[k] = Stats.pearson(cEst[p.est()], cTrue[p.truth()]);
        }
        return r;
    }

    /**
     * @param sEst    estimated activity (a non-negative rate of unknown scale), one row per estimated unit
     * @param sTrue   true activity, one row per true unit
     * @param pairing (estimate, truth) index pairs
     * @return correlation, non-negative scale and variance explained per pair
     */
    public static ActivityScore activitySimilarity(double[][] sEst, double[][] sTrue, List<Match.Pair> pairing) {
        int n = pairing.size();
        double[] corr = new double[n], scale = new double[n], pve = new double[n];
        for (int k = 0; k < n; k++) {
            double[] a = sEst[pairing.get(k).est()], b = sTrue[pairing.get(k).truth()];
            corr[k] = Stats.pearson(a, b);
            double[] fit = nonNegativeAffineFit(a, b);
            scale[k] = fit[0];
            pve[k] = fit[1];
        }
        return new ActivityScore(corr, scale, pve);
    }

    /**
     * Least squares {@code b ≈ α·a + β} with {@code α ≥ 0}.
     *
     * @return {α, variance explained}: (0, NaN) for a constant b, (0, 0) for a constant a
     */
    static double[] nonNegativeAffineFit(double[] a, double[] b) {
        double varA = Stats.variance(a);
        double mb = Stats.mean(b), ssTot = 0.0;
        for (double v : b) {
            ssTot += (v - mb) * (v - mb);
        }
        if (ssTot == 0.0) {
            return new double[] {0.0, Double.NaN};
        }
        if (varA == 0.0) {
            return new double[] {0.0, 0.0};
        }
        double alpha = Math.max(0.0, Stats.covariance(a, b) / varA);
        double beta = mb - alpha * Stats.mean(a);
        double ssRes = 0.0;
        for (int k = 0; k < a.length; k++) {
            double d = b[k] - (alpha * a[k] + beta);
            ssRes += d * d;
        }
        return new double[] {alpha, 1.0 - ssRes / ssTot};
    }
}
