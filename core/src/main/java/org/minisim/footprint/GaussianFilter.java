package org.minisim.footprint;

/**
 * The separable Gaussian filter of docs/physics.md#conventions, shared by soma irregularity, neuropil fields, footprint
 * blur and vessel-layer blur. Kernel radius {@code R = floor(4σ + 0.5)} px, weights {@code exp(−j²/(2σ²))} normalised
 * to sum 1; first along axis 0 (down each column), then along axis 1 (along each row), the intermediate kept in double.
 * An axis whose σ is not greater than 1e−15 is left untouched. Boundary extensions work at any distance from the edge.
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
        if (!(sigmaPx > MIN_SIGMA) || h == 0 || w == 0) {
            return src.clone();
        }
        double[] k = kernel(sigmaPx);
        int r = (k.length - 1) / 2;
        double[][] rows = new double[h][w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * w, rows[y], 0, w);
        }
        double[][] down = pass(rows, h, w, k, r, mode);          // axis 0: down each column
        double[][] across = pass(transpose(down, h, w), w, h, k, r, mode); // axis 1: along each row
        double[] out = new double[h * w];
        for (int x = 0; x < w; x++) {
            double[] col = across[x];
            for (int y = 0; y < h; y++) {
                out[y * w + x] = col[y];
            }
        }
        return out;
    }

    /**
     * Filters along the first index of {@code n} lines of length {@code len}: output line y is
     * {@code line_y·w_0 + Σ_{j=R..1} (line_{y−j} + line_{y+j})·w_j} with the boundary's extension, accumulated as
     * whole-line operations (same index in every array, which the JIT vectorises).
     */
    private static double[][] pass(double[][] lines, int n, int len, double[] k, int r, Boundary mode) {
        double[] zero = new double[len];
        double[][] out = new double[n][len];
        double k0 = k[r];
        for (int y = 0; y < n; y++) {
            double[] o = out[y];
            double[] c = lines[y];
            for (int x = 0; x < len; x++) {
                o[x] = c[x] * k0;
            }
            for (int j = r; j >= 1; j--) {
                int ia = sourceIndex(y - j, n, mode), ib = sourceIndex(y + j, n, mode);
                double[] a = ia < 0 ? zero : lines[ia];
                double[] b = ib < 0 ? zero : lines[ib];
                double kj = k[r + j];
                for (int x = 0; x < len; x++) {
                    o[x] += (a[x] + b[x]) * kj;
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] rows, int h, int w) {
        double[][] t = new double[w][h];
        for (int y = 0; y < h; y++) {
            double[] row = rows[y];
            for (int x = 0; x < w; x++) {
                t[x][y] = row[x];
            }
        }
        return t;
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
}
