package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minisim.metrics.Shapes.disk;
import static org.minisim.metrics.Shapes.gaussian;
import static org.minisim.metrics.Shapes.stack;

import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatchingTest {

    private static Match.Pair p(int e, int t) {
        return new Match.Pair(e, t);
    }

    private static Match match(ImageStack est, ImageStack truth, String metric, double frac, ShiftRequest shift) {
        return Matching.hungarianMatch(est, truth, metric, frac, shift);
    }

    private static Match auto(ImageStack est, ImageStack truth) {
        return match(est, truth, "iou", 0.9, ShiftRequest.auto());
    }

    // --- spatial matching ---------------------------------------------------

    @Test
    void identicalStacksMatchPerfectlyWithTheIdentityPairing() {
        ImageStack a = stack(32, 32, disk(32, 32, 8, 8, 4), disk(32, 32, 20, 22, 5));
        Match m = Matching.hungarianMatch(a, a);
        assertEquals(1.0, m.recall(0.5));
        assertEquals(1.0, m.precision(0.5));
        assertEquals(1.0, m.meanSimilarity(), 1e-7);
        assertEquals(List.of(p(0, 0), p(1, 1)), m.pairing());
        assertEquals(SimilarityMetric.IOU, m.metric());
        assertEquals(PixelShift.ZERO, m.shift());
    }

    @Test
    void disjointFootprintsGiveAnEmptyPairingAndZeroScores() {
        Match m = Matching.hungarianMatch(stack(32, 32, disk(32, 32, 4, 4, 3)), stack(32, 32, disk(32, 32, 28, 28, 3)));
        assertEquals(List.of(), m.pairing());
        assertEquals(0.0, m.recall(0.5));
        assertEquals(0.0, m.precision(0.5));
        assertEquals(0.0, m.meanSimilarity());
    }

    @Test
    void shuffledOrderIsRecovered() {
        double[] a = disk(40, 40, 8, 8, 4), b = disk(40, 40, 20, 20, 4), c = disk(40, 40, 32, 10, 4);
        Match m = Matching.hungarianMatch(stack(40, 40, c, a, b), stack(40, 40, a, b, c));
        assertEquals(List.of(p(0, 2), p(1, 0), p(2, 1)), m.pairing());
        assertEquals(1.0, m.recall(0.5));
    }

    @Test
    void oneOfTwoFoundSplitsRecallAndPrecision() {
        double[] a = disk(32, 32, 8, 8, 4), b = disk(32, 32, 22, 22, 4);
        Match m = Matching.hungarianMatch(stack(32, 32, a), stack(32, 32, a, b));
        assertEquals(0.5, m.recall(0.5));
        assertEquals(1.0, m.precision(0.5));
        assertEquals(1, m.nEst());
        assertEquals(2, m.nTrue());
    }

    @Test
    void moreEstimatesThanTruthsPairsEachTruthOnceAscendingByEstimate() {
        double[] a = disk(32, 32, 8, 8, 4), b = disk(32, 32, 22, 22, 4), extra = disk(32, 32, 8, 24, 3);
        Match m = Matching.hungarianMatch(stack(32, 32, extra, b, a), stack(32, 32, a, b));
        assertEquals(List.of(p(1, 1), p(2, 0)), m.pairing());
        assertEquals(1.0, m.recall(0.5));
        assertEquals(2.0 / 3.0, m.precision(0.5), 1e-15);
    }

    @Test
    void partialOverlapIouIsBetweenZeroAndOneAndTheThresholdFlipsAroundIt() {
        Match m = Matching.hungarianMatch(stack(48, 48, disk(48, 48, 24, 26, 6)), stack(48, 48, disk(48, 48, 24, 20, 6)));
        assertEquals(1, m.pairing().size());
        double iou = m.similarity(0, 0);
        assertTrue(iou > 0.0 && iou < 1.0, "iou " + iou);
        assertEquals(1.0, m.recall(iou - 0.01));
        assertEquals(1.0, m.recall(iou)); // ≥ threshold counts
        assertEquals(0.0, m.recall(iou + 0.01));
    }

    @Test
    void iouIsHeldAsAFloat32Value() {
        // est 1 px, truth 3 px containing it -> 1/3 as float32
        double[] e = new double[16], t = new double[16];
        e[5] = 1.0;
        t[4] = t[5] = t[6] = 1.0;
        Match m = match(stack(4, 4, e), stack(4, 4, t), "iou", 1.0, ShiftRequest.none());
        assertEquals((double) (1f / 3f), m.similarity(0, 0));
        assertTrue(m.similarity(0, 0) != 1.0 / 3.0);
    }

    @Test
    void unsupportedMetricIsAnErrorNamingTheMetric() {
        ImageStack a = stack(16, 16, disk(16, 16, 8, 8, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> match(a, a, "dice", 0.9, ShiftRequest.none()));
        assertTrue(e.getMessage().contains("metric") && e.getMessage().contains("dice"), e.getMessage());
        assertTrue(e.getMessage().contains("weighted_jaccard"), e.getMessage());
    }

    @Test
    void energyFracOutsideTheUnitIntervalIsAnErrorOnlyOnTheIouPath() {
        ImageStack a = stack(16, 16, disk(16, 16, 8, 8, 3));
        for (double bad : new double[] {1.5, 0.0, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> match(a, a, "iou", bad, ShiftRequest.none()));
            assertTrue(e.getMessage().contains("energy_frac"), e.getMessage());
        }
        assertEquals(1.0, match(a, a, "cosine", 1.5, ShiftRequest.none()).meanSimilarity(), 1e-12);
    }

    @Test
    void errorsComeInTheReferenceOrderMetricThenShiftThenEnergyFrac() {
        ImageStack a = stack(16, 16, disk(16, 16, 8, 8, 3));
        String m1 = assertThrows(IllegalArgumentException.class,
                () -> Matching.hungarianMatch(a, a, "dice", 1.5, "centroid")).getMessage();
        assertTrue(m1.contains("metric"), m1);
        String m2 = assertThrows(IllegalArgumentException.class,
                () -> Matching.hungarianMatch(a, a, "iou", 1.5, "centroid")).getMessage();
        assertTrue(m2.contains("'auto'") && m2.contains("centroid"), m2);
        String m3 = assertThrows(IllegalArgumentException.class,
                () -> Matching.hungarianMatch(a, a, "iou", 1.5, "auto")).getMessage();
        assertTrue(m3.contains("energy_frac"), m3);
    }

    @Test
    void fullEnergyMaskKeepsTheWholeSupportAcrossAHugeDynamicRange() {
        double[] truth = gaussian(48, 48, 24, 24, 5.0); // peak 1, tail ~1e-20
        for (int k = 0; k <= 10; k++) {
            double gamma = 1.0 - k / 10.0;
            double[] est = new double[truth.length];
            for (int i = 0; i < est.length; i++) {
                est[i] = truth[i] > 0 ? Math.pow(truth[i], gamma) : 0.0;
            }
            Match m = match(stack(48, 48, est), stack(48, 48, truth), "iou", 1.0, ShiftRequest.none());
            assertEquals(1.0, m.similarity(0, 0), "gamma " + gamma);
        }
    }

    @Test
    void defaultEnergyMaskDropsTheDimTailSoReweightingChangesIou() {
        double[] truth = gaussian(48, 48, 24, 24, 5.0);
        double[] flat = new double[truth.length];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = truth[i] > 1e-3 ? 1.0 : 0.0;
        }
        Match m = Matching.hungarianMatch(stack(48, 48, flat), stack(48, 48, truth));
        assertTrue(m.similarity(0, 0) < 0.99 && m.similarity(0, 0) > 0.1, "iou " + m.similarity(0, 0));
    }

    // --- weighted metrics ---------------------------------------------------

    @Test
    void weightedMetricsArePerfectOnIdenticalStacks() {
        ImageStack a = stack(32, 32, disk(32, 32, 8, 8, 4), disk(32, 32, 20, 22, 5));
        for (String metric : new String[] {"cosine", "weighted_jaccard"}) {
            Match m = match(a, a, metric, 0.9, ShiftRequest.none());
            assertEquals(metric, m.metric().id());
            assertEquals(1.0, m.meanSimilarity(), 1e-12, metric);
            assertEquals(List.of(p(0, 0), p(1, 1)), m.pairing(), metric);
        }
    }

    @Test
    void weightedMetricsSeeASpikedPixelThatFullSupportIouMisses() {
        double[] support = disk(24, 24, 12, 12, 5);
        double[] spiked = support.clone();
        spiked[12 * 24 + 12] = 30.0;
        ImageStack est = stack(24, 24, spiked), truth = stack(24, 24, support);
        assertEquals(1.0, match(est, truth, "iou", 1.0, ShiftRequest.none()).similarity(0, 0));
        double cos = match(est, truth, "cosine", 0.9, ShiftRequest.none()).similarity(0, 0);
        double wj = match(est, truth, "weighted_jaccard", 0.9, ShiftRequest.none()).similarity(0, 0);
        assertTrue(cos < 0.99 && cos > 0.0, "cosine " + cos);
        assertTrue(wj < 0.99 && wj > 0.0, "weighted jaccard " + wj);
    }

    @Test
    void weightedJaccardAndCosineMatchTheirDenseDefinitions() {
        double[] a = gaussian(20, 20, 8, 9, 2.5), b = gaussian(20, 20, 11, 10, 3.0);
        double sa = 0, sb = 0, dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double mn = 0, mx = 0;
        for (int i = 0; i < a.length; i++) {
            mn += Math.min(a[i] / sa, b[i] / sb);
            mx += Math.max(a[i] / sa, b[i] / sb);
        }
        ImageStack e = stack(20, 20, a), t = stack(20, 20, b);
        assertEquals(dot / Math.sqrt(na * nb), match(e, t, "cosine", 0.9, ShiftRequest.none()).similarity(0, 0), 1e-12);
        assertEquals(mn / mx, match(e, t, "weighted_jaccard", 0.9, ShiftRequest.none()).similarity(0, 0), 1e-12);
    }

    // --- global shift -------------------------------------------------------

    @Test
    void autoShiftRecoversARigidOffset() {
        ImageStack truth = stack(48, 48, disk(48, 48, 12, 12, 4), disk(48, 48, 30, 28, 5));
        ImageStack est = stack(48, 48, disk(48, 48, 15, 14, 4), disk(48, 48, 33, 30, 5));
        Match plain = Matching.hungarianMatch(est, truth);
        Match shifted = auto(est, truth);
        assertEquals(new PixelShift(-3, -2), shifted.shift());
        assertEquals(1.0, shifted.recall(0.5));
        assertTrue(shifted.meanSimilarity() > plain.meanSimilarity());
    }

    @Test
    void autoShiftRecoversAnOffsetOfHighDynamicRangeOverlappingGaussians() {
        int[][] centres = {{20, 22}, {24, 40}, {40, 26}, {44, 44}};
        double[][] imgs = new double[4][];
        for (int k = 0; k < 4; k++) {
            imgs[k] = gaussian(64, 64, centres[k][0], centres[k][1], 4.0);
        }
        ImageStack truth = stack(64, 64, imgs);
        ImageStack est = truth.translate(6, 5);
        assertTrue(Matching.hungarianMatch(est, truth).recall(0.5) < 0.5);
        Match m = auto(est, truth);
        assertEquals(new PixelShift(-6, -5), m.shift());
        assertEquals(1.0, m.recall(0.5));
    }

    @Test
    void autoShiftWorksOnANonPowerOfTwoGrid() {
        int h = 76, w = 57; // 76 = 4·19, 57 = 3·19
        ImageStack truth = stack(h, w, disk(h, w, 20, 15, 5), disk(h, w, 50, 40, 6), disk(h, w, 60, 12, 4));
        ImageStack est = truth.translate(-7, 4);
        Match m = auto(est, truth);
        assertEquals(new PixelShift(7, -4), m.shift());
        assertEquals(1.0, m.recall(0.5));
    }

    @Test
    void explicitShiftIsAppliedAndRecorded() {
        ImageStack truth = stack(48, 48, disk(48, 48, 12, 12, 4), disk(48, 48, 30, 28, 5));
        ImageStack est = stack(48, 48, disk(48, 48, 15, 14, 4), disk(48, 48, 33, 30, 5));
        Match m = match(est, truth, "iou", 0.9, ShiftRequest.of(-3, -2));
        assertEquals(new PixelShift(-3, -2), m.shift());
        assertEquals(1.0, m.recall(0.5));
    }

    @Test
    void explicitShiftIsRoundedHalfToEven() {
        ImageStack truth = stack(48, 48, disk(48, 48, 12, 12, 4));
        ImageStack est = stack(48, 48, disk(48, 48, 14, 15, 4));
        Match m = match(est, truth, "iou", 0.9, ShiftRequest.of(-2.5, -3.4));
        assertEquals(new PixelShift(-2, -3), m.shift());
        assertEquals(1.0, m.recall(0.99));
    }

    @Test
    void autoShiftStaysZeroWithAnExtraFalsePositive() {
        double[] a = disk(48, 48, 12, 12, 4), b = disk(48, 48, 30, 28, 5);
        Match m = auto(stack(48, 48, a, b, disk(48, 48, 40, 8, 4)), stack(48, 48, a, b));
        assertEquals(PixelShift.ZERO, m.shift());
        assertEquals(1.0, m.recall(0.5));
    }

    @Test
    void autoShiftIsZeroWithNoMass() {
        Match m = auto(stack(16, 16, new double[256]), stack(16, 16, disk(16, 16, 8, 8, 3)));
        assertEquals(PixelShift.ZERO, m.shift());
        assertEquals(List.of(), m.pairing());
    }

    @Test
    void autoShiftIsNotAdoptedWhenNoBoundedShiftHelps() {
        Match m = auto(stack(40, 40, disk(40, 40, 32, 32, 4)), stack(40, 40, disk(40, 40, 10, 10, 4)));
        assertEquals(PixelShift.ZERO, m.shift());
        assertEquals(List.of(), m.pairing());
    }

    @Test
    void autoShiftSurvivesAFalsePositive() {
        ImageStack truth = stack(64, 64, disk(64, 64, 16, 16, 5), disk(64, 64, 44, 20, 5), disk(64, 64, 28, 48, 5));
        ImageStack moved = truth.translate(2, 3);
        ImageStack est = stack(64, 64, moved.dense(0), moved.dense(1), moved.dense(2), disk(64, 64, 56, 8, 4));
        Match m = auto(est, truth);
        assertEquals(new PixelShift(-2, -3), m.shift());
        assertEquals(1.0, m.recall(0.5));
    }

    @Test
    void explicitShiftIsTrustedBeyondTheAutoBoundAndEvenWhenHarmful() {
        ImageStack truth = stack(48, 48, disk(48, 48, 8, 8, 4));
        ImageStack est = stack(48, 48, disk(48, 48, 40, 40, 4));
        Match far = match(est, truth, "iou", 0.9, ShiftRequest.of(-32, -32));
        assertEquals(new PixelShift(-32, -32), far.shift());
        assertEquals(1.0, far.recall(0.5));
        Match hurt = match(truth, truth, "iou", 0.9, ShiftRequest.of(20, 0));
        assertEquals(new PixelShift(20, 0), hurt.shift());
        assertEquals(0.0, hurt.recall(0.5));
        assertEquals(PixelShift.ZERO, auto(truth, truth).shift());
    }

    @Test
    void aShiftOfTheWholeGridMovesEverythingOut() {
        ImageStack truth = stack(16, 16, disk(16, 16, 8, 8, 3));
        Match m = match(truth, truth, "iou", 0.9, ShiftRequest.of(20, 0));
        assertEquals(new PixelShift(20, 0), m.shift());
        assertEquals(List.of(), m.pairing());
    }

    // --- edge cases ---------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"iou", "cosine", "weighted_jaccard"})
    void emptyEstimateStackScoresZeroWithoutError(String metric) {
        Match m = match(ImageStack.empty(16, 16), stack(16, 16, disk(16, 16, 8, 8, 3)), metric, 0.9,
                ShiftRequest.auto());
        assertEquals(List.of(), m.pairing());
        assertEquals(0, m.nEst());
        assertEquals(1, m.nTrue());
        assertEquals(0.0, m.recall(0.5));
        assertEquals(0.0, m.precision(0.5));
        assertEquals(0.0, m.meanSimilarity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iou", "cosine", "weighted_jaccard"})
    void bothStacksEmptyScoreZero(String metric) {
        Match m = match(ImageStack.empty(8, 8), ImageStack.empty(8, 8), metric, 0.9, ShiftRequest.auto());
        assertEquals(List.of(), m.pairing());
        assertEquals(0.0, m.recall(0.5));
        assertEquals(0.0, m.precision(0.5));
        assertEquals(0, m.similarity().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iou", "cosine", "weighted_jaccard"})
    void anAllZeroEstimateRowIsNeverPaired(String metric) {
        Match m = match(stack(16, 16, new double[256]), stack(16, 16, disk(16, 16, 8, 8, 3)), metric, 0.9,
                ShiftRequest.none());
        assertEquals(List.of(), m.pairing());
        assertEquals(0.0, m.meanSimilarity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosine", "weighted_jaccard"})
    void disjointFootprintsScoreZeroUnderWeightedMetrics(String metric) {
        Match m = match(stack(32, 32, disk(32, 32, 26, 26, 3)), stack(32, 32, disk(32, 32, 6, 6, 3)), metric, 0.9,
                ShiftRequest.none());
        assertEquals(List.of(), m.pairing());
        assertEquals(0.0, m.meanSimilarity());
    }

    @Test
    void negativePixelsAreClipped() {
        double[] a = disk(16, 16, 8, 8, 3);
        double[] neg = a.clone();
        for (int i = 0; i < neg.length; i++) {
            if (neg[i] == 0.0) {
                neg[i] = -5.0;
            }
        }
        ImageStack t = stack(16, 16, a), e = stack(16, 16, neg);
        assertEquals(1.0, match(e, t, "cosine", 0.9, ShiftRequest.none()).meanSimilarity(), 1e-12);
        assertEquals(1.0, match(e, t, "iou", 0.9, ShiftRequest.auto()).meanSimilarity());
        assertEquals(PixelShift.ZERO, match(e, t, "iou", 0.9, ShiftRequest.auto()).shift());
    }

    @Test
    void meanSimilarityAveragesEveryPositivePairIncludingThoseBelowTheThreshold() {
        double[] a = disk(48, 48, 12, 12, 5), b = disk(48, 48, 34, 34, 5);
        double[] bShift = disk(48, 48, 34, 40, 5); // weak overlap with b
        Match m = Matching.hungarianMatch(stack(48, 48, a, bShift), stack(48, 48, a, b));
        assertEquals(2, m.pairing().size());
        assertEquals(1, m.matchedPairs(0.5).size());
        double low = m.similarity(1, 1);
        assertTrue(low > 0 && low < 0.5);
        assertEquals((float) ((1f + (float) low) / 2f), m.meanSimilarity(), 0.0);
    }

    @Test
    void differentGridsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Matching.hungarianMatch(ImageStack.empty(8, 8), ImageStack.empty(8, 9)));
    }

    @Test
    void pairingMaximisesTheTotalRatherThanGreedilyTakingTheBestPair() {
        // est0 overlaps truth0 strongly and truth1 a bit; est1 overlaps only truth0 -> optimum crosses
        double[] t0 = disk(40, 40, 20, 14, 6), t1 = disk(40, 40, 20, 26, 6);
        double[] e0 = disk(40, 40, 20, 17, 6), e1 = disk(40, 40, 20, 12, 6);
        Match m = match(stack(40, 40, e0, e1), stack(40, 40, t0, t1), "iou", 1.0, ShiftRequest.none());
        double greedy = m.similarity(0, 0) + 0.0;
        double crossed = m.similarity(0, 1) + m.similarity(1, 0);
        assertTrue(crossed > greedy, "fixture: crossing must pay off");
        Set<Match.Pair> expected = new HashSet<>(List.of(p(0, 1), p(1, 0)));
        assertEquals(expected, new HashSet<>(m.pairing()));
    }
}
