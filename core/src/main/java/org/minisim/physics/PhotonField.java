package org.minisim.physics;

/**
 * The photon budget of the FOV (docs/physics.md#pipeline-context, docs/physics.md#detectability): the element-wise
 * product of the illumination (excitation) and vignette (collection) falloff fields, both dimensionless (H, W); either
 * alone is used as is.
 */
public final class PhotonField {

    private PhotonField() {}

    /** @return illumination × vignette, the one present field, or null when both are absent */
    public static double[] of(double[] illumination, double[] vignette) {
        if (illumination == null) {
            return vignette;
        }
        if (vignette == null) {
            return illumination;
        }
        double[] p = new double[illumination.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = illumination[k] * vignette[k];
        }
        return p;
    }
}
