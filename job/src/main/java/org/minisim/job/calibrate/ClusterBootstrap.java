package org.minisim.job.calibrate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The cluster (block) bootstrap: a replicate draws as many clusters as there are, uniformly with replacement,
 * and every row counts as often as its cluster was drawn. Here a cluster is a recording: cells of one recording
 * share its tissue, optics and noise, so they are not independent draws and resampling cells would understate
 * the spread.
 *
 * <p>Deterministic: replicate {@code r} draws from a {@link SplittableRandom} seeded with {@code seed + r}
 * (SplittableRandom mixes its seed), so any replicate can be computed alone, in any order or thread.
 */
public final class ClusterBootstrap {

    private final int[] cluster;
    private final int nClusters;
    private final long seed;

    /**
     * @param cluster   each row's cluster, in {@code 0 .. nClusters-1}
     * @param nClusters number of clusters (≥ 1)
     * @param seed      base seed
     */
    public ClusterBootstrap(int[] cluster, int nClusters, long seed) {
        if (nClusters < 1) {
            throw new IllegalArgumentException("nClusters must be ≥ 1, got " + nClusters);
        }
        for (int i = 0; i < cluster.length; i++) {
            if (cluster[i] < 0 || cluster[i] >= nClusters) {
                throw new IllegalArgumentException("cluster[" + i + "] = " + cluster[i] + " outside 0.."
                        + (nClusters - 1));
            }
        }
        this.cluster = cluster.clone();
        this.nClusters = nClusters;
        this.seed = seed;
    }

    /** @return the number of clusters */
    public int clusters() {
        return nClusters;
    }

    /** @return how often each cluster is drawn in replicate {@code r} (the counts sum to the cluster count) */
    public int[] clusterCounts(int r) {
        SplittableRandom rng = new SplittableRandom(seed + r);
        int[] counts = new int[nClusters];
        for (int k = 0; k < nClusters; k++) {
            counts[rng.nextInt(nClusters)]++;
        }
        return counts;
    }

    /** @return each row's weight in replicate {@code r}: its cluster's draw count */
    public double[] rowWeights(int r) {
        int[] counts = clusterCounts(r);
        double[] w = new double[cluster.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = counts[cluster[i]];
        }
        return w;
    }

    /**
     * The percentile interval of bootstrap estimates (quantiles interpolated linearly between order statistics,
     * Hyndman–Fan type 7).
     *
     * @param values replicate estimates (NaN entries are ignored)
     * @param level  coverage, e.g. 0.95
     * @return {@code [lo, hi]}, or null when no value is finite
     */
    public static double[] percentileInterval(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        double a = (1 - level) / 2;
        return new double[] {quantile(v, a), quantile(v, 1 - a)};
    }

    /** @return the type-7 quantile of sorted values */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
