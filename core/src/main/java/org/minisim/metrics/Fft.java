package org.minisim.metrics;

/**
 * Discrete Fourier transforms of any length (used by the auto-shift phase correlation, OUTPUT.md §3.2, whose
 * FOV sizes such as 608 are not powers of two): iterative radix-2 for powers of two, Bluestein's chirp-z
 * transform (via a power-of-two convolution) otherwise. Complex data as separate real and imaginary arrays,
 * transformed in place; forward uses {@code exp(−2πi·jk/n)}, the inverse divides by n (numpy's convention).
 */
public final class Fft {

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
            for (int k = 0; k < n; k++) {
                im[k] = -im[k];
            }
        }
        if ((n & (n - 1)) == 0) {
            radix2(re, im);
        } else {
            bluestein(re, im);
        }
        if (inverse) {
            for (int k = 0; k < n; k++) {
                re[k] /= n;
                im[k] = -im[k] / n;
            }
        }
    }

    /**
     * In-place 2-D transform of a row-major {@code h × w} complex image (rows, then columns).
     */
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

    private static void radix2(double[] re, double[] im) {
        int n = re.length;
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
            int half = len >> 1;
            double ang = -2.0 * Math.PI / len;
            for (int k = 0; k < half; k++) {
                double wr = Math.cos(ang * k), wi = Math.sin(ang * k);
                for (int s = 0; s < n; s += len) {
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

    private static void bluestein(double[] re, double[] im) {
        int n = re.length;
        int m = Integer.highestOneBit(2 * n - 1);
        if (m < 2 * n - 1) {
            m <<= 1;
        }
        // chirp w_k = exp(−iπ k²/n); k² taken mod 2n to keep the angle accurate
        double[] cr = new double[n], ci = new double[n];
        for (int k = 0; k < n; k++) {
            long kk = ((long) k * k) % (2L * n);
            double ang = Math.PI * kk / n;
            cr[k] = Math.cos(ang);
            ci[k] = -Math.sin(ang);
        }
        double[] ar = new double[m], ai = new double[m], br = new double[m], bi = new double[m];
        for (int k = 0; k < n; k++) {
            ar[k] = re[k] * cr[k] - im[k] * ci[k];
            ai[k] = re[k] * ci[k] + im[k] * cr[k];
        }
        br[0] = cr[0];
        bi[0] = -ci[0];
        for (int k = 1; k < n; k++) {
            br[k] = br[m - k] = cr[k];
            bi[k] = bi[m - k] = -ci[k];
        }
        radix2(ar, ai);
        radix2(br, bi);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * br[k] - ai[k] * bi[k];
            ai[k] = ar[k] * bi[k] + ai[k] * br[k];
            ar[k] = r;
        }
        // inverse radix-2 via conjugation
        for (int k = 0; k < m; k++) {
            ai[k] = -ai[k];
        }
        radix2(ar, ai);
        for (int k = 0; k < n; k++) {
            double xr = ar[k] / m, xi = -ai[k] / m;
            re[k] = xr * cr[k] - xi * ci[k];
            im[k] = xr * ci[k] + xi * cr[k];
        }
    }
}
