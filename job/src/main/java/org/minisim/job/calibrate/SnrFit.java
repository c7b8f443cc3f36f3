package org.minisim.job.calibrate;

import java.util.List;

/**
 * One FIT of the calibration: {@code P(recovered | snr) = σ(intercept + slope · ln snr)} by maximum likelihood
 * over a set of cells, with the thresholds it implies and their bootstrap intervals (recordings resampled).
 * A value that cannot be computed is null, and {@link #reason} or {@link #ciReason} says why; no field is NaN.
 *
 * @param nCells         cells in the set
 * @param nRecordings    distinct recordings ({@code spec_cache_key} within a sweep) among them
 * @param nRecovered     cells with the outcome
 * @param intercept      a of the logistic model (null without a fit)
 * @param slope          b, per unit of ln snr (null without a fit)
 * @param logLikelihood  natural-log likelihood at the fit (null without a fit)
 * @param t50            the SNR at P = 0.5, {@code exp(−a/b)} (null without a fit or when b ≤ 0)
 * @param t50Extrapolated whether t50 lies outside the set's SNR range (null with t50)
 * @param t50Ci          its percentile bootstrap interval {@code [lo, hi]} (null: see ciReason)
 * @param youdenT        the SNR threshold ("detectable = snr ≥ t") maximising TPR − FPR (null without both
 *                       classes)
 * @param youdenJ        J at that threshold
 * @param youdenTCi      its bootstrap interval (null: see ciReason)
 * @param auc            area under the ROC of snr for the outcome, ties counted half (null without both
 *                       classes)
 * @param reason         why the fit (intercept, slope, t50) is missing, or null
 * @param ciReason       why an interval is missing, or null
 * @param bootstrapReplicates replicates drawn (0 when none were)
 * @param bootstrapFailedT50  replicates without a finite t50 (separable or falling resamples), left out
 * @param bootstrapFailedYouden replicates without both classes, left out
 * @param bins           empirical recovery rates in bins of ln snr
 */
public record SnrFit(int nCells, int nRecordings, int nRecovered, Double intercept, Double slope,
                     Double logLikelihood, Double t50, Boolean t50Extrapolated, double[] t50Ci, Double youdenT,
                     Double youdenJ, double[] youdenTCi, Double auc, String reason, String ciReason,
                     int bootstrapReplicates, int bootstrapFailedT50, int bootstrapFailedYouden,
                     List<Bin> bins) {

    /**
     * Cells of one bin of ln snr and the fraction recovered.
     *
     * @param snrLo    lower bin edge (SNR)
     * @param snrHi    upper bin edge (SNR; the last bin includes it)
     * @param snrMid   geometric centre of the edges
     * @param n        cells in the bin
     * @param recovered cells with the outcome
     * @param rate     recovered / n
     * @param rateLo   Wilson score interval at the fit's level, lower end
     * @param rateHi   upper end
     */
    public record Bin(double snrLo, double snrHi, double snrMid, int n, int recovered, double rate, double rateLo,
                      double rateHi) {}

    /** @return whether a logistic model was fitted */
    public boolean fitted() {
        return slope != null;
    }

    /** @return P(recovered) at an SNR under the fitted model; NaN without a fit */
    public double probability(double snr) {
        return fitted() ? LogisticRegression.sigmoid(intercept + slope * Math.log(snr)) : Double.NaN;
    }
}
