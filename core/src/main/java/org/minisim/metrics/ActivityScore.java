package org.minisim.metrics;

/**
 * Per-pair recovery of the deconvolved activity (docs/scoring.md#traces-and-activity), one value per pair in pairing
 * order. Immutable: never modify the arrays.
 *
 * @param correlation       Pearson r (NaN if either side is constant)
 * @param scale             the non-negative amplitude α of the fit {@code truth ≈ α·estimate + β}
 * @param varianceExplained {@code 1 − SS_res / SS_tot} of that fit (NaN for a constant truth)
 */
public record ActivityScore(double[] correlation, double[] scale, double[] varianceExplained) {}
