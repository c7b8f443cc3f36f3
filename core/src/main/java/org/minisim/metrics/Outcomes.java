package org.minisim.metrics;

import java.util.ArrayList;
import java.util.List;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.TruthViews;

/**
 * Per-cell pipeline outcomes (docs/scoring.md#outcomes, docs/table.md#outcome-table): one {@link OutcomeRow} per
 * ground-truth unit, matching the estimate against the <em>full</em> ground truth's observed footprints (as
 * {@link Score#score} with {@code restrict_to_detectable = false}) so that units the current threshold calls
 * undetectable get an outcome too. Same shift resolution, matching and per-pair temporal scores as {@code score}; no
 * medians.
 */
public final class Outcomes {

    private Outcomes() {}

    /**
     * @param estimate       what the pipeline recovered
     * @param groundTruth    the full ground truth (never a detectable subset)
     * @param matchMetric    {@code iou}, {@code weighted_jaccard} or {@code cosine}
     * @param matchThreshold similarity at which a pair counts as recovered
     * @param footprintShift as {@link Score#score}: auto (trajectory offset when both exist, else the guarded
     *                       estimate), explicit, or none (null)
     * @param pipelineId     pipeline name + version + parameter hash
     * @return one row per unit, in unit order
     * @throws IllegalArgumentException for an unknown metric, a blank pipeline id, or footprints not on the FOV grid
     */
    public static List<OutcomeRow> outcomes(Estimate estimate, GroundTruth groundTruth, String matchMetric,
                                            double matchThreshold, ShiftRequest footprintShift, String pipelineId) {
        if (pipelineId == null || pipelineId.isBlank()) {
            throw new IllegalArgumentException("a pipeline id is required");
        }
        SimilarityMetric metric = SimilarityMetric.parse(matchMetric);
        Match match = Score.matchObserved(estimate, groundTruth, metric, footprintShift);
        int nTrue = match.nTrue(), nEst = match.nEst(), f = groundTruth.nFrames();
        List<Match.Pair> pairing = match.pairing();

        double[] traceR = estimate.traces() == null ? null : TraceMetrics.tracePearson(estimate.traces(),
                TruthViews.unitRows(groundTruth.c(), nTrue, f), pairing);
        ActivityScore act = estimate.activity() == null ? null : TraceMetrics.activitySimilarity(
                estimate.activity(), TruthViews.unitRows(groundTruth.s(), nTrue, f), pairing);

        int[] pairOf = new int[nTrue];
        java.util.Arrays.fill(pairOf, -1);
        for (int k = 0; k < pairing.size(); k++) {
            pairOf[pairing.get(k).truth()] = k;
        }
        int nFalsePositive = nEst - match.matchedPairs(matchThreshold).size();
        PixelShift shift = match.shift();

        List<OutcomeRow> rows = new ArrayList<>(nTrue);
        for (int j = 0; j < nTrue; j++) {
            Double best = null;
            for (int i = 0; i < nEst; i++) {
                double s = match.similarity(i, j);
                if (best == null || s > best) {
                    best = s;
                }
            }
            int k = pairOf[j];
            Integer est = null;
            Double sim = null, tr = null, ac = null, ave = null, asc = null;
            boolean recovered = false;
            if (k >= 0) {
                est = pairing.get(k).est();
                sim = match.similarity(est, j);
                recovered = sim >= matchThreshold;
                tr = traceR == null ? null : orNull(traceR[k]);
                if (act != null) {
                    ac = orNull(act.correlation()[k]);
                    ave = orNull(act.varianceExplained()[k]);
                    asc = orNull(act.scale()[k]);
                }
            }
            rows.add(new OutcomeRow(j, pipelineId, metric.id(), matchThreshold, est, sim, recovered, orNull(best),
                    tr, ac, ave, asc, shift.dy(), shift.dx(), nEst, nFalsePositive));
        }
        return rows;
    }

    private static Double orNull(Double v) {
        return v == null || v.isNaN() ? null : v;
    }
}
