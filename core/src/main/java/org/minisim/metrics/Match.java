package org.minisim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimal pairing of estimated footprints to true ones (docs/scoring.md#assignment). Immutable: never modify
 * {@link #similarity()}.
 *
 * @param similarity flat row-major {@code (nEst, nTrue)} similarity matrix under {@link #metric()} (IoU values
 *                   are float32 values widened to double)
 * @param nEst       estimated units (matrix rows)
 * @param nTrue      true units (matrix columns)
 * @param pairing    the assigned pairs with strictly positive similarity, ascending by estimate index
 * @param metric     the similarity used
 * @param shift      the global shift applied to the estimate before scoring ((0, 0) when none)
 */
public record Match(double[] similarity, int nEst, int nTrue, List<Pair> pairing, SimilarityMetric metric,
                    PixelShift shift) {

    /**
     * One assigned pair.
     *
     * @param est   estimate index
     * @param truth true-unit index
     */
    public record Pair(int est, int truth) {}

    public Match {
        if (similarity.length != nEst * nTrue) {
            throw new IllegalArgumentException("similarity length " + similarity.length + " != " + nEst + " x " + nTrue);
        }
        pairing = List.copyOf(pairing);
    }

    /** @return the similarity of estimate i with true unit j */
    public double similarity(int i, int j) {
        return similarity[i * nTrue + j];
    }

    /** @return {@link #similarity()} (alias kept from the reference; holds whichever metric was used) */
    public double[] iouMatrix() {
        return similarity;
    }

    /** @return {@link #meanSimilarity()} (alias kept from the reference; the chosen metric, not always IoU) */
    public double meanIou() {
        return meanSimilarity();
    }

    /** @return the matched pairs at the default threshold 0.5 */
    public List<Pair> matchedPairs() {
        return matchedPairs(MetricDefaults.DEFAULT_MATCH_THRESHOLD);
    }

    /** @return recall at the default threshold 0.5 */
    public double recall() {
        return recall(MetricDefaults.DEFAULT_MATCH_THRESHOLD);
    }

    /** @return precision at the default threshold 0.5 */
    public double precision() {
        return precision(MetricDefaults.DEFAULT_MATCH_THRESHOLD);
    }

    /** @return the assigned pairs whose similarity is at least {@code threshold} (true positives) */
    public List<Pair> matchedPairs(double threshold) {
        List<Pair> out = new ArrayList<>();
        for (Pair p : pairing) {
            if (similarity(p.est(), p.truth()) >= threshold) {
                out.add(p);
            }
        }
        return out;
    }

    /** @return true positives over true units, 0 when there are none */
    public double recall(double threshold) {
        return nTrue == 0 ? 0.0 : (double) matchedPairs(threshold).size() / nTrue;
    }

    /** @return true positives over estimated units, 0 when there are none */
    public double precision(double threshold) {
        return nEst == 0 ? 0.0 : (double) matchedPairs(threshold).size() / nEst;
    }

    /**
     * Mean similarity over every pair of {@link #pairing()} (not threshold-filtered); 0 when empty. Under IoU it
     * is a float32 mean of the float32 values, as the reference (sequential float32 sum; the reference's pairwise
     * summation can differ in the last float32 bit beyond 8 pairs).
     */
    public double meanSimilarity() {
        if (pairing.isEmpty()) {
            return 0.0;
        }
        if (metric == SimilarityMetric.IOU) {
            float s = 0f;
            for (Pair p : pairing) {
                s += (float) similarity(p.est(), p.truth());
            }
            return s / (float) pairing.size();
        }
        double s = 0.0;
        for (Pair p : pairing) {
            s += similarity(p.est(), p.truth());
        }
        return s / pairing.size();
    }

    /** @return the total similarity of the pairing (float32 accumulation under IoU, as the reference) */
    public double assignedTotal() {
        return assignedTotal(similarity, nTrue, pairing, metric);
    }

    static double assignedTotal(double[] sim, int nTrue, List<Pair> pairs, SimilarityMetric metric) {
        if (metric == SimilarityMetric.IOU) {
            float s = 0f;
            for (Pair p : pairs) {
                s += (float) sim[p.est() * nTrue + p.truth()];
            }
            return s;
        }
        double s = 0.0;
        for (Pair p : pairs) {
            s += sim[p.est() * nTrue + p.truth()];
        }
        return s;
    }
}
