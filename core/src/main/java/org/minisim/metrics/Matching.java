package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hungarian_match} (docs/scoring.md#matching): optimally pairs estimated footprints with true ones by spatial
 * similarity, optionally after a global shift of the estimate.
 */
public final class Matching {

    private Matching() {}

    /** IoU, default energy fraction, no shift. */
    public static Match hungarianMatch(ImageStack est, ImageStack truth) {
        return hungarianMatch(est, truth, "iou", MetricDefaults.DEFAULT_ENERGY_FRAC, ShiftRequest.none());
    }

    /**
     * The string-shift form, keeping the reference's error order: unknown metric, then unknown shift string,
     * then a bad {@code energy_frac}.
     *
     * @param shift {@code "auto"}, or null for no shift
     */
    public static Match hungarianMatch(ImageStack est, ImageStack truth, String metric, double energyFrac,
                                       String shift) {
        SimilarityMetric m = SimilarityMetric.parse(metric);
        return hungarianMatch(est, truth, m, energyFrac, shift == null ? ShiftRequest.none() : ShiftRequest.parse(shift));
    }

    /** @see #hungarianMatch(ImageStack, ImageStack, SimilarityMetric, double, ShiftRequest) */
    public static Match hungarianMatch(ImageStack est, ImageStack truth, String metric, double energyFrac,
                                       ShiftRequest shift) {
        return hungarianMatch(est, truth, SimilarityMetric.parse(metric), energyFrac, shift);
    }

    /**
     * @param est        estimated footprints (n_est, H, W); negative values are clipped to 0
     * @param truth      true footprints (n_true, H, W), same grid; negative values clipped to 0
     * @param metric     the similarity
     * @param energyFrac IoU energy fraction in (0, 1] (checked only for IoU)
     * @param shift      the global shift policy (null = none)
     * @return the match
     * @throws IllegalArgumentException on different grids, or an {@code energy_frac} outside (0, 1] under IoU
     */
    public static Match hungarianMatch(ImageStack est, ImageStack truth, SimilarityMetric metric, double energyFrac,
                                       ShiftRequest shift) {
        if (est.height() != truth.height() || est.width() != truth.width()) {
            throw new IllegalArgumentException("footprint grids differ: estimate " + est.height() + "x" + est.width()
                    + ", truth " + truth.height() + "x" + truth.width());
        }
        if (shift == null) {
            shift = ShiftRequest.none();
        }
        ImageStack e = est.clipNegative();
        ImageStack t = truth.clipNegative();
        PixelShift applied;
        if (shift instanceof ShiftRequest.Explicit x) {
            applied = PixelShift.round(x.dy(), x.dx());
        } else if (shift instanceof ShiftRequest.Auto) {
            applied = PhaseCorrelation.estimate(e, t);
        } else {
            applied = PixelShift.ZERO;
        }
        int ne = e.size(), nt = t.size();
        double[] sim = SimilarityMatrix.compute(e, t, metric, energyFrac);
        List<Match.Pair> pairs = assign(sim, ne, nt);
        if (!applied.isZero()) {
            double[] shifted = SimilarityMatrix.compute(e.translate(applied.dy(), applied.dx()), t, metric, energyFrac);
            List<Match.Pair> shiftedPairs = assign(shifted, ne, nt);
            boolean adopt = !(shift instanceof ShiftRequest.Auto)
                    || Match.assignedTotal(shifted, nt, shiftedPairs, metric)
                    > Match.assignedTotal(sim, nt, pairs, metric);
            if (adopt) {
                sim = shifted;
                pairs = shiftedPairs;
            } else {
                applied = PixelShift.ZERO;
            }
        }
        return new Match(sim, ne, nt, pairs, metric, applied);
    }

    /** @return the optimal pairing with its non-positive pairs dropped, ascending by estimate index */
    static List<Match.Pair> assign(double[] sim, int ne, int nt) {
        int[] colOf = LinearAssignment.maximize(sim, ne, nt);
        List<Match.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < ne; i++) {
            int j = colOf[i];
            if (j >= 0 && sim[i * nt + j] > 0.0) {
                pairs.add(new Match.Pair(i, j));
            }
        }
        return pairs;
    }
}
