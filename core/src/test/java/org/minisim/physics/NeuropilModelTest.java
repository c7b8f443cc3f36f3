package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.Neuropil;

class NeuropilModelTest {

    private static final int H = 40;
    private static final int W = 48;
    private static final double PX = 1.0;
    private static final double FPS = 20.0;

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    private static double lag1(double[] v) {
        double m = mean(v);
        double num = 0;
        double den = 0;
        for (int i = 0; i < v.length; i++) {
            den += (v[i] - m) * (v[i] - m);
            if (i > 0) {
                num += (v[i] - m) * (v[i - 1] - m);
            }
        }
        return num / den;
    }

    private static double corr(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void ouSequenceIsStationaryUnitVarianceWithItsCorrelation() {
        RandomStreams rs = new RandomStreams(3);
        int n = 20000;
        double[] slow = NeuropilModel.ouSequence(rs.stream(Purpose.NEUROPIL_TEMPORAL, 0), n,
                NeuropilModel.ouAlpha(20.0));
        double[] fast = NeuropilModel.ouSequence(rs.stream(Purpose.NEUROPIL_TEMPORAL, 1), n,
                NeuropilModel.ouAlpha(0.5));
        for (double[] x : new double[][] {slow, fast}) {
            assertEquals(0.0, mean(x), 0.15);
            assertEquals(1.0, std(x), 0.1);
        }
        assertTrue(lag1(slow) > 0.9, "slow lag-1 " + lag1(slow));
        assertTrue(lag1(fast) < lag1(slow));
        assertTrue(lag1(fast) < 0.3, "fast lag-1 " + lag1(fast));
    }

    @Test
    void spatialFieldsHaveShapeAreNonNegativeSmoothAndMeanBalanced() {
        Neuropil step = new Neuropil(8.0, 10.0, 1.5, 0.5, 3, 0.7);
        NeuropilFields f = NeuropilModel.generate(step, H, W, PX, FPS, 50, null, 0, null, new RandomStreams(1));
        assertEquals(3 * H * W, f.spatial().length);
        assertEquals(3 * 50, f.temporal().length);
        assertNull(f.population());
        double[] means = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] s = java.util.Arrays.copyOfRange(f.spatial(), k * H * W, (k + 1) * H * W);
            double adj = 0;
            int n = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertTrue(s[y * W + x] >= 0.0);
                    if (x + 1 < W) {
                        adj += Math.abs(s[y * W + x + 1] - s[y * W + x]);
                        n++;
                    }
                }
            }
            assertTrue(adj / n < std(s), "smooth: mean adjacent difference below std");
            means[k] = mean(s);
        }
        assertEquals(means[0], means[1], 1e-12);
        assertEquals(means[0], means[2], 1e-12);
        for (double v : f.temporal()) {
            assertTrue(v > 0.0);
        }
    }

    @Test
    void singleComponentFieldSpansZeroToOne() {
        double[] s = NeuropilModel.spatialField(H, W, 5.0, new RandomStreams(2).stream(Purpose.NEUROPIL_SPATIAL, 0));
        double min = Double.MAX_VALUE;
        double max = -1;
        for (double v : s) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.0, min, 0.0);
        assertEquals(1.0, max, 1e-15);
    }

    @Test
    void addedBackgroundIsNonNegativeNonZeroAndDeterministic() {
        Neuropil step = Neuropil.DEFAULTS;
        NeuropilFields a = NeuropilModel.generate(step, H, W, 0.5, FPS, 30, null, 0, null, new RandomStreams(7));
        NeuropilFields b = NeuropilModel.generate(step, H, W, 0.5, FPS, 30, null, 0, null, new RandomStreams(7));
        NeuropilFields c = NeuropilModel.generate(step, H, W, 0.5, FPS, 30, null, 0, null, new RandomStreams(8));
        assertArrayEquals(a.spatial(), b.spatial());
        assertArrayEquals(a.temporal(), b.temporal());
        assertTrue(!java.util.Arrays.equals(a.spatial(), c.spatial()));
        double[] frame = new double[H * W];
        NeuropilModel.addFrame(a, step.amplitude(), 5, frame);
        double sum = 0;
        for (double v : frame) {
            assertTrue(v >= 0.0);
            sum += v;
        }
        assertTrue(sum > 0.0);
        // the helper is exactly amplitude·(1/K)·Σ_k T_k(t)·S_k(p)
        int p = 17 * W + 9;
        double expect = 0;
        for (int k = 0; k < 3; k++) {
            expect += a.temporal()[k * 30 + 5] * a.spatial()[k * H * W + p];
        }
        assertEquals(step.amplitude() * expect / 3.0, frame[p], 1e-12);
    }

    /** N cells, F frames: quiet traces at 1 with a population burst at frames [burst, burst+5). */
    private static double[] burstTraces(int nCells, int nFrames, int burst) {
        double[] c = new double[nCells * nFrames];
        for (int i = 0; i < nCells; i++) {
            for (int t = 0; t < nFrames; t++) {
                c[i * nFrames + t] = 1.0 + ((t >= burst && t < burst + 5) ? 4.0 : 0.0)
                        + 0.3 * Math.sin(0.9 * t + i);
            }
        }
        return c;
    }

    @Test
    void populationDriverHasMeanOneLagsABurstAndIsSmootherThanTheAggregate() {
        int n = 4;
        int f = 200;
        double[] c = burstTraces(n, f, 100);
        double[] p = NeuropilModel.populationDriver(c, n, f, 1.5 * FPS);
        assertNotNull(p);
        assertEquals(1.0, mean(p), 1e-12);
        for (double v : p) {
            assertTrue(v >= 0.0);
        }
        assertTrue(p[106] > p[99], "the felt swells after the burst");
        double[] g = new double[f];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < f; t++) {
                g[t] += c[i * f + t];
            }
        }
        double gm = mean(g);
        for (int t = 0; t < f; t++) {
            g[t] /= gm;
        }
        assertTrue(std(diff(p)) < std(diff(g)), "smoother than the raw aggregate");
        // equals the causal one-pole low-pass of the aggregate
        double a = Math.exp(-1.0 / (1.5 * FPS));
        double[] y = new double[f];
        y[0] = g[0] * gm;
        for (int t = 1; t < f; t++) {
            y[t] = a * y[t - 1] + (1 - a) * g[t] * gm;
        }
        double ym = mean(y);
        for (int t = 0; t < f; t++) {
            assertEquals(y[t] / ym, p[t], 1e-9);
        }
    }

    private static double[] diff(double[] v) {
        double[] d = new double[v.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = v[i + 1] - v[i];
        }
        return d;
    }

    @Test
    void populationDriverIsAbsentWithoutCellsOrWithSilentTraces() {
        assertNull(NeuropilModel.populationDriver(null, 0, 50, 30));
        assertNull(NeuropilModel.populationDriver(new double[3 * 50], 3, 50, 30));
        NeuropilFields f = NeuropilModel.generate(Neuropil.DEFAULTS, 8, 8, 1.0, FPS, 50, new double[3 * 50], 3,
                null, new RandomStreams(1));
        assertNull(f.population());
    }

    /** Per-frame background (mean over the canvas) of a field set. */
    private static double[] background(NeuropilFields f, double amp, int nFrames) {
        double[] out = new double[nFrames];
        for (int t = 0; t < nFrames; t++) {
            double[] frame = new double[f.canvasH() * f.canvasW()];
            NeuropilModel.addFrame(f, amp, t, frame);
            out[t] = mean(frame);
        }
        return out;
    }

    @Test
    void couplingControlsCorrelationWithTheDriver() {
        int n = 3;
        int nf = 400;
        double[] c = new double[n * nf];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < nf; t++) {
                c[i * nf + t] = 1.0 + ((t / 37) % 3 == 0 ? 3.0 : 0.0);
            }
        }
        Neuropil full = new Neuropil(4.0, 10.0, 0.5, 0.5, 3, 1.0);
        Neuropil none = new Neuropil(4.0, 10.0, 0.5, 0.5, 3, 0.0);
        Neuropil part = new Neuropil(4.0, 10.0, 0.5, 0.5, 3, 0.5);
        NeuropilFields ff = NeuropilModel.generate(full, 12, 12, 1.0, FPS, nf, c, n, null, new RandomStreams(4));
        NeuropilFields fn = NeuropilModel.generate(none, 12, 12, 1.0, FPS, nf, c, n, null, new RandomStreams(4));
        NeuropilFields fp = NeuropilModel.generate(part, 12, 12, 1.0, FPS, nf, c, n, null, new RandomStreams(4));
        assertNotNull(ff.population());
        assertArrayEquals(NeuropilModel.populationDriver(c, n, nf, 0.5 * FPS), ff.population());
        assertTrue(corr(background(ff, 0.5, nf), ff.population()) > 0.95);
        assertTrue(Math.abs(corr(background(fn, 0.5, nf), fn.population())) < 0.6);
        for (double v : fp.temporal()) {
            assertTrue(v > 0.0);
        }
    }

    @Test
    void envelopesFadeWithTheMeanBleach() {
        int n = 2;
        int nf = 60;
        double[] bleach = new double[n * nf];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < nf; t++) {
                bleach[i * nf + t] = Math.exp(-t / (20.0 + 20 * i));
            }
        }
        RandomStreams rs = new RandomStreams(11);
        NeuropilFields plain = NeuropilModel.generate(Neuropil.DEFAULTS, 6, 6, 1.0, FPS, nf, null, n, null, rs);
        NeuropilFields faded = NeuropilModel.generate(Neuropil.DEFAULTS, 6, 6, 1.0, FPS, nf, null, n, bleach, rs);
        for (int k = 0; k < 3; k++) {
            for (int t = 0; t < nf; t++) {
                double m = 0.5 * (bleach[t] + bleach[nf + t]);
                assertEquals(plain.temporal()[k * nf + t] * m, faded.temporal()[k * nf + t], 1e-12);
            }
        }
    }

    @Test
    void addingABlockOfFramesFollowsTheDefinitionFrameByFrameThenMasking() {
        Neuropil step = Neuropil.DEFAULTS;
        int h = 70, w = 61; // a pixel count that is not a multiple of the tile
        NeuropilFields f = NeuropilModel.generate(step, h, w, 0.5, FPS, 30, null, 0, null, new RandomStreams(3));
        java.util.Random r = new java.util.Random(4);
        double[][] block = new double[5][h * w];
        double[][] single = new double[5][h * w];
        for (int i = 0; i < 5; i++) {
            for (int p = 0; p < h * w; p++) {
                block[i][p] = single[i][p] = r.nextDouble();
            }
        }
        double[] mask = new double[h * w];
        for (int p = 0; p < h * w; p++) {
            mask[p] = 0.2 + 0.8 * r.nextDouble();
        }
        double[][] fused = new double[5][];
        for (int i = 0; i < 5; i++) {
            fused[i] = block[i].clone();
        }
        NeuropilModel.addFrames(f, step.amplitude(), 11, block, 5);
        NeuropilModel.addFrames(f, step.amplitude(), 11, fused, 5, mask);
        for (int i = 0; i < 5; i++) {
            // the definition: canvas[p] += amplitude·(1/K)·T_k(t)·S_k(p), components in order 0…K−1
            for (int k = 0; k < f.k(); k++) {
                double wgt = step.amplitude() * (1.0 / f.k()) * f.temporal()[k * f.nFrames() + 11 + i];
                for (int p = 0; p < h * w; p++) {
                    single[i][p] += wgt * f.spatial()[k * h * w + p];
                }
            }
            assertArrayEquals(single[i], block[i], 0.0);
            for (int p = 0; p < h * w; p++) {
                single[i][p] *= mask[p];
            }
            assertArrayEquals(single[i], fused[i], 0.0);
        }
    }
}
