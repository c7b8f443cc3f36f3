package org.minisim.table;

/**
 * Summaries of one FOV footprint: peak, integral and the size of its energy core.
 *
 * @param peak     the largest value over the box (0 for an empty footprint), dimensionless
 * @param integral the sum of the values over the box (double sum of the floats, row-major order), px
 * @param coreArea pixels of the energy core ({@link #energyMaskSize})
 */
record FootprintSummary(double peak, double integral, int coreArea) {

    /** Histogram bins of the energy-core search. */
    private static final int BINS = 1024;

    /** @return the summaries of a footprint, the core holding {@code frac} of its energy */
    static FootprintSummary of(FovFootprint f, double frac) {
        return of(f, frac, f.support(FootprintOverlaps.SUPPORT_REL));
    }

    /**
     * @param support f's support box at {@link FootprintOverlaps#SUPPORT_REL} ({@link FovFootprint#support})
     * @return the summaries of a footprint, the core holding {@code frac} of its energy (two or three passes)
     */
    static FootprintSummary of(FovFootprint f, double frac, FovFootprint support) {
        float m = Float.NEGATIVE_INFINITY;
        double sum = 0.0, total = 0.0;
        int positive = 0;
        float[] p = f.patch();
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                float v = p[off + x];
                m = Math.max(m, v);
                sum += v;
                if (v > 0f) {
                    total += v;
                    positive++;
                }
            }
        }
        double peak = f.isEmpty() ? 0.0 : m;
        if (!(total > 0)) {
            return new FootprintSummary(peak, sum, 0);
        }
        // the core's pixels are among the brightest: search the support box first, the whole box if the core
        // reaches below the support's cut (then some of its pixels may lie outside the support box)
        int core = core(support, frac, total, positive, (float) peak, (float) (FootprintOverlaps.SUPPORT_REL * peak));
        if (core < 0) {
            core = core(f, frac, total, positive, (float) peak, 0f);
        }
        return new FootprintSummary(peak, sum, core);
    }

    /** @return the largest value over the box (0 for an empty footprint) */
    static double max(FovFootprint f) {
        float m = Float.NEGATIVE_INFINITY;
        float[] p = f.patch();
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                m = Math.max(m, p[off + x]);
            }
        }
        return f.isEmpty() ? 0.0 : m;
    }

    /** @return the sum of the values over the box (double sum of the float values, row-major order) */
    static double sum(FovFootprint f) {
        double s = 0.0;
        float[] p = f.patch();
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                s += p[off + x];
            }
        }
        return s;
    }

    /**
     * The size of the energy core: the fewest of the brightest pixels whose sum reaches {@code frac} of the total
     * of the positive values; 0 for a footprint without positive values. Found in linear time: the values are
     * binned by magnitude, the bins are added from the top until the one holding the crossing, and only that
     * bin's values are sorted.
     */
    static int energyMaskSize(FovFootprint f, double frac) {
        float[] p = f.patch();
        double total = 0.0;
        float peak = 0f;
        int positive = 0;
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                float v = p[off + x];
                if (v > 0f) {
                    total += v;
                    positive++;
                    peak = Math.max(peak, v);
                }
            }
        }
        return core(f, frac, total, positive, peak, 0f);
    }

    /**
     * @param total    Σ of the footprint's positive values (over its whole box)
     * @param positive its positive values (over its whole box)
     * @param floor    only values ≥ floor are looked at (those of f's box when f is a support view)
     * @return the core size, or −1 when the values ≥ floor do not reach {@code frac · total}
     */
    private static int core(FovFootprint f, double frac, double total, int positive, float peak, float floor) {
        float[] p = f.patch();
        if (!(total > 0)) {
            return 0;
        }
        if (frac >= 1.0) {
            return positive;
        }
        double scale = BINS / (double) peak;
        double[] binSum = new double[BINS];
        int[] binCount = new int[BINS];
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                float v = p[off + x];
                if (v > 0f && v >= floor) {
                    int b = Math.min(BINS - 1, (int) (v * scale));
                    binSum[b] += v;
                    binCount[b]++;
                }
            }
        }
        double target = frac * total, cum = 0.0;
        int count = 0;
        int b = BINS - 1;
        for (; b >= 0; b--) {
            if (cum + binSum[b] >= target) {
                break;
            }
            cum += binSum[b];
            count += binCount[b];
        }
        if (b < 0) {
            return floor > 0f ? -1 : positive;
        }
        float[] in = new float[binCount[b]];
        int k = 0;
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                float v = p[off + x];
                if (v > 0f && v >= floor && Math.min(BINS - 1, (int) (v * scale)) == b) {
                    in[k++] = v;
                }
            }
        }
        java.util.Arrays.sort(in);
        for (int i = in.length - 1; i >= 0; i--) {
            cum += in[i];
            count++;
            if (cum >= target) {
                return count;
            }
        }
        return floor > 0f ? -1 : count;
    }
}
