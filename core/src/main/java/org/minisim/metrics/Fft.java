package org.minisim.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discrete Fourier transforms of any length (used by the auto-shift phase correlation, docs/scoring.md#global-shift,
 * whose FOV sizes such as 608 are not powers of two): iterative radix-2 for powers of two, Bluestein's chirp-z
 * transform (via a power-of-two circular convolution) otherwise. Complex data as separate real and imaginary arrays,
 * transformed in place; forward uses {@code exp(−2πi·jk/n)}, the inverse divides by n (numpy's convention). Twiddle
 * tables and Bluestein chirps are computed once per length and shared (thread-safe).
 */
public final class Fft {

    private static final Map<Integer, Radix2> RADIX2 = new ConcurrentHashMap<>();
    private static final Map<Integer, Bluestein> BLUESTEIN = new ConcurrentHashMap<>();

    private Fft() {}

    /** In-place 1-D transform of {@code (re, im)}, length n ≥ 0; {@code inverse} conjugates and divides by n. */
    public static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (im.length != n) {
            throw new IllegalArgumentException("real and imaginary parts differ in length");
        }
        if (n <= 1) {
            return;
        }
        if (inverse) {
            negate(im);
        }
        if ((n & (n - 1)) == 0) {
            RADIX2.computeIfAbsent(n, Radix2::new).run(re, im);
        } else {
            BLUESTEIN.computeIfAbsent(n, Bluestein::new).run(re, im);
        }
        if (inverse) {
            for (int k = 0; k < n; k++) {
                re[k] /= n;
                im[k] = -im[k] / n;
            }
        }
    }

    /** In-place 2-D transform of a row-major {@code h × w} complex image (rows, then columns). */
    public static void transform2d(double[] re, double[] im, int h, int w, boolean inverse) {
        double[] rr = new double[w], ri = new double[w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(re, y * w, rr, 0, w);
            System.arraycopy(im, y * w, ri, 0, w);
            transform(rr, ri, inverse);
            System.arraycopy(rr, 0, re, y * w, w);
            System.arraycopy(ri, 0, im, y * w, w);
        }
        double[] cr = new double[h], ci = new double[h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                cr[y] = re[y * w + x];
                ci[y] = im[y * w + x];
            }
            transform(cr, ci, inverse);
            for (int y = 0; y < h; y++) {
                re[y * w + x] = cr[y];
                im[y * w + x] = ci[y];
            }
        }
    }

    private static void negate(double[] a) {
        for (int k = 0; k < a.length; k++) {
            a[k] = -a[k];
        }
    }

    /** Iterative decimation-in-time radix-2 with a precomputed twiddle table. */
    private static final class Radix2 {
        private final int n;
        private final double[] cos;
        private final double[] sin;

        Radix2(int n) {
            this.n = n;
            cos = new double[n / 2];
            sin = new double[n / 2];
            for (int k = 0; k < n / 2; k++) {
                double a = -2.0 * Math.PI * k / n;
                cos[k] = Math.cos(a);
                sin[k] = Math.sin(a);
            }
        }

        void run(double[] re, double[] im) {
            for (int i = 1, j = 0; i < n; i++) {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1) {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j) {
                    double t = re[i];
                    re[i] = re[j];
                    re[j] = t;
                    t = im[i];
                    im[i] = im[j];
                    im[j] = t;
                }
            }
            for (int len = 2; len <= n; len <<= 1) {
                int half = len >> 1, stride = n / len;
                for (int s = 0; s < n; s += len) {
                    for (int k = 0; k < half; k++) {
                        double wr = cos[k * stride], wi = sin[k * stride];
                        int a = s + k, b = a + half;
                        double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                        re[b] = re[a] - xr;
                        im[b] = im[a] - xi;
                        re[a] += xr;
                        im[a] += xi;
                    }
                }
            }
        }
    }

    /** Bluestein: x_k·w_k convolved with conj(w), times w_k, where w_k = exp(−iπk²/n). */
    private static final class Bluestein {
        private final int n;
        private final int m;
        private final Radix2 inner;
        private final double[] cr;
        private final double[] ci;
        private final double[] br;
        private final double[] bi;

        Bluestein(int n) {
            this.n = n;
            int size = Integer.highestOneBit(2 * n - 1);
            m = size < 2 * n - 1 ? size << 1 : size;
            inner = RADIX2.computeIfAbsent(m, Radix2::new);
            cr = new double[n];
            ci = new double[n];
            for (int k = 0; k < n; k++) {
                long kk = ((long) k * k) % (2L * n); // keeps the angle accurate for large k
                double ang = Math.PI * kk / n;
                cr[k] = Math.cos(ang);
                ci[k] = -Math.sin(ang);
            }
            br = new double[m];
            bi = new double[m];
            br[0] = cr[0];
            bi[0] = -ci[0];
            for (int k = 1; k < n; k++) {
                br[k] = cr[k];
                bi[k] = -ci[k];
                br[m - k] = cr[k];
                bi[m - k] = -ci[k];
            }
            inner.run(br, bi);
        }

        void run(double[] re, double[] im) {
            double[] ar = new double[m], ai = new double[m];
            for (int k = 0; k < n; k++) {
                ar[k] = re[k] * cr[k] - im[k] * ci[k];
                ai[k] = re[k] * ci[k] + im[k] * cr[k];
            }
            inner.run(ar, ai);
            for (int k = 0; k < m; k++) {
                double r = ar[k] * br[k] - ai[k] * bi[k];
                double i = ar[k] * bi[k] + ai[k] * br[k];
                ar[k] = r;
                ai[k] = -i; // conjugate: the inverse transform below runs forward on the conjugate
            }
            inner.run(ar, ai);
            for (int k = 0; k < n; k++) {
                double xr = ar[k] / m, xi = -ai[k] / m;
                re[k] = xr * cr[k] - xi * ci[k];
                im[k] = xr * ci[k] + xi * cr[k];
            }
        }
    }
}
