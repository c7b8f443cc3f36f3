package org.minisim.footprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian filter of docs/physics.md#conventions: definition, boundary extensions at any distance, conservation.
 */
class GaussianFilterTest {

    /** Direct evaluation of the definition, one output sample at a time (axis 0, then axis 1). */
    static double[] naive(double[] src, int h, int w, double sigma, GaussianFilter.Boundary mode) {
        double[] k = GaussianFilter.kernel(sigma);
        int r = (k.length - 1) / 2;
        double[] mid = new double[h * w];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                double acc = src[y * w + x] * k[r];
                for (int j = r; j >= 1; j--) {
                    int a = GaussianFilter.sourceIndex(y - j, h, mode), b = GaussianFilter.sourceIndex(y + j, h, mode);
                    acc += ((a < 0 ? 0 : src[a * w + x]) + (b < 0 ? 0 : src[b * w + x])) * k[r + j];
                }
                mid[y * w + x] = acc;
            }
        }
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = mid[y * w + x] * k[r];
                for (int j = r; j >= 1; j--) {
                    int a = GaussianFilter.sourceIndex(x - j, w, mode), b = GaussianFilter.sourceIndex(x + j, w, mode);
                    acc += ((a < 0 ? 0 : mid[y * w + a]) + (b < 0 ? 0 : mid[y * w + b])) * k[r + j];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }

    @Test
    void equalsTheDefinitionInEveryModeEvenWhenTheKernelIsLongerThanTheImage() {
        Random rnd = new Random(1);
        int h = 7, w = 11;
        double[] img = new double[h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = rnd.nextGaussian();
        }
        for (GaussianFilter.Boundary mode : GaussianFilter.Boundary.values()) {
            for (double sigma : new double[] {0.4, 1.3, 5.0}) {
                assertArrayEquals(naive(img, h, w, sigma, mode), GaussianFilter.filter(img, h, w, sigma, mode),
                        mode + " sigma " + sigma);
            }
        }
    }

    @Test
    void extensionsMirrorAndClampAtAnyDistance() {
        assertEquals(0, GaussianFilter.sourceIndex(-1, 3, GaussianFilter.Boundary.REFLECT));
        assertEquals(2, GaussianFilter.sourceIndex(-3, 3, GaussianFilter.Boundary.REFLECT));
        assertEquals(2, GaussianFilter.sourceIndex(3, 3, GaussianFilter.Boundary.REFLECT));
        assertEquals(0, GaussianFilter.sourceIndex(6, 3, GaussianFilter.Boundary.REFLECT), "period 2n");
        assertEquals(0, GaussianFilter.sourceIndex(-100, 3, GaussianFilter.Boundary.NEAREST));
        assertEquals(2, GaussianFilter.sourceIndex(100, 3, GaussianFilter.Boundary.NEAREST));
        assertEquals(-1, GaussianFilter.sourceIndex(3, 3, GaussianFilter.Boundary.ZERO));
    }

    @Test
    void keepsConstantsUnderNearestAndReflectAndConservesInteriorMassUnderZero() {
        int h = 9, w = 9;
        double[] ones = new double[h * w];
        java.util.Arrays.fill(ones, 2.5);
        for (GaussianFilter.Boundary mode : new GaussianFilter.Boundary[] {GaussianFilter.Boundary.NEAREST,
            GaussianFilter.Boundary.REFLECT}) {
            for (double v : GaussianFilter.filter(ones, h, w, 3.0, mode)) {
                assertEquals(2.5, v, 1e-12);
            }
        }
        double[] dot = new double[31 * 31];
        dot[15 * 31 + 15] = 1.0;
        double sum = 0;
        for (double v : GaussianFilter.filter(dot, 31, 31, 2.0, GaussianFilter.Boundary.ZERO)) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        assertArrayEquals(dot, GaussianFilter.filter(dot, 31, 31, 1e-16, GaussianFilter.Boundary.ZERO), "σ ≈ 0");
    }
}
