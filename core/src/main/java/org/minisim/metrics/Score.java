package org.minisim.metrics;

import java.util.List;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.TruthViews;

/**
 * {@code score} (docs/scoring.md#score): one call scoring an {@link Estimate} against a {@link GroundTruth}, always
 * matching the <em>observed</em> footprints, by default over the detectable units only.
 */
public final class Score {

    private Score() {}

    /** IoU, threshold 0.5, detectable denominator, automatic footprint shift. */
    public static Report score(Estimate estimate, GroundTruth groundTruth) {
        return score(estimate, groundTruth, "iou", MetricDefaults.DEFAULT_MATCH_THRESHOLD, true, ShiftRequest.auto());
    }

    /**
     * @param estimate             what the pipeline recovered
     * @param groundTruth          the full ground truth
     * @param matchMetric          {@code iou}, {@code weighted_jaccard} or {@code cosine}
     * @param matchThreshold       similarity at which a pair counts as a true positive
     * @param restrictToDetectable match against {@link TruthViews#detectableSubset} (the fair denominator)
     * @param footprintShift       auto: read off the trajectories when both exist (trusted), else the guarded
     *                             phase-correlation estimate; an explicit shift or none (or null) passes through
     * @return the scorecard
     * @throws IllegalArgumentException for an unknown metric, or footprints not on the FOV grid
     */
    public static Report score(Estimate estimate, GroundTruth groundTruth, String matchMetric, double matchThreshold,
                               boolean restrictToDetectable, ShiftRequest footprintShift) {
        SimilarityMetric metric = SimilarityMetric.parse(matchMetric);
        int nRequested = groundTruth.nUnits();
        int nDetectable = TruthViews.detectableIndex(groundTruth).length;
        GroundTruth target = restrictToDetectable ? TruthViews.detectableSubset(groundTruth) : groundTruth;

        Match match = matchObserved(estimate, target, metric, footprintShift);

        int nMatched = match.matchedPairs(matchThreshold).size();
        double recall = match.nTrue() == 0 ? 0.0 : (double) nMatched / match.nTrue();
        double precision = match.nEst() == 0 ? 0.0 : (double) nMatched / match.nEst();
        double f1 = precision + recall == 0.0 ? 0.0 : 2.0 * precision * recall / (precision + recall);

        List<Match.Pair> pairing = match.pairing();
        int nTrue = target.nUnits(), f = target.nFrames();
        double traceCorr = Double.NaN;
        if (estimate.traces() != null && !pairing.isEmpty()) {
            double[] r = TraceMetrics.tracePearson(estimate.traces(), TruthViews.unitRows(target.c(), nTrue, f),
                    pairing);
            traceCorr = Stats.nanMedian(r);
        }
        double actCorr = Double.NaN, actPve = Double.NaN, actScale = Double.NaN;
        if (estimate.activity() != null && !pairing.isEmpty()) {
            ActivityScore a = TraceMetrics.activitySimilarity(estimate.activity(),
                    TruthViews.unitRows(target.s(), nTrue, f), pairing);
            actCorr = Stats.nanMedian(a.correlation());
            actPve = Stats.nanMedian(a.varianceExplained());
            actScale = Stats.nanMedian(a.scale());
        }
        Double rmse = estimate.shifts() != null && target.shifts() != null
                ? MotionMetrics.shiftRmse(estimate.shifts(), target.shifts(), true, true) : null;

        return new Report(match.nTrue(), match.nEst(), nMatched, recall, precision, f1, match.meanSimilarity(),
                traceCorr, actCorr, actPve, actScale, rmse, nRequested, nDetectable, metric.id(), match.shift());
    }

    /**
     * Steps 3–4 of {@code score}: resolves the footprint shift (auto with both trajectories → the trusted
     * trajectory offset) and matches the estimate against the target's <em>observed</em> footprints.
     */
    static Match matchObserved(Estimate estimate, GroundTruth target, SimilarityMetric metric,
                               ShiftRequest footprintShift) {
        ShiftRequest shift = footprintShift;
        if (shift instanceof ShiftRequest.Auto && estimate.shifts() != null && target.shifts() != null) {
            PixelShift s = MotionMetrics.globalShiftFromTrajectories(estimate.shifts(), target.shifts(), true);
            shift = ShiftRequest.of(s.dy(), s.dx());
        }
        return Matching.hungarianMatch(estimate.footprints(), TruthViews.aObserved(target), metric,
                MetricDefaults.DEFAULT_ENERGY_FRAC, shift);
    }
}
