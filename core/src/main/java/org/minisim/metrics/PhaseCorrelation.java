package org.minisim.metrics;

import org.minisim.footprint.ImageStack;

/**
 * The auto-shift proposal of docs/scoring.md#global-shift: phase correlation of the binary supports of the two stacks'
 * summed images, searched within {@link MetricDefaults#MAX_AUTO_SHIFT_FRAC} of the FOV per axis. Only a
 * proposal — {@link Matching} adopts it only if it raises the assigned total.
 */
public final class PhaseCorrelation {

    private PhaseCorrelation() {}

    /**
     * @param est   estimated footprints (non-negative)
     * @param truth true footprints, same grid
     * @return the whole-pixel shift to apply to {@code est}; (0, 0) when either stack carries no mass
     */
    public static PixelShift estimate(ImageStack est, ImageStack truth) {
        int h = est.height(), w = est.width();
        if (h == 0 || w == 0 || est.size() == 0 || truth.size() == 0) {
            return PixelShift.ZERO;
        }
        double[] e = support(est.sumImage());
        double[] t = support(truth.sumImage());
        if (e == null || t == null) {
            return PixelShift.ZERO;
        }
        // both real supports in one complex transform: Z = e + i·t, then split by Hermitian symmetry
        double[] zr = e, zi = t;
        Fft.transform2d(zr, zi, h, w, false);
        double[] rr = new double[h * w], ri = new double[h * w];
        for (int u = 0; u < h; u++) {
            int nu = (h - u) % h;
            for (int v = 0; v < w; v++) {
                int k = u * w + v, nk = nu * w + (w - v) % w;
                // E = (Z[k] + conj Z[−k]) / 2 ; T = (Z[k] − conj Z[−k]) / 2i
                double er = 0.5 * (zr[k] + zr[nk]), ei = 0.5 * (zi[k] - zi[nk]);
                double tr = 0.5 * (zi[k] + zi[nk]), ti = -0.5 * (zr[k] - zr[nk]);
                // R = T · conj(E), whitened
                double re = tr * er + ti * ei;
                double im = ti * er - tr * ei;
                double mag = Math.hypot(re, im) + 1e-12;
                rr[k] = re / mag;
                ri[k] = im / mag;
            }
        }
        Fft.transform2d(rr, ri, h, w, true);
        int cy = h / 2, cx = w / 2;
        int my = Math.min((int) Math.floor(MetricDefaults.MAX_AUTO_SHIFT_FRAC * h), cy);
        int mx = Math.min((int) Math.floor(MetricDefaults.MAX_AUTO_SHIFT_FRAC * w), cx);
        double best = Double.NEGATIVE_INFINITY;
        int by = 0, bx = 0;
        // window rows/cols of the fftshifted surface, row-major; lag = offset from the centre
        for (int ly = -my; ly <= my; ly++) {
            int row = Math.floorMod(ly, h) * w;
            for (int lx = -mx; lx <= mx; lx++) {
                double v = rr[row + Math.floorMod(lx, w)];
                if (v > best) {
                    best = v;
                    by = ly;
                    bx = lx;
                }
            }
        }
        return new PixelShift(by, bx);
    }

    /** @return the binary support (1 where strictly above 1 % of the max), or null when the max is ≤ 0 */
    private static double[] support(double[] img) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : img) {
            max = Math.max(max, v);
        }
        if (!(max > 0.0)) {
            return null;
        }
        double cut = MetricDefaults.SUPPORT_REL_THRESHOLD * max;
        double[] s = new double[img.length];
        for (int k = 0; k < img.length; k++) {
            s[k] = img[k] > cut ? 1.0 : 0.0;
        }
        return s;
    }
}
