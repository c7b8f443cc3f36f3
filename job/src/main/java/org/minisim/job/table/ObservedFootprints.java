package org.minisim.job.table;

import org.minisim.footprint.Footprint;
import org.minisim.footprint.GaussianFilter;
import org.minisim.recording.GroundTruth;

/**
 * Regenerates {@code A_observed} of one unit (OUTPUT.md §2.3): the planted canvas patch blurred with the
 * stored σ and scaled by the stored gain (window grown by {@code ceil(4σ)+1}, zero boundary, cast to
 * float32), then cropped to the FOV. Units without optics scalars (or with a NaN σ) keep their planted patch.
 */
public final class ObservedFootprints {
    private ObservedFootprints() {}

    /** @return unit i's observed footprint on the FOV (an {@code H × W} canvas) */
    public static Footprint fov(GroundTruth gt, int i) {
        Footprint p = gt.planted().get(i);
        Footprint canvas = p;
        double[] sig = gt.observedSigmaPx();
        if (sig != null && !Double.isNaN(sig[i]) && !p.isEmpty()) {
            canvas = degrade(p, sig[i], gt.observedGain()[i]);
        }
        return canvas.crop(gt.fovTop(), gt.fovLeft(), gt.fovHeight(), gt.fovWidth());
    }

    /** The degrade recipe of OUTPUT.md §2.3 on the patch's canvas. */
    static Footprint degrade(Footprint p, double sigmaPx, double gain) {
        int pad = (int) Math.ceil(4.0 * Math.max(sigmaPx, 0.0)) + 1;
        int y0 = Math.max(0, p.y0() - pad), x0 = Math.max(0, p.x0() - pad);
        int y1 = Math.min(p.canvasH(), p.y0() + p.ph() + pad), x1 = Math.min(p.canvasW(), p.x0() + p.pw() + pad);
        int h = y1 - y0, w = x1 - x0;
        double[] win = new double[h * w];
        for (int a = 0; a < p.ph(); a++) {
            for (int b = 0; b < p.pw(); b++) {
                win[(p.y0() - y0 + a) * w + (p.x0() - x0 + b)] = p.patch()[a * p.pw() + b];
            }
        }
        double[] blurred = GaussianFilter.filter(win, h, w, sigmaPx, GaussianFilter.Boundary.ZERO);
        float[] out = new float[h * w];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) (blurred[k] * gain);
        }
        return new Footprint(y0, x0, h, w, out, p.canvasH(), p.canvasW());
    }

    /**
     * @return the size of the energy mask: the shortest prefix of the values ranked descending whose cumulative
     *         sum reaches {@code frac × total}; 0 for an empty or non-positive footprint
     */
    public static int energyMaskSize(Footprint f, double frac) {
        float[] v = f.patch();
        double total = 0.0;
        int positive = 0;
        for (float x : v) {
            total += x;
            if (x > 0) {
                positive++;
            }
        }
        if (!(total > 0)) {
            return 0;
        }
        if (frac >= 1.0) {
            return positive;
        }
        float[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double target = frac * total, cum = 0.0;
        int n = 0;
        for (int k = sorted.length - 1; k >= 0; k--) {
            cum += sorted[k];
            n++;
            if (cum >= target) {
                break;
            }
        }
        return n;
    }
}
