package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minisim.metrics.Shapes.disk;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.TruthFixture;
import org.minisim.recording.TruthViews;

class ScoreTest {

    private static final int H = 64, W = 64, F = 40;

    /** Four cells, the last one not detectable; blurred optics; random traces; a motion trajectory. */
    private static GroundTruth truth() {
        Random rng = new Random(7);
        int n = 4;
        double[] c = new double[n * F], s = new double[n * F];
        for (int k = 0; k < c.length; k++) {
            s[k] = rng.nextDouble() < 0.2 ? 1.0 + rng.nextInt(3) : 0.0;
            c[k] = 1.0 + rng.nextGaussian();
        }
        double[] shifts = new double[2 * F];
        for (int k = 0; k < shifts.length; k++) {
            shifts[k] = Math.rint(3 * Math.sin(k * 0.3));
        }
        return TruthFixture.fromImages(H, W, disk(H, W, 16, 16, 5), disk(H, W, 40, 20, 5), disk(H, W, 24, 44, 6),
                        disk(H, W, 50, 50, 4))
                .traces(F, c, s).detectable(true, true, true, false)
                .optics(new double[] {1.0, 1.5, Double.NaN, 1.0}, new double[] {0.6, 0.4, 1.0, 0.05})
                .shifts(shifts).build();
    }

    private static double[][] rows(double[] flat, int n) {
        return TruthViews.unitRows(flat, n, F);
    }

    /** The detectable truth fed back as the estimate, motion correction = negated applied shifts. */
    private static Estimate perfect(GroundTruth gt) {
        GroundTruth sub = TruthViews.detectableSubset(gt);
        double[] correction = sub.shifts().clone();
        for (int k = 0; k < correction.length; k++) {
            correction[k] = -correction[k];
        }
        return Estimate.builder().footprints(TruthViews.aObserved(sub)).traces(rows(sub.c(), 3))
                .activity(rows(sub.s(), 3)).shifts(correction).build();
    }

    @Test
    void theDetectableTruthFedBackScoresPerfectly() {
        GroundTruth gt = truth();
        Report r = Score.score(perfect(gt), gt);
        assertEquals(3, r.nTrue());
        assertEquals(3, r.nEst());
        assertEquals(3, r.nMatched());
        assertEquals(1.0, r.recall());
        assertEquals(1.0, r.precision());
        assertEquals(1.0, r.f1());
        assertTrue(r.meanOverlap() > 0.99);
        assertTrue(r.traceCorr() > 0.99);
        assertTrue(r.activityCorr() > 0.99);
        assertTrue(r.activityVarianceExplained() > 0.99);
        assertEquals(1.0, r.activityScale(), 1e-9);
        assertEquals(0.0, r.shiftRmse(), 1e-12); // perfect motion correction
        assertEquals(PixelShift.ZERO, r.footprintShift());
        assertEquals(4, r.nRequested());
        assertEquals(3, r.nDetectable());
        assertEquals("iou", r.matchMetric());
    }

    @Test
    void anEmptyEstimateScoresZeroWithNaNTemporalScoresAndNoMotion() {
        GroundTruth gt = truth();
        Report r = Score.score(Estimate.builder().A(ImageStack.empty(H, W)).build(), gt);
        assertEquals(0, r.nEst());
        assertEquals(0.0, r.recall());
        assertEquals(0.0, r.precision());
        assertEquals(0.0, r.f1());
        assertEquals(0.0, r.meanOverlap());
        assertTrue(Double.isNaN(r.traceCorr()));
        assertTrue(Double.isNaN(r.activityCorr()));
        assertNull(r.shiftRmse());
    }

    @Test
    void footprintsOnlyRecoverEveryCellWithNaNTemporalScores() {
        GroundTruth gt = truth();
        Report r = Score.score(Estimate.builder().A(TruthViews.aObserved(TruthViews.detectableSubset(gt))).build(), gt);
        assertEquals(1.0, r.recall());
        assertTrue(Double.isNaN(r.traceCorr()));
        assertTrue(Double.isNaN(r.activityCorr()));
        assertTrue(Double.isNaN(r.activityVarianceExplained()));
        assertTrue(Double.isNaN(r.activityScale()));
        assertNull(r.shiftRmse());
    }

    @Test
    void restrictingToDetectableNeverEnlargesTheDenominator() {
        GroundTruth gt = truth();
        Estimate e = perfect(gt);
        Report det = Score.score(e, gt, "iou", 0.5, true, ShiftRequest.auto());
        Report all = Score.score(e, gt, "iou", 0.5, false, ShiftRequest.auto());
        assertTrue(det.nTrue() <= all.nTrue());
        assertEquals(det.nDetectable(), det.nTrue());
        assertEquals(4, all.nTrue());
        assertEquals(4, det.nRequested());
        assertEquals(4, all.nRequested());
        assertEquals(0.75, all.recall());
        long planted = det.summaryLines().stream().filter(l -> l.contains("planted")).count();
        assertEquals(1, planted);
        assertTrue(det.summary().contains("recall="));
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        GroundTruth gt = truth();
        ImageStack obs = TruthViews.aObserved(TruthViews.detectableSubset(gt));
        ImageStack oneCellAndJunk = ImageStack.fromImages(H, W, obs.dense(0), disk(H, W, 5, 60, 3),
                disk(H, W, 60, 5, 3), disk(H, W, 60, 33, 2));
        Report r = Score.score(Estimate.builder().A(oneCellAndJunk).build(), gt, "iou", 0.5, true,
                ShiftRequest.none());
        assertEquals(1.0 / 3.0, r.recall(), 1e-15);
        assertEquals(0.25, r.precision());
        assertEquals(2 * r.precision() * r.recall() / (r.precision() + r.recall()), r.f1(), 1e-15);
    }

    @Test
    void bothEstimateSpellingsScoreIdentically() {
        GroundTruth gt = truth();
        Estimate p = perfect(gt);
        Estimate terse = Estimate.builder().A(p.footprints()).C(p.traces()).S(p.activity()).shifts(p.shifts()).build();
        assertEquals(Score.score(p, gt), Score.score(terse, gt));
    }

    @Test
    void aBiasedCorrectionReAlignsTheFootprintsFromTheTrajectories() {
        GroundTruth gt = truth();
        Estimate p = perfect(gt);
        double[] biased = p.shifts().clone();
        for (int k = 0; k < biased.length; k += 2) {
            biased[k] += 6;
            biased[k + 1] += 4;
        }
        Estimate e = Estimate.builder().A(p.footprints().translate(6, 4)).shifts(biased).build();
        Report auto = Score.score(e, gt);
        Report none = Score.score(e, gt, "iou", 0.5, true, ShiftRequest.none());
        assertEquals(new PixelShift(-6, -4), auto.footprintShift());
        assertEquals(1.0, auto.recall());
        assertTrue(auto.meanOverlap() > none.meanOverlap());
        assertEquals(0.0, auto.shiftRmse(), 1e-12); // offset-aligned
        assertTrue(auto.summary().contains("footprint shift applied: (-6, -4) px (dy, dx)"), auto.summary());
    }

    @Test
    void withoutTrajectoriesAutoFallsBackToThePhaseCorrelationEstimate() {
        GroundTruth gt = truth();
        Estimate e = Estimate.builder().A(perfect(gt).footprints().translate(-3, 5)).build();
        Report r = Score.score(e, gt);
        assertEquals(new PixelShift(3, -5), r.footprintShift());
        assertEquals(1.0, r.recall());
    }

    @Test
    void weightedMetricsAreAccepted() {
        GroundTruth gt = truth();
        for (String m : MetricDefaults.SIMILARITY_METRICS) {
            Report r = Score.score(perfect(gt), gt, m, 0.5, true, ShiftRequest.auto());
            assertEquals(m, r.matchMetric());
            assertEquals(1.0, r.recall(), m);
            assertEquals(1.0, r.meanOverlap(), 1e-9, m);
        }
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Score.score(perfect(gt), gt, "dice", 0.5, true, ShiftRequest.auto())).getMessage();
        assertTrue(msg.contains("metric"), msg);
    }

    @Test
    void temporalMediansUseEveryPositivePairNotOnlyThoseOverTheThreshold() {
        GroundTruth gt = truth();
        GroundTruth sub = TruthViews.detectableSubset(gt);
        ImageStack obs = TruthViews.aObserved(sub);
        double[][] c = rows(sub.c(), 3);
        // estimate 0 is a barely-overlapping copy of cell 0 whose trace is perfect
        Estimate e = Estimate.builder().A(ImageStack.fromImages(H, W, obs.translate(0, 8).dense(0)))
                .traces(new double[][] {c[0]}).build();
        Report r = Score.score(e, gt, "iou", 0.5, true, ShiftRequest.none());
        assertEquals(0, r.nMatched());
        assertNotNull(r);
        assertEquals(1.0, r.traceCorr(), 1e-12);
    }

    @Test
    void summaryLinesAreFormattedExactly() {
        Report r = new Report(3, 4, 2, 2.0 / 3.0, 0.5, 4.0 / 7.0, 0.8125, Double.NaN, 0.914, 0.5, 123.0, null, 6, 3,
                "iou", PixelShift.ZERO);
        assertEquals(List.of(
                "cells: recall=0.67 precision=0.50 f1=0.57 (matched 2/3, mean iou 0.81)",
                "population: 3 detectable of 6 planted (recall denominator = 3)",
                "traces: median r=nan",
                "activity: median r=0.91 variance explained=0.50 (scale=1.2e+02)"), r.summaryLines());
        Report s = new Report(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.0, 0.125, 1, 1, "cosine", new PixelShift(-6, -4));
        assertEquals(List.of(
                "cells: recall=1.00 precision=1.00 f1=1.00 (matched 1/1, mean cosine 1.00)",
                "population: 1 detectable of 1 planted (recall denominator = 1)",
                "traces: median r=1.00",
                "activity: median r=1.00 variance explained=1.00 (scale=1)",
                "footprint shift applied: (-6, -4) px (dy, dx)",
                "motion: RMSE=0.12 px (offset-aligned)"), s.summaryLines());
        assertEquals(String.join("\n", s.summaryLines()), s.summary());
    }
}
