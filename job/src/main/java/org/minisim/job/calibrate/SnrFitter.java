package org.minisim.job.calibrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Computes one {@link SnrFit} from plain arrays: the logistic fit of the outcome on ln snr, T50 = SNR at
 * P = 0.5, the Youden point, the AUC, bootstrap intervals over recordings and the binned empirical rates.
 * Needs no Spark.
 */
public final class SnrFitter {

    /** Bins of ln snr for the empirical recovery rates. */
    public static final int BINS = 12;

    private SnrFitter() {}

    /**
     * @param snr       predicted SNR per cell (finite, > 0)
     * @param recovered outcome per cell
     * @param recording any id of each cell's recording (cells of one recording are resampled together)
     * @param settings  bootstrap and size settings
     * @return the FIT; degenerate data give nulls and a reason, never an exception
     * @throws IllegalArgumentException when the arrays differ in length or an SNR is not finite and positive
     */
    public static SnrFit fit(double[] snr, boolean[] recovered, long[] recording, FitSettings settings) {
        int n = snr.length;
        if (recovered.length != n || recording.length != n) {
            throw new IllegalArgumentException("snr, recovered and recording differ in length: " + n + ", "
                    + recovered.length + ", " + recording.length);
        }
        double[] x = new double[n];
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!(snr[i] > 0 && snr[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("snr[" + i + "] = " + snr[i] + " is not finite and positive");
            }
            x[i] = Math.log(snr[i]);
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
        }
        Map<Long, Integer> dense = new HashMap<>();
        int[] cluster = new int[n];
        int nRecovered = 0;
        for (int i = 0; i < n; i++) {
            cluster[i] = dense.computeIfAbsent(recording[i], k -> dense.size());
            nRecovered += recovered[i] ? 1 : 0;
        }
        int nRec = dense.size();
        List<SnrFit.Bin> bins = bins(x, recovered, minX, maxX, settings.level());
        if (n < settings.minCells()) {
            return new SnrFit(n, nRec, nRecovered, null, null, null, null, null, null, null, null, null, null,
                    n == 0 ? "no cells" : "too few cells: " + n + " < " + settings.minCells(), null, 0, 0, 0, bins);
        }

        Roc roc = new Roc(x, recovered);
        double aucValue = roc.auc();
        Roc.YoudenPoint yp = roc.youden();
        LogisticRegression.Result r = LogisticRegression.fit(x, recovered, null);
        LogisticRegression.Model model = r instanceof LogisticRegression.Model m ? m : null;
        String reason = null;
        Double t50 = null;
        Boolean extrapolated = null;
        if (model == null) {
            reason = "no logistic fit: " + ((LogisticRegression.Degenerate) r).reason();
        } else if (!(model.slope() > 0)) {
            reason = "the fitted slope is " + model.slope() + " ≤ 0: recovery does not rise with SNR, so no T50";
        } else {
            double lt = model.x50();
            t50 = Math.exp(lt);
            if (!Double.isFinite(t50) || t50 == 0) {
                reason = "T50 = exp(" + lt + ") is outside the double range";
                t50 = null;
            } else {
                extrapolated = lt < minX || lt > maxX;
            }
        }

        double[] t50Ci = null, youdenCi = null;
        String ciReason = null;
        int reps = 0, failedT50 = 0, failedYouden = 0;
        if (nRec < 2) {
            ciReason = "a bootstrap over recordings needs at least 2 recordings, the cells come from " + nRec;
        } else if (t50 == null && yp == null) {
            ciReason = "nothing to bootstrap";
        } else {
            reps = settings.replicates();
            ClusterBootstrap boot = new ClusterBootstrap(cluster, nRec, settings.seed());
            double[] t50s = new double[reps], youdens = new double[reps];
            final LogisticRegression.Model start = model;
            final boolean wantT50 = t50 != null;
            IntStream.range(0, reps).parallel().forEach(k -> {
                double[] w = boot.rowWeights(k);
                t50s[k] = Double.NaN;
                if (wantT50) {
                    LogisticRegression.Result rr = LogisticRegression.fit(x, recovered, w, start);
                    if (rr instanceof LogisticRegression.Model m && m.slope() > 0) {
                        double t = Math.exp(m.x50());
                        t50s[k] = Double.isFinite(t) && t > 0 ? t : Double.NaN;
                    }
                }
                Roc.YoudenPoint p = roc.youden(w);
                youdens[k] = p == null ? Double.NaN : Math.exp(p.threshold());
            });
            for (int k = 0; k < reps; k++) {
                failedT50 += wantT50 && Double.isNaN(t50s[k]) ? 1 : 0;
                failedYouden += Double.isNaN(youdens[k]) ? 1 : 0;
            }
            List<String> why = new ArrayList<>();
            if (wantT50) {
                if (failedT50 > settings.maxFailedFraction() * reps) {
                    why.add("t50: " + failedT50 + " of " + reps + " bootstrap replicates had no finite T50 "
                            + "(separable or non-rising resamples), more than " + pct(settings.maxFailedFraction()));
                } else {
                    t50Ci = ClusterBootstrap.percentileInterval(t50s, settings.level());
                }
            }
            if (yp != null) {
                if (failedYouden > settings.maxFailedFraction() * reps) {
                    why.add("youden: " + failedYouden + " of " + reps + " bootstrap replicates lacked a class, "
                            + "more than " + pct(settings.maxFailedFraction()));
                } else {
                    youdenCi = ClusterBootstrap.percentileInterval(youdens, settings.level());
                }
            }
            ciReason = why.isEmpty() ? null : String.join("; ", why);
        }
        if (t50 == null && ciReason == null && reps > 0) {
            ciReason = "no T50 to bootstrap";
        }
        return new SnrFit(n, nRec, nRecovered, model == null ? null : model.intercept(),
                model == null ? null : model.slope(), model == null ? null : model.logLikelihood(), t50,
                extrapolated, t50Ci, yp == null ? null : Math.exp(yp.threshold()), yp == null ? null : yp.j(),
                youdenCi, Double.isNaN(aucValue) ? null : aucValue, reason, ciReason, reps, failedT50,
                failedYouden, bins);
    }

    private static String pct(double f) {
        return Math.round(f * 100) + " %";
    }

    /** @return up to {@link #BINS} equal-width bins of ln snr over [minX, maxX], empty bins left out */
    static List<SnrFit.Bin> bins(double[] x, boolean[] y, double minX, double maxX, double level) {
        List<SnrFit.Bin> out = new ArrayList<>();
        if (x.length == 0) {
            return out;
        }
        int nb = maxX > minX ? BINS : 1;
        double width = nb == 1 ? 0 : (maxX - minX) / nb;
        int[] count = new int[nb], pos = new int[nb];
        for (int i = 0; i < x.length; i++) {
            int b = nb == 1 ? 0 : Math.min(nb - 1, (int) ((x[i] - minX) / width));
            count[b]++;
            pos[b] += y[i] ? 1 : 0;
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        for (int b = 0; b < nb; b++) {
            if (count[b] == 0) {
                continue;
            }
            double lo = minX + b * width, hi = b == nb - 1 ? maxX : minX + (b + 1) * width;
            double[] wilson = wilson(pos[b], count[b], z);
            out.add(new SnrFit.Bin(Math.exp(lo), Math.exp(hi), Math.exp((lo + hi) / 2), count[b], pos[b],
                    (double) pos[b] / count[b], wilson[0], wilson[1]));
        }
        return out;
    }

    /** @return the Wilson score interval of k successes in n trials at normal quantile z */
    static double[] wilson(int k, int n, double z) {
        double p = (double) k / n, z2 = z * z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
