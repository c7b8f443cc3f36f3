package org.minisim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.Footprint;

/**
 * The oracle's definition on a hand-built noiseless scene (24 × 24 px FOV, no blur levels): two overlapping blobs
 * and an isolated one over a constant background. Every footprint with light in a window is a member of it, so
 * the fit is exact: the oracle returns the traces themselves, and its coefficient is the ridge least-squares
 * solution over the window computed independently here.
 */
class LocalDemixerTest {

    private static final int H = 24, W = 24, FRAMES = 40;
    private static final double BACKGROUND = 5.0;

    /** A Gaussian blob of σ px centred at (cy, cx), its patch covering ±3σ, on a 24 × 24 canvas = FOV. */
    private static FovFootprint blob(double cy, double cx, double sigma, double peak) {
        int r = (int) Math.ceil(3 * sigma);
        int y0 = Math.max(0, (int) cy - r), x0 = Math.max(0, (int) cx - r);
        int y1 = Math.min(H, (int) cy + r + 1), x1 = Math.min(W, (int) cx + r + 1);
        float[] p = new float[(y1 - y0) * (x1 - x0)];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
                p[(y - y0) * (x1 - x0) + x - x0] = (float) (peak * Math.exp(-d2 / (2 * sigma * sigma)));
            }
        }
        return new FovFootprint(new Footprint(y0, x0, y1 - y0, x1 - x0, p, H, W), 0, 0, H, W);
    }

    private static final FovFootprint[] FP = {blob(8, 8, 1.6, 1.0), blob(9.5, 10.5, 1.8, 0.7),
        blob(19, 20, 1.2, 0.9)};

    private static double[][] traces() {
        SplittableRandom rng = new SplittableRandom(42);
        double[][] c = new double[FP.length][FRAMES];
        for (double[] row : c) {
            for (int t = 0; t < FRAMES; t++) {
                row[t] = 1.0 + 4.0 * rng.nextDouble();
            }
        }
        return c;
    }

    private static double[] frame(double[][] c, int t) {
        double[] y = new double[H * W];
        java.util.Arrays.fill(y, BACKGROUND);
        for (int j = 0; j < FP.length; j++) {
            for (int py = FP[j].y0(); py < FP[j].y1(); py++) {
                for (int px = FP[j].x0(); px < FP[j].x1(); px++) {
                    y[py * W + px] += c[j][t] * FP[j].at(py, px);
                }
            }
        }
        return y;
    }

    private static FootprintOverlaps overlaps() {
        return FootprintOverlaps.of(FP, null, H, W);
    }

    @Test
    void anExactModelGivesTheTracesBack() {
        FootprintOverlaps ov = overlaps();
        assertEquals(1, ov.neighbours(0).length, "the two blobs are each other's neighbours");
        assertEquals(0, ov.neighbours(2).length, "the third is alone");
        LocalDemixer d = new LocalDemixer(ov, H, W, 1e-12);
        LocalDemixer.Frame f = d.newFrame();
        double[][] c = traces();
        for (int t = 0; t < FRAMES; t++) {
            f.load(frame(c, t), 0, 0, 0);
            for (int j = 0; j < FP.length; j++) {
                assertEquals(c[j][t], f.trace(j), 1e-9, "unit " + j + " frame " + t);
            }
        }
    }

    @Test
    void theCoefficientIsTheRidgeLeastSquaresSolutionOverTheWindow() {
        FootprintOverlaps ov = overlaps();
        double lambda = 0.05;
        LocalDemixer d = new LocalDemixer(ov, H, W, lambda);
        LocalDemixer.Weights wt = d.weights(0);
        assertNotNull(wt);
        assertEquals(1, wt.d(), "sharp footprints: every pixel is a block");
        // the window's design: unit 0, its neighbour 1, a constant; solve (MᵀM + λ diag(MᵀM)_members) x = Mᵀy
        int[] members = {0, ov.neighbours(0)[0]};
        int m = members.length + 1, px = wt.bh() * wt.bw();
        double[][] design = new double[m][px];
        for (int r = 0; r < wt.bh(); r++) {
            for (int s = 0; s < wt.bw(); s++) {
                int y = wt.by0() + r, x = wt.bx0() + s, k = r * wt.bw() + s;
                for (int j = 0; j < members.length; j++) {
                    design[j][k] = FP[members[j]].at(y, x);
                }
                design[m - 1][k] = 1.0;
            }
        }
        double[][] c = traces();
        LocalDemixer.Frame f = d.newFrame();
        for (int t = 0; t < 5; t++) {
            double[] y = frame(c, t);
            double[] a = new double[m * m], b = new double[m];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < px; k++) {
                    int yy = wt.by0() + k / wt.bw(), xx = wt.bx0() + k % wt.bw();
                    b[i] += design[i][k] * y[yy * W + xx];
                }
                for (int j = 0; j < m; j++) {
                    for (int k = 0; k < px; k++) {
                        a[i * m + j] += design[i][k] * design[j][k];
                    }
                }
            }
            for (int i = 0; i < members.length; i++) {
                a[i * m + i] *= 1 + lambda;
            }
            assertTrue(Cholesky.solveInPlace(a, m, b));
            f.load(y, 0, 0, 0);
            assertEquals(b[0], f.trace(0), 1e-9 * Math.abs(b[0]), "frame " + t);
        }
    }

    @Test
    void anIsolatedUnitCorrelatesPerfectlyWhateverTheRidge() {
        LocalDemixer d = new LocalDemixer(overlaps(), H, W, 0.5);
        LocalDemixer.Frame f = d.newFrame();
        double[][] c = traces();
        double sx = 0, sxx = 0, sy = 0, syy = 0, sxy = 0;
        for (int t = 0; t < FRAMES; t++) {
            f.load(frame(c, t), 0, 0, 0);
            double o = f.trace(2), x = c[2][t];
            sx += o;
            sxx += o * o;
            sy += x;
            syy += x * x;
            sxy += o * x;
        }
        assertEquals(1.0, RenderStatistics.pearson(FRAMES, sx, sxx, sy, syy, sxy), 1e-12,
                "a ridge only shrinks an isolated unit's coefficient");
    }
}
