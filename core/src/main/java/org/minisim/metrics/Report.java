package org.minisim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The recovery scorecard {@link Score#score} returns (docs/scoring.md#score), fields in the reference's order.
 *
 * @param nTrue                     the recall denominator actually used (true units matched against)
 * @param nEst                      estimated units
 * @param nMatched                  pairs with similarity ≥ the threshold
 * @param recall                    nMatched / nTrue (0 when nTrue = 0)
 * @param precision                 nMatched / nEst (0 when nEst = 0)
 * @param f1                        harmonic mean of precision and recall (0 when both are 0)
 * @param meanOverlap               mean similarity over every positive pair ({@link Match#meanSimilarity()})
 * @param traceCorr                 NaN-ignoring median trace Pearson r over every pair, or NaN
 * @param activityCorr              NaN-ignoring median activity Pearson r, or NaN
 * @param activityVarianceExplained NaN-ignoring median variance explained, or NaN
 * @param activityScale             NaN-ignoring median non-negative scale, or NaN
 * @param shiftRmse                 offset-aligned motion RMSE, px, or null when either trajectory is missing
 * @param nRequested                all ground-truth units
 * @param nDetectable               detectable ground-truth units
 * @param matchMetric               the similarity used
 * @param footprintShift            the global shift applied to the estimated footprints
 */
public record Report(int nTrue, int nEst, int nMatched, double recall, double precision, double f1,
                     double meanOverlap, double traceCorr, double activityCorr, double activityVarianceExplained,
                     double activityScale, Double shiftRmse, int nRequested, int nDetectable, String matchMetric,
                     PixelShift footprintShift) {

    /** @return the summary lines, joined by newlines (no trailing newline) */
    public String summary() {
        return String.join("\n", summaryLines());
    }

    /**
     * @return four lines (cells, population, traces, activity), then "footprint shift applied" when the shift is
     *     not (0, 0) and "motion" when {@link #shiftRmse()} is present
     */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>(6);
        lines.add("cells: recall=" + f2(recall) + " precision=" + f2(precision) + " f1=" + f2(f1)
                + " (matched " + nMatched + "/" + nTrue + ", mean " + matchMetric + " " + f2(meanOverlap) + ")");
        lines.add("population: " + nDetectable + " detectable of " + nRequested
                + " planted (recall denominator = " + nTrue + ")");
        lines.add("traces: median r=" + f2(traceCorr));
        lines.add("activity: median r=" + f2(activityCorr) + " variance explained=" + f2(activityVarianceExplained)
                + " (scale=" + PyFormat.general(activityScale, 2) + ")");
        if (!footprintShift.isZero()) {
            lines.add("footprint shift applied: " + footprintShift + " px (dy, dx)");
        }
        if (shiftRmse != null) {
            lines.add("motion: RMSE=" + f2(shiftRmse) + " px (offset-aligned)");
        }
        return lines;
    }

    private static String f2(double x) {
        return PyFormat.fixed(x, 2);
    }
}
