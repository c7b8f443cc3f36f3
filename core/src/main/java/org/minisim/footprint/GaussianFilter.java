package org.minisim.footprint;

/**
 * The separable Gaussian filter of PHYSICS.md §0, shared by soma irregularity, neuropil fields, footprint blur
 * and vessel-layer blur. Kernel radius {@code R = floor(4σ + 0.5)} px, weights {@code exp(−j²/(2σ²))}
 * normalised to sum 1; first along axis 0 (down each column), then along axis 1 (along each row), the
 * intermediate kept in double. An axis whose σ is not greater than 1e−15 is left untouched. Boundary
 * extensions work at any distance from the edge.
 */
public final class GaussianFilter {

    /** Sigma below which an axis is not filtered, px. */
    public static final double MIN_SIGMA = 1e-15;

    /** How values beyond the array edge are defined. */
    public enum Boundary {
        /** Values outside are 0. */
        ZERO,
        /** The edge value replicated, however far out. */
        NEAREST,
        /** Half-sample mirror ({@code … c b a | a b c …}), period 2n. */
        REFLECT
    }

    private GaussianFilter() {}

    /** @return kernel radius {@code floor(4σ + 0.5)} px for σ in px */
    public static int radius(double sigmaPx) {
        return (int) Math.floor(4.0 * sigmaPx + 0.5);
    }

    /**
     * @param sigmaPx standard deviation, px (&gt; 1e−15)
     * @return the normalised weights {@code w[0..2R]}, centre at index R
     */
    public static double[] kernel(double sigmaPx) {
        int r = radius(sigmaPx);
        double[] k = new double[2 * r + 1];
        double c = -0.5 / (sigmaPx * sigmaPx);
        double sum = 0.0;
        for (int j = -r; j <= r; j++) {
            double v = StrictMath.exp(c * j * j);
            k[j + r] = v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * Filters a row-major {@code h × w} image; the input is not modified.
     *
     * @param src     image values, row-major, length h·w
     * @param h       rows
     * @param w       columns
     * @param sigmaPx σ in px on both axes
     * @param mode    boundary extension
     * @return a new filtered image
     */
    public static double[] filter(double[] src, int h, int w, double sigmaPx, Boundary mode) {
        if (src.length != h * w) {
            throw new IllegalArgumentException("image length " + src.length + " != " + h + " x " + w);
        }
        double[] out = src.clone();
        if (!(sigmaPx > MIN_SIGMA) || h == 0 || w == 0) {
            return out;
        }
        double[] k = kernel(sigmaPx);
        int r = (k.length - 1) / 2;
        // axis 0: down each column
        double[] line = new double[h];
        double[] res = new double[h];
        int[] map0 = extension(h, r, mode);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = out[y * w + x];
            }
            convolve(line, h, k, r, map0, res);
            for (int y = 0; y < h; y++) {
                out[y * w + x] = res[y];
            }
        }
        // axis 1: along each row
        double[] rowLine = new double[w];
        double[] rowRes = new double[w];
        int[] map1 = extension(w, r, mode);
        for (int y = 0; y < h; y++) {
            System.arraycopy(out, y * w, rowLine, 0, w);
            convolve(rowLine, w, k, r, map1, rowRes);
            System.arraycopy(rowRes, 0, out, y * w, w);
        }
        return out;
    }

    /**
     * Maps padded positions {@code p ∈ [0, n + 2R)} (array index {@code p − R}) to source indices, or −1 for a
     * zero value.
     */
    static int[] extension(int n, int r, Boundary mode) {
        int[] map = new int[n + 2 * r];
        for (int p = 0; p < map.length; p++) {
            map[p] = sourceIndex(p - r, n, mode);
        }
        return map;
    }

    /** @return the source index read for array index i of a length-n line, or −1 for zero */
    public static int sourceIndex(int i, int n, Boundary mode) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (mode) {
            case ZERO -> -1;
            case NEAREST -> i < 0 ? 0 : n - 1;
            case REFLECT -> {
                int period = 2 * n;
                int m = Math.floorMod(i, period);
                yield m >= n ? period - 1 - m : m;
            }
        };
    }

    /** Convolves one line: {@code out[i] = x_i·w_0 + Σ_{j=R..1} (x_{i−j} + x_{i+j})·w_j}. */
    private static void convolve(double[] line, int n, double[] k, int r, int[] map, double[] out) {
        for (int i = 0; i < n; i++) {
            double acc = line[i] * k[r];
            for (int j = r; j >= 1; j--) {
                int a = map[i - j + r];
                int b = map[i + j + r];
                double va = a < 0 ? 0.0 : line[a];
                double vb = b < 0 ? 0.0 : line[b];
                acc += (va + vb) * k[r + j];
            }
            out[i] = acc;
        }
    }
}
