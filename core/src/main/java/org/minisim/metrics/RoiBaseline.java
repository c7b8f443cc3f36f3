package org.minisim.metrics;

/**
 * The naive hand-drawn ROI readout (docs/scoring.md#roi-baseline): the un-demixed, contaminated baseline a demixing
 * pipeline should beat. Images are row-major {@code H × W}; movies row-major {@code (F, H, W)}.
 */
public final class RoiBaseline {

    private RoiBaseline() {}

    /**
     * @param a   one footprint image
     * @param rel fraction of the peak (default {@link MetricDefaults#DEFAULT_ROI_REL_THRESHOLD})
     * @return {@code a > rel·max(a)} per pixel; all false when the peak is ≤ 0 or the image is empty
     */
    public static boolean[] footprintMask(double[] a, double rel) {
        boolean[] m = new boolean[a.length];
        double peak = a.length == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        for (double v : a) {
            peak = Math.max(peak, v);
        }
        if (!(peak > 0.0)) {
            return m;
        }
        double cut = rel * peak;
        for (int k = 0; k < a.length; k++) {
            m[k] = a[k] > cut;
        }
        return m;
    }

    /** @return {@link #footprintMask(double[], double)} at the default 0.18 */
    public static boolean[] footprintMask(double[] a) {
        return footprintMask(a, MetricDefaults.DEFAULT_ROI_REL_THRESHOLD);
    }

    /**
     * @param movie  (F, H, W) frames, flat; F = movie.length / a.length
     * @param a      the footprint image (H, W)
     * @param rel    fraction of the peak defining the mask
     * @return per frame the movie's mean over the mask pixels; zeros when the mask is empty
     */
    public static double[] footprintRoiTrace(double[] movie, double[] a, double rel) {
        int px = a.length;
        if (px == 0 ? movie.length != 0 : movie.length % px != 0) {
            throw new IllegalArgumentException("movie length " + movie.length + " is not a whole number of "
                    + px + "-pixel frames");
        }
        int f = px == 0 ? 0 : movie.length / px;
        boolean[] m = footprintMask(a, rel);
        int count = 0;
        for (boolean b : m) {
            count += b ? 1 : 0;
        }
        double[] out = new double[f];
        if (count == 0) {
            return out;
        }
        for (int t = 0; t < f; t++) {
            double s = 0.0;
            for (int k = 0; k < px; k++) {
                if (m[k]) {
                    s += movie[t * px + k];
                }
            }
            out[t] = s / count;
        }
        return out;
    }

    /** @return {@link #footprintRoiTrace(double[], double[], double)} at the default 0.18 */
    public static double[] footprintRoiTrace(double[] movie, double[] a) {
        return footprintRoiTrace(movie, a, MetricDefaults.DEFAULT_ROI_REL_THRESHOLD);
    }
}
