package org.minisim.spec;

/**
 * The scattering sample (docs/spec.md#tissue).
 *
 * @param scatterMfpExcitationUm attenuation length of the diffuse excitation leg, µm
 * @param scatterMfpEmissionUm   attenuation length of the emission leg, µm
 * @param scatterBlurPerUm       blur σ gained per µm of depth, µm/µm
 */
public record Tissue(double scatterMfpExcitationUm, double scatterMfpEmissionUm, double scatterBlurPerUm) implements java.io.Serializable {
    public static final Tissue DEFAULTS = new Tissue(600.0, 100.0, 0.05);

    /** @return effective attenuation length ℓ = 1/(1/mfp_exc + 1/mfp_em), µm */
    public double effectiveScatterLengthUm() {
        return 1.0 / (1.0 / scatterMfpExcitationUm + 1.0 / scatterMfpEmissionUm);
    }

    /** @return round-trip attenuation {@code exp(−z/ℓ)} (dimensionless) at depth z µm */
    public double attenuation(double zUm) {
        return StrictMath.exp(-zUm / effectiveScatterLengthUm());
    }

    /** @return scatter blur σ, µm, at depth z µm: {@code scatter_blur_per_um · z} */
    public double scatterSigmaUm(double zUm) {
        return scatterBlurPerUm * zUm;
    }
}
