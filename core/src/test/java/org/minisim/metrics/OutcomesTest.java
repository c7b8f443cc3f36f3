package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.Recording;
import org.minisim.recording.TruthViews;
import org.minisim.render.Simulator;
import org.minisim.render.SpecFixtures;

/** Per-cell outcome rows (docs/scoring.md#outcomes) against the full ground truth. */
class OutcomesTest {

    private static final GroundTruth GT = Simulator.simulate(SpecFixtures.quickstart(32, 0.5, 3)).truth();

    private static double[][] rows(double[] flat, int n) {
        return TruthViews.unitRows(flat, n, GT.nFrames());
    }

    @Test
    void theTruthAsAnEstimateRecoversEveryUnitIncludingUndetectableOnes() {
        int n = GT.nUnits();
        assertTrue(n >= 2, "fixture has units");
        Estimate est = Estimate.builder().A(TruthViews.aObserved(GT)).C(rows(GT.c(), n)).S(rows(GT.s(), n)).build();
        List<OutcomeRow> out = Outcomes.outcomes(est, GT, "iou", 0.5, ShiftRequest.none(), "truth-1");
        assertEquals(n, out.size());
        for (int j = 0; j < n; j++) {
            OutcomeRow r = out.get(j);
            assertEquals(j, r.cellIndex());
            assertEquals("truth-1", r.pipelineId());
            assertEquals("iou", r.matchMetric());
            assertEquals(0.5, r.matchThreshold());
            assertEquals(j, r.matchedEstIndex());
            assertEquals(1.0, r.matchSimilarity());
            assertTrue(r.recovered());
            assertEquals(1.0, r.bestSimilarity());
            assertEquals(n, r.nEst());
            assertEquals(0, r.nFalsePositive());
            assertEquals(0, r.footprintShiftDy());
            assertEquals(0, r.footprintShiftDx());
            for (Double v : new Double[] {r.traceCorr(), r.activityCorr(), r.activityVarianceExplained(),
                    r.activityScale()}) {
                assertTrue(v == null || Double.isFinite(v), "null, never NaN");
            }
            if (r.traceCorr() != null) {
                assertEquals(1.0, r.traceCorr(), 1e-12);
            }
        }
        // the per-pair values are the ones score() takes medians of (full truth)
        Report rep = Score.score(est, GT, "iou", 0.5, false, ShiftRequest.none());
        assertEquals(rep.nMatched(), out.stream().filter(OutcomeRow::recovered).count());
        assertEquals(rep.nTrue(), n);
        assertEquals(OutcomeRow.COLUMNS.size(), out.get(0).values().size());
    }

    @Test
    void anEmptyEstimateRecoversNothingWithNullsNotErrors() {
        Estimate est = Estimate.builder().A(ImageStack.fromDense(0, GT.fovHeight(), GT.fovWidth(), new double[0]))
                .C(new double[0][]).build();
        List<OutcomeRow> out = Outcomes.outcomes(est, GT, "cosine", 0.3, ShiftRequest.auto(), "empty");
        assertEquals(GT.nUnits(), out.size());
        for (OutcomeRow r : out) {
            assertFalse(r.recovered());
            assertNull(r.matchedEstIndex());
            assertNull(r.matchSimilarity());
            assertNull(r.bestSimilarity());
            assertNull(r.traceCorr());
            assertNull(r.activityCorr());
            assertEquals(0, r.nEst());
            assertEquals(0, r.nFalsePositive());
            assertEquals("cosine", r.matchMetric());
        }
    }

    @Test
    void aWeakPairIsPairedButNotRecoveredAndCountsAsFalsePositive() {
        int n = GT.nUnits();
        ImageStack a = TruthViews.aObserved(GT);
        // one estimate: every footprint summed over a faint pedestal → pairs with one unit, far below 0.99
        double[] dense = new double[GT.fovHeight() * GT.fovWidth()];
        double[] all = a.toDense();
        for (int p = 0; p < dense.length; p++) {
            dense[p] = all[p] + 0.001;
        }
        Estimate est = Estimate.builder().A(ImageStack.fromDense(1, GT.fovHeight(), GT.fovWidth(), dense)).build();
        List<OutcomeRow> out = Outcomes.outcomes(est, GT, "iou", 0.99, ShiftRequest.none(), "p");
        long paired = out.stream().filter(r -> r.matchedEstIndex() != null).count();
        assertEquals(1, paired);
        OutcomeRow r = out.stream().filter(x -> x.matchedEstIndex() != null).findFirst().orElseThrow();
        assertFalse(r.recovered());
        assertEquals(1, r.nFalsePositive());
        assertEquals(r.matchSimilarity(), r.bestSimilarity());
        for (OutcomeRow x : out) {
            assertTrue(x.bestSimilarity() <= r.bestSimilarity(), "a single estimate pairs with its best unit");
        }
        assertEquals(n, out.size());
    }

    @Test
    void aPipelineIdIsRequired() {
        Estimate est = Estimate.builder().A(TruthViews.aObserved(GT)).build();
        assertThrows(IllegalArgumentException.class,
                () -> Outcomes.outcomes(est, GT, "iou", 0.5, ShiftRequest.none(), " "));
        assertThrows(IllegalArgumentException.class,
                () -> Outcomes.outcomes(est, GT, "dice", 0.5, ShiftRequest.none(), "p"));
    }
}
