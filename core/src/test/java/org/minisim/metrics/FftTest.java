package org.minisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

    private static double[][] naive(double[] re, double[] im) {
        int n = re.length;
        double[] or = new double[n], oi = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * ((long) j * k % n) / n;
                or[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                oi[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
        }
        return new double[][] {or, oi};
    }

    @Test
    void matchesTheDefinitionForPowerOfTwoAndOtherLengths() {
        Random rng = new Random(3);
        for (int n : new int[] {1, 2, 3, 5, 8, 12, 19, 64, 100, 608}) {
            double[] re = new double[n], im = new double[n];
            for (int k = 0; k < n; k++) {
                re[k] = rng.nextGaussian();
                im[k] = rng.nextGaussian();
            }
            double[][] want = naive(re, im);
            double[] r = re.clone(), i = im.clone();
            Fft.transform(r, i, false);
            for (int k = 0; k < n; k++) {
                assertEquals(want[0][k], r[k], 1e-9 * n, "n=" + n + " re[" + k + "]");
                assertEquals(want[1][k], i[k], 1e-9 * n, "n=" + n + " im[" + k + "]");
            }
            Fft.transform(r, i, true);
            for (int k = 0; k < n; k++) {
                assertEquals(re[k], r[k], 1e-10, "round trip n=" + n);
                assertEquals(im[k], i[k], 1e-10, "round trip n=" + n);
            }
        }
    }

    @Test
    void twoDimensionalTransformOfAShiftedDeltaIsAPurePhase() {
        int h = 6, w = 10;
        double[] re = new double[h * w], im = new double[h * w];
        re[2 * w + 3] = 1.0;
        Fft.transform2d(re, im, h, w, false);
        for (int u = 0; u < h; u++) {
            for (int v = 0; v < w; v++) {
                double a = -2 * Math.PI * (2.0 * u / h + 3.0 * v / w);
                assertEquals(Math.cos(a), re[u * w + v], 1e-12);
                assertEquals(Math.sin(a), im[u * w + v], 1e-12);
            }
        }
    }
}
