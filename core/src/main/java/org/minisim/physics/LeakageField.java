package org.minisim.physics;

import org.minisim.spec.Leakage;

/**
 * The static additive glow of docs/physics.md#leakage (excitation light leaking to the sensor), on the sensor FOV.
 * Uniform: {@code level} everywhere. Gaussian: {@code level·exp(−‖p − c0‖²/(2σ_px²))} with
 * {@code c0 = ((h − 1)/2, (w − 1)/2)} and {@code σ_px = σ_um/px}, where {@code σ_um} is {@code sigma_um} when set
 * and otherwise {@code 0.25·min(h·px, w·px)}.
 */
public final class LeakageField {

    private LeakageField() {}

    /**
     * @param step        the leakage step
     * @param h           FOV rows, px
     * @param w           FOV columns, px
     * @param pixelSizeUm object-space pixel size, µm/px
     * @return the (h, w) glow, row-major, a.u. (same unit as the movie before the sensor)
     * @throws IllegalArgumentException for a gaussian with a set {@code sigma_um ≤ 0} (P-6, docs/spec.md#s-and-p-rules)
     */
    public static double[] field(Leakage step, int h, int w, double pixelSizeUm) {
        double[] out = new double[h * w];
        double level = step.level();
        if (step.profile() == Leakage.Profile.UNIFORM) {
            java.util.Arrays.fill(out, level);
            return out;
        }
        double sigmaUm = step.sigmaUm() != null ? step.sigmaUm() : 0.25 * Math.min(h * pixelSizeUm, w * pixelSizeUm);
        if (!(sigmaUm > 0.0)) {
            throw new IllegalArgumentException("leakage.sigma_um must be > 0 (got " + sigmaUm + " µm)");
        }
        double sigmaPx = sigmaUm / pixelSizeUm;
        double c = -1.0 / (2.0 * sigmaPx * sigmaPx);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        // separable: exp(c·(dy² + dx²)) = exp(c·dy²)·exp(c·dx²)
        double[] gx = new double[w];
        for (int j = 0; j < w; j++) {
            double dx = j - cx;
            gx[j] = StrictMath.exp(c * dx * dx);
        }
        for (int i = 0; i < h; i++) {
            double dy = i - cy;
            double gy = level * StrictMath.exp(c * dy * dy);
            int row = i * w;
            for (int j = 0; j < w; j++) {
                out[row + j] = gy * gx[j];
            }
        }
        return out;
    }
}
