package org.minisim.metrics;

import java.util.Arrays;

/** Small statistics shared by the metrics: population moments, clipped Pearson, NaN-ignoring median. */
public final class Stats {

    private Stats() {}

    /** @return the arithmetic mean (NaN for no values) */
    public static double mean(double[] a) {
        double s = 0.0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** @return the population variance (divide by n) */
    public static double variance(double[] a) {
        double m = mean(a), s = 0.0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return s / a.length;
    }

    /** @return the population covariance of two equal-length series */
    public static double covariance(double[] a, double[] b) {
        checkSameLength(a, b);
        double ma = mean(a), mb = mean(b), s = 0.0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - ma) * (b[k] - mb);
        }
        return s / a.length;
    }

    /**
     * Pearson product-moment correlation, clipped to [−1, 1]; NaN when either series has population standard
     * deviation exactly 0 (or is empty).
     */
    public static double pearson(double[] a, double[] b) {
        checkSameLength(a, b);
        if (a.length == 0 || !(variance(a) != 0.0) || !(variance(b) != 0.0)) {
            return Double.NaN;
        }
        double ma = mean(a), mb = mean(b), sab = 0.0, saa = 0.0, sbb = 0.0;
        for (int k = 0; k < a.length; k++) {
            double da = a[k] - ma, db = b[k] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        double r = sab / (Math.sqrt(saa) * Math.sqrt(sbb));
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** @return the median of the non-NaN values (mean of the middle two for an even count); NaN if none */
    public static double nanMedian(double[] a) {
        double[] v = Arrays.stream(a).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
    }

    private static void checkSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("series lengths differ: " + a.length + " vs " + b.length);
        }
    }
}
