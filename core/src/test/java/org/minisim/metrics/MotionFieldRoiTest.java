package org.minisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minisim.metrics.Shapes.disk;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MotionFieldRoiTest {

    private static double[] tile(int frames, double dy, double dx) {
        double[] t = new double[2 * frames];
        for (int k = 0; k < frames; k++) {
            t[2 * k] = dy;
            t[2 * k + 1] = dx;
        }
        return t;
    }

    // --- motion ---------------------------------------------------------------

    @Test
    void shiftRmseOfKnownErrorsAndOfIdenticalTrajectories() {
        double[] truth = {0, 0, 3, 4};
        assertEquals(0.0, MotionMetrics.shiftRmse(truth, truth, false, false));
        assertEquals(2.5, MotionMetrics.shiftRmse(new double[4], truth, false, false), 1e-15);
    }

    @Test
    void alignRemovesAConstantOriginOffset() {
        double[] truth = {0, 0, 3, 4, 1, -2};
        double[] est = {2, -1, 5, 3, 3, -3};
        assertTrue(MotionMetrics.shiftRmse(est, truth, false, false) > 0.0);
        assertEquals(0.0, MotionMetrics.shiftRmse(est, truth, false, true), 1e-15);
    }

    @Test
    void singleFrameAlignedIsZero() {
        assertEquals(0.0, MotionMetrics.shiftRmse(new double[] {1, 2}, new double[] {1, 2}, false, false));
        assertEquals(0.0, MotionMetrics.shiftRmse(new double[] {5, 5}, new double[2], false, true), 1e-15);
    }

    @Test
    void correctionNegatesTheEstimate() {
        double[] truth = {1, 2, -3, 4};
        double[] correction = {-1, -2, 3, -4};
        assertEquals(0.0, MotionMetrics.shiftRmse(correction, truth, true, false));
        assertTrue(MotionMetrics.shiftRmse(correction, truth, false, false) > 0.0);
    }

    @Test
    void zeroFramesGiveNaN() {
        assertTrue(Double.isNaN(MotionMetrics.shiftRmse(new double[0], new double[0], true, true)));
    }

    @Test
    void globalShiftFromTrajectoriesExamples() {
        assertEquals(new PixelShift(-2, -1), MotionMetrics.globalShiftFromTrajectories(tile(8, 2, 1), new double[16], true));
        assertEquals(new PixelShift(-2, 2), MotionMetrics.globalShiftFromTrajectories(tile(5, 2.4, -1.6), new double[10], true));
        assertEquals(new PixelShift(1, 0), MotionMetrics.globalShiftFromTrajectories(tile(4, 1, 0), new double[8], false));
        assertEquals(new PixelShift(2, -2), MotionMetrics.globalShiftFromTrajectories(tile(4, 2.5, -2.5), new double[8], false));
    }

    // --- fields -----------------------------------------------------------------

    @Test
    void fieldPearsonIsOneOnItselfAndOnAnAffineCopy() {
        Random rng = new Random(0);
        double[] f = new double[256], g = new double[256];
        for (int k = 0; k < f.length; k++) {
            f[k] = rng.nextDouble();
            g[k] = 3.0 * f[k] + 2.0;
        }
        assertEquals(1.0, FieldMetrics.fieldPearson(f, f), 1e-12);
        assertEquals(1.0, FieldMetrics.fieldPearson(g, f), 1e-12);
    }

    @Test
    void fieldPearsonIsNaNOnAConstantField() {
        double[] ramp = new double[64], ones = new double[64];
        for (int k = 0; k < 64; k++) {
            ramp[k] = k;
            ones[k] = 1.0;
        }
        assertTrue(Double.isNaN(FieldMetrics.fieldPearson(ones, ramp)));
    }

    // --- ROI --------------------------------------------------------------------

    @Test
    void roiMaskThresholdsRelativeToThePeak() {
        double[] a = disk(20, 20, 10, 10, 4);
        int lit = 0;
        for (int k = 0; k < a.length; k++) {
            a[k] *= 10.0;
            lit += a[k] > 0 ? 1 : 0;
        }
        a[10 * 20 + 10] = 100.0;
        boolean[] m = RoiBaseline.footprintMask(a, 0.18);
        assertTrue(m[10 * 20 + 10]);
        assertEquals(1, count(m));
        assertEquals(lit, count(RoiBaseline.footprintMask(a, 0.05)));
    }

    @Test
    void roiMaskOfAllZeroAndAllNegativeFootprintsIsAllFalseWithTheRightShape() {
        assertArrayEquals(new boolean[64], RoiBaseline.footprintMask(new double[64]));
        double[] neg = new double[25];
        java.util.Arrays.fill(neg, -1.0);
        assertArrayEquals(new boolean[25], RoiBaseline.footprintMask(neg));
        assertEquals(0, RoiBaseline.footprintMask(new double[0]).length);
    }

    @Test
    void roiTraceIsThePerFrameMaskMean() {
        double[] a = disk(16, 16, 8, 8, 3);
        double[] vals = {1, 5, 2};
        double[] movie = new double[3 * 256];
        for (int t = 0; t < 3; t++) {
            java.util.Arrays.fill(movie, t * 256, (t + 1) * 256, vals[t]);
        }
        assertArrayEquals(vals, RoiBaseline.footprintRoiTrace(movie, a), 1e-12);

        Random rng = new Random(0);
        double[] noise = new double[4 * 256];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = rng.nextDouble();
        }
        boolean[] m = RoiBaseline.footprintMask(a);
        double[] want = new double[4];
        for (int t = 0; t < 4; t++) {
            double s = 0;
            for (int k = 0; k < 256; k++) {
                s += m[k] ? noise[t * 256 + k] : 0.0;
            }
            want[t] = s / count(m);
        }
        assertArrayEquals(want, RoiBaseline.footprintRoiTrace(noise, a), 1e-12);
        assertArrayEquals(new double[4], RoiBaseline.footprintRoiTrace(noise, new double[256]));
    }

    private static int count(boolean[] m) {
        int c = 0;
        for (boolean b : m) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
