package org.minisim.job.table;

import org.minisim.footprint.Footprint;
import org.minisim.footprint.ObservedFootprint;
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
            canvas = ObservedFootprint.degrade(p, sig[i], gt.observedGain()[i]);
        }
        return canvas.crop(gt.fovTop(), gt.fovLeft(), gt.fovHeight(), gt.fovWidth());
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
