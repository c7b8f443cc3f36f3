package org.minisim.physics;

import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.Vec2;
import org.minisim.spec.Vignette;

/**
 * The static radial falloff field of docs/physics.md#radial-falloff, shared by the illumination profile (excitation
 * side) and the vignette (collection side). On a grid of shape {@code (h, w)} with centre
 * {@code c = ((h − 1)/2 + oy/px, (w − 1)/2 + ox/px)}:
 *
 * <pre>F(p) = 1 − (1 − falloff) · (‖p − c‖ / r_max)^exponent</pre>
 *
 * where {@code r_max} is the largest distance from {@code c} to the four corner pixel centres (all ones when
 * {@code r_max ≤ 0}). 1 at the centre, {@code falloff} at the farthest corner, monotone along any ray.
 */
public final class RadialFalloff {

    private RadialFalloff() {}

    /**
     * @param falloff        relative level at the farthest corner, dimensionless, [0, 1]
     * @param exponent       radial shape exponent (&gt; 0), dimensionless
     * @param centerOffsetUm (dy, dx) of the bright centre from the optical axis, µm
     * @param h              grid rows, px
     * @param w              grid columns, px
     * @param pixelSizeUm    object-space pixel size, µm/px
     * @return the (h, w) field, row-major, dimensionless
     */
    public static double[] field(double falloff, double exponent, Vec2 centerOffsetUm, int h, int w,
                                 double pixelSizeUm) {
        double inv = 1.0 / pixelSizeUm;
        double cy = (h - 1) / 2.0 + centerOffsetUm.dy() * inv;
        double cx = (w - 1) / 2.0 + centerOffsetUm.dx() * inv;
        double[] out = new double[h * w];
        if (h == 0 || w == 0) {
            return out;
        }
        double rMax = Math.max(
                Math.max(dist(0 - cy, 0 - cx), dist(0 - cy, (w - 1) - cx)),
                Math.max(dist((h - 1) - cy, 0 - cx), dist((h - 1) - cy, (w - 1) - cx)));
        if (!(rMax > 0.0)) {
            java.util.Arrays.fill(out, 1.0);
            return out;
        }
        double drop = 1.0 - falloff;
        for (int i = 0; i < h; i++) {
            double dy = i - cy;
            int row = i * w;
            for (int j = 0; j < w; j++) {
                double r = dist(dy, j - cx) / rMax;
                out[row + j] = 1.0 - drop * StrictMath.pow(r, exponent);
            }
        }
        return out;
    }

    /** @return the illumination field {@code F_ill} on an (h, w) grid (docs/physics.md#illumination), dimensionless */
    public static double[] field(IlluminationProfile step, int h, int w, double pixelSizeUm) {
        return field(step.falloff(), step.exponent(), step.centerOffsetUm(), h, w, pixelSizeUm);
    }

    /** @return the vignette field on an (h, w) grid (docs/physics.md#vignette), dimensionless */
    public static double[] field(Vignette step, int h, int w, double pixelSizeUm) {
        return field(step.falloff(), step.exponent(), step.centerOffsetUm(), h, w, pixelSizeUm);
    }

    /** Euclidean length, computed identically for the corners and every pixel (so the corner ratio is exactly 1). */
    private static double dist(double dy, double dx) {
        return Math.sqrt(dy * dy + dx * dx);
    }
}
