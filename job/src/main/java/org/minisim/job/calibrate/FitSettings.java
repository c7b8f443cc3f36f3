package org.minisim.job.calibrate;

/**
 * How every FIT is computed.
 *
 * @param replicates bootstrap replicates per confidence interval (≥ 1)
 * @param seed       bootstrap base seed (the same seed gives the same intervals)
 * @param level      confidence level of the intervals, e.g. 0.95
 * @param minCells   fewest cells a FIT is attempted on (fewer: counts only, with the reason)
 * @param maxFailedFraction largest fraction of bootstrap replicates without an estimate (e.g. separable
 *                   resamples of a small stratum) for which an interval is still reported
 */
public record FitSettings(int replicates, long seed, double level, int minCells, double maxFailedFraction) {

    /** 1000 replicates, seed 1, 95 %, at least 20 cells, at most 10 % failed replicates. */
    public static final FitSettings DEFAULTS = new FitSettings(1000, 1L, 0.95, 20, 0.10);

    public FitSettings {
        if (replicates < 1) {
            throw new IllegalArgumentException("bootstrap replicates must be ≥ 1, got " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (minCells < 2) {
            throw new IllegalArgumentException("minCells must be ≥ 2, got " + minCells);
        }
        if (!(maxFailedFraction >= 0 && maxFailedFraction < 1)) {
            throw new IllegalArgumentException("maxFailedFraction must be in [0, 1), got " + maxFailedFraction);
        }
    }

    /** @return these settings with another replicate count */
    public FitSettings withReplicates(int r) {
        return new FitSettings(r, seed, level, minCells, maxFailedFraction);
    }

    /** @return these settings with another seed */
    public FitSettings withSeed(long s) {
        return new FitSettings(replicates, s, level, minCells, maxFailedFraction);
    }
}
