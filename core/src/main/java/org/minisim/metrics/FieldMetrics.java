package org.minisim.metrics;

/** Static-field scores (docs/scoring.md#fields). */
public final class FieldMetrics {

    private FieldMetrics() {}

    /**
     * @param est   a recovered 2-D field (vignette, leakage, …), flattened
     * @param truth the true field, flattened, same length
     * @return Pearson r of the two (scale- and offset-invariant); NaN if either is constant
     */
    public static double fieldPearson(double[] est, double[] truth) {
        return Stats.pearson(est, truth);
    }
}
