package org.minisim.metrics;

import java.util.List;

/**
 * One ground-truth unit's pipeline outcome (docs/scoring.md#outcomes, docs/table.md#outcome-table), matched against the
 * <em>full</em> ground truth. Missing or not-applicable values are null, never NaN.
 *
 * @param cellIndex                 unit index in the saved ground truth (the table's {@code cell_index})
 * @param pipelineId                pipeline name + version + parameter hash
 * @param matchMetric               the similarity used ({@code iou}, {@code weighted_jaccard}, {@code cosine})
 * @param matchThreshold            similarity at which a pair counts as recovered
 * @param matchedEstIndex           estimate paired with this unit, or null when unpaired
 * @param matchSimilarity           similarity of that pair, or null when unpaired
 * @param recovered                 paired and {@code matchSimilarity ≥ matchThreshold}
 * @param bestSimilarity            max similarity of this unit with any estimate (assignment-free), null when
 *                                  there are no estimates
 * @param traceCorr                 Pearson r of the pair's traces (docs/scoring.md#traces-and-activity), or null
 *                                  (unpaired, no traces, constant)
 * @param activityCorr              Pearson r of the pair's activity, or null
 * @param activityVarianceExplained variance explained of the non-negative fit, or null
 * @param activityScale             its non-negative scale, or null
 * @param footprintShiftDy          global shift applied to the estimate, rows
 * @param footprintShiftDx          global shift applied to the estimate, columns
 * @param nEst                      estimated units (repeated on every row of the recording)
 * @param nFalsePositive            estimates not matched at the threshold (repeated)
 */
public record OutcomeRow(int cellIndex, String pipelineId, String matchMetric, double matchThreshold,
                         Integer matchedEstIndex, Double matchSimilarity, boolean recovered, Double bestSimilarity,
                         Double traceCorr, Double activityCorr, Double activityVarianceExplained,
                         Double activityScale, int footprintShiftDy, int footprintShiftDx, int nEst,
                         int nFalsePositive) {

    /**
     * The outcome columns (docs/table.md#outcome-table) in table order (after the key columns
     * {@code sweep_id, spec_cache_key, cell_index}).
     */
    public static final List<String> COLUMNS = List.of("pipeline_id", "match_metric", "match_threshold",
            "matched_est_index", "match_similarity", "recovered", "best_similarity", "trace_corr", "activity_corr",
            "activity_variance_explained", "activity_scale", "footprint_shift_dy", "footprint_shift_dx", "n_est",
            "n_false_positive");

    /** @return the values of {@link #COLUMNS}, in that order (Integer, Double, Boolean, String or null) */
    public List<Object> values() {
        return java.util.Arrays.asList(pipelineId, matchMetric, matchThreshold, matchedEstIndex, matchSimilarity,
                recovered, bestSimilarity, traceCorr, activityCorr, activityVarianceExplained, activityScale,
                footprintShiftDy, footprintShiftDx, nEst, nFalsePositive);
    }
}
