package org.minisim.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ObservedFootprintTest {

    /** A disk-like planted footprint of radius r px at (cy, cx) on an h × w canvas. */
    static Footprint disk(int h, int w, double cy, double cx, double r) {
        int y0 = Math.max((int) Math.floor(cy - r) - 1, 0), y1 = Math.min((int) Math.ceil(cy + r) + 2, h);
        int x0 = Math.max((int) Math.floor(cx - r) - 1, 0), x1 = Math.min((int) Math.ceil(cx + r) + 2, w);
        double[] d = new double[(y1 - y0) * (x1 - x0)];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (Math.hypot(y - cy, x - cx) <= r) {
                    d[(y - y0) * (x1 - x0) + x - x0] = 1.0;
                }
            }
        }
        return Footprint.fromWindow(d, y1 - y0, x1 - x0, y0, x0, h, w);
    }

    /** Reference: blur the dense zero-padded window with the shared filter, × gain, as float32. */
    static float[] denseReference(Footprint planted, double sigma, double gain, Footprint observed) {
        int hw = observed.ph(), ww = observed.pw();
        double[] win = new double[hw * ww];
        for (int a = 0; a < planted.ph(); a++) {
            for (int b = 0; b < planted.pw(); b++) {
                win[(planted.y0() - observed.y0() + a) * ww + planted.x0() - observed.x0() + b] =
                        planted.patch()[a * planted.pw() + b];
            }
        }
        double[] blurred = GaussianFilter.filter(win, hw, ww, sigma, GaussianFilter.Boundary.ZERO);
        float[] out = new float[blurred.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (gain * blurred[i]);
        }
        return out;
    }

    static void assertClose(float[] expected, float[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (float v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * max + 1e-30, "pixel " + i);
        }
    }

    @Test
    void equalsBlurringTheDenseWindow() {
        Random r = new Random(7);
        for (double sigma : new double[] {0.3, 1.0, 2.7, 6.0}) {
            // irregular graded patch near a canvas edge so the window is clipped
            int h = 60, w = 50;
            double[] d = new double[h * w];
            for (int y = 3; y < 12; y++) {
                for (int x = 40; x < 48; x++) {
                    d[y * w + x] = r.nextDouble() < 0.3 ? 0.0 : r.nextDouble();
                }
            }
            Footprint planted = Footprint.fromDense(d, h, w);
            Footprint obs = ObservedFootprint.degrade(planted, sigma, 0.37);
            int pad = (int) Math.ceil(4 * sigma) + 1;
            assertEquals(Math.max(planted.y0() - pad, 0), obs.y0());
            assertEquals(Math.max(planted.x0() - pad, 0), obs.x0());
            assertEquals(Math.min(planted.y0() + planted.ph() + pad, h) - obs.y0(), obs.ph());
            assertEquals(Math.min(planted.x0() + planted.pw() + pad, w) - obs.x0(), obs.pw());
            assertClose(denseReference(planted, sigma, 0.37, obs), obs.patch(), 1e-6);
        }
    }

    @Test
    void equalsBlurringTheWholeCanvas() {
        Footprint planted = disk(40, 44, 20.3, 7.6, 4.0);
        double sigma = 2.2;
        Footprint obs = ObservedFootprint.degrade(planted, sigma, 1.0);
        double[] full = GaussianFilter.filter(planted.toDense(), 40, 44, sigma, GaussianFilter.Boundary.ZERO);
        double[] mine = obs.toDense();
        for (int i = 0; i < full.length; i++) {
            assertEquals(full[i], mine[i], 1e-6);
        }
    }

    @Test
    void conservesIntegralDropsPeakAndScalesWithGain() {
        Footprint planted = disk(80, 80, 40, 40, 5.0);
        Footprint obs = ObservedFootprint.degrade(planted, 3.0, 1.0);
        assertEquals(planted.sum(), obs.sum(), 1e-3 * planted.sum());
        assertTrue(obs.max() < planted.max());
        Footprint half = ObservedFootprint.degrade(planted, 3.0, 0.25);
        assertEquals(0.25 * obs.sum(), half.sum(), 1e-4 * obs.sum());
    }

    @Test
    void edgeLightIsLost() {
        Footprint planted = disk(30, 30, 0, 15, 3.0);
        Footprint obs = ObservedFootprint.degrade(planted, 3.0, 1.0);
        assertTrue(obs.sum() < 0.9 * planted.sum());
    }

    @Test
    void degenerateSigmaIsPaddedIdentityTimesGain() {
        Footprint planted = disk(20, 20, 10, 10, 2.0);
        Footprint obs = ObservedFootprint.degrade(planted, 0.0, 2.0);
        assertEquals(planted.y0() - 1, obs.y0());
        assertEquals(planted.ph() + 2, obs.ph());
        assertEquals(2.0 * planted.sum(), obs.sum(), 1e-6);
        assertEquals(2.0, obs.max(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ObservedFootprint.degrade(planted, Double.NaN, 1.0));
    }

    @Test
    void emptyPassesThroughAndNanGainPoisonsTheWindow() {
        Footprint e = Footprint.empty(10, 12);
        assertSame(e, ObservedFootprint.degrade(e, 2.0, 1.0));
        Footprint planted = disk(20, 20, 10, 10, 1.0);
        Footprint obs = ObservedFootprint.degrade(planted, 1.0, Double.NaN);
        for (float v : obs.patch()) {
            assertTrue(Float.isNaN(v));
        }
    }

    @Test
    void isFastForSmallCellsUnderWideBlur() {
        // 1000 cells of radius 4 px under σ = 20 px on a 400 px canvas: the sparse pass must be far cheaper than
        // the dense window blur (≈ 9·10⁹ MAC in total); generous bound for a shared 2-core machine
        Footprint[] cells = new Footprint[1000];
        Random r = new Random(1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = disk(400, 400, 40 + 320 * r.nextDouble(), 40 + 320 * r.nextDouble(), 4.0);
        }
        ObservedFootprint.degrade(cells[0], 20.0, 1.0); // warm-up
        long t0 = System.nanoTime();
        double s = 0;
        for (Footprint f : cells) {
            s += ObservedFootprint.degrade(f, 20.0, 1.0).sum();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(s > 0);
        assertTrue(secs < 5.0, "1000 degrades took " + secs + " s");
    }
}
