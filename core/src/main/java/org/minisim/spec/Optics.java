package org.minisim.spec;

/**
 * The objective lens (docs/spec.md#optics).
 *
 * @param na                     numerical aperture (dimensionless, &gt; 0)
 * @param magnification          sensor side / object side (×, &gt; 0); sets the object pixel size
 * @param emissionNm             emission wavelength λ, nm
 * @param depthOfFieldUm         ± in-focus half-depth, µm, or auto = 1.33·λ/NA²
 * @param fieldCurvatureRadiusUm Petzval radius, µm; null = flat field
 */
public record Optics(double na, double magnification, double emissionNm, AutoDouble depthOfFieldUm,
                     Double fieldCurvatureRadiusUm) implements java.io.Serializable {
    public static final Optics DEFAULTS = new Optics(0.45, 8.0, 525.0, AutoDouble.AUTO, null);

    /** @return emission wavelength in µm */
    public double emissionUm() {
        return emissionNm / 1000.0;
    }

    /** @return the resolved ± depth of field, µm: the number, or {@code 1.33·λ_µm/NA²} for auto */
    public double resolvedDepthOfFieldUm() {
        return depthOfFieldUm.auto() ? 1.33 * emissionUm() / (na * na) : depthOfFieldUm.value();
    }

    /** @return diffraction PSF σ, µm: {@code 0.21·λ_µm/NA} */
    public double diffractionSigmaUm() {
        return 0.21 * emissionUm() / na;
    }

    /** @return defocus blur σ, µm, of a point at depth z with the focal plane at f (both µm): {@code NA·|z − f|} */
    public double defocusSigmaUm(double zUm, double focalUm) {
        return na * Math.abs(zUm - focalUm);
    }

    /** @return collection efficiency (dimensionless): {@code NA²} */
    public double collectionEfficiency() {
        return na * na;
    }

    /**
     * @param radiusUm lateral distance from the optical axis, µm
     * @return the field-curvature focal shift, µm (≥ 0, subtracted from the focal depth); 0 for a flat field
     */
    public double curvatureShiftUm(double radiusUm) {
        if (fieldCurvatureRadiusUm == null) {
            return 0.0;
        }
        double r = fieldCurvatureRadiusUm;
        double rr = Math.min(Math.abs(radiusUm), r);
        return r - Math.sqrt(r * r - rr * rr);
    }
}
