package org.minisim.metrics;

import org.minisim.footprint.ImageStack;

/**
 * Pairwise footprint similarity {@code (n_est, n_true)} under one {@link SimilarityMetric}
 * (docs/scoring.md#similarities), returned flat row-major ({@code sim[i·nTrue + j]}). Pairs whose windows do not
 * overlap score 0 without touching their pixels. Inputs are expected non-negative ({@link Matching} clips them first).
 */
public final class SimilarityMatrix {

    private SimilarityMatrix() {}

    /**
     * @param est        estimated footprints (n_est, H, W)
     * @param truth      true footprints (n_true, H, W), same grid
     * @param metric     the similarity
     * @param energyFrac energy kept by the IoU masks (checked only for {@link SimilarityMetric#IOU})
     * @return the flat row-major matrix; IoU values are float32 values widened to double
     */
    public static double[] compute(ImageStack est, ImageStack truth, SimilarityMetric metric, double energyFrac) {
        if (est.height() != truth.height() || est.width() != truth.width()) {
            throw new IllegalArgumentException("footprint grids differ: " + est.height() + "x" + est.width()
                    + " vs " + truth.height() + "x" + truth.width());
        }
        return switch (metric) {
            case IOU -> iou(EnergyMask.masks(est, energyFrac), EnergyMask.masks(truth, energyFrac));
            case COSINE -> cosine(est, truth);
            case WEIGHTED_JACCARD -> weightedJaccard(est, truth);
        };
    }

    /** IoU of index masks, as the reference: {@code (float) inter / (float) union}, 0 on an empty union. */
    static double[] iou(int[][] e, int[][] t) {
        double[] sim = new double[e.length * t.length];
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < t.length; j++) {
                int inter = disjointRange(e[i], t[j]) ? 0 : EnergyMask.intersectionSize(e[i], t[j]);
                int union = e[i].length + t[j].length - inter;
                sim[i * t.length + j] = union > 0 ? (double) ((float) inter / (float) union) : 0.0;
            }
        }
        return sim;
    }

    private static boolean disjointRange(int[] a, int[] b) {
        return a.length == 0 || b.length == 0 || a[a.length - 1] < b[0] || b[b.length - 1] < a[0];
    }

    static double[] cosine(ImageStack est, ImageStack truth) {
        int ne = est.size(), nt = truth.size();
        double[] en = new double[ne], tn = new double[nt];
        for (int i = 0; i < ne; i++) {
            en[i] = norm(est.unit(i));
        }
        for (int j = 0; j < nt; j++) {
            tn[j] = norm(truth.unit(j));
        }
        double[] sim = new double[ne * nt];
        for (int i = 0; i < ne; i++) {
            for (int j = 0; j < nt; j++) {
                double denom = en[i] * tn[j];
                if (denom > 0.0) {
                    sim[i * nt + j] = dot(est.unit(i), truth.unit(j)) / denom;
                }
            }
        }
        return sim;
    }

    static double[] weightedJaccard(ImageStack est, ImageStack truth) {
        int ne = est.size(), nt = truth.size();
        double[] es = new double[ne], ts = new double[nt];
        for (int i = 0; i < ne; i++) {
            es[i] = est.unit(i).sum();
        }
        for (int j = 0; j < nt; j++) {
            ts[j] = truth.unit(j).sum();
        }
        double[] sim = new double[ne * nt];
        for (int i = 0; i < ne; i++) {
            for (int j = 0; j < nt; j++) {
                sim[i * nt + j] = ruzicka(est.unit(i), es[i], truth.unit(j), ts[j]);
            }
        }
        return sim;
    }

    private static double norm(ImageStack.Patch p) {
        double s = 0.0;
        for (double v : p.values()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Σ a·b over the overlap of the two windows (0 when they do not overlap). */
    private static double dot(ImageStack.Patch a, ImageStack.Patch b) {
        int ya = Math.max(a.y0(), b.y0()), yb = Math.min(a.y0() + a.ph(), b.y0() + b.ph());
        int xa = Math.max(a.x0(), b.x0()), xb = Math.min(a.x0() + a.pw(), b.x0() + b.pw());
        double s = 0.0;
        for (int y = ya; y < yb; y++) {
            int ra = (y - a.y0()) * a.pw() - a.x0(), rb = (y - b.y0()) * b.pw() - b.x0();
            for (int x = xa; x < xb; x++) {
                s += a.values()[ra + x] * b.values()[rb + x];
            }
        }
        return s;
    }

    /**
     * Σ min(a/Σa, b/Σb) / Σ max(a/Σa, b/Σb) over the union of the two windows (a zero-sum footprint stays
     * zero); 0 when the denominator is 0.
     */
    private static double ruzicka(ImageStack.Patch a, double sa, ImageStack.Patch b, double sb) {
        int ya = Math.max(a.y0(), b.y0()), yb = Math.min(a.y0() + a.ph(), b.y0() + b.ph());
        int xa = Math.max(a.x0(), b.x0()), xb = Math.min(a.x0() + a.pw(), b.x0() + b.pw());
        if (ya >= yb || xa >= xb || !(sa > 0.0) || !(sb > 0.0)) {
            return 0.0; // no shared pixel: Σ min = 0 (and Σ max > 0 unless both are zero, which also gives 0)
        }
        int y0 = Math.min(a.y0(), b.y0()), y1 = Math.max(a.y0() + a.ph(), b.y0() + b.ph());
        int x0 = Math.min(a.x0(), b.x0()), x1 = Math.max(a.x0() + a.pw(), b.x0() + b.pw());
        double num = 0.0, den = 0.0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double u = at(a, y, x) / sa, v = at(b, y, x) / sb;
                num += Math.min(u, v);
                den += Math.max(u, v);
            }
        }
        return den > 0.0 ? num / den : 0.0;
    }

    private static double at(ImageStack.Patch p, int y, int x) {
        int r = y - p.y0(), c = x - p.x0();
        return r < 0 || c < 0 || r >= p.ph() || c >= p.pw() ? 0.0 : p.values()[r * p.pw() + c];
    }
}
