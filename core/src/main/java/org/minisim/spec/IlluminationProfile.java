package org.minisim.spec;

/**
 * {@code illumination_profile}: excitation-side radial falloff (docs/spec.md#step-illumination_profile); also sets each
 * cell's bleaching dose.
 *
 * @param falloff        level at the farthest corner, [0, 1] (1 = flat)
 * @param exponent       radial shape exponent
 * @param centerOffsetUm (dy, dx) of the bright centre, µm
 */
public record IlluminationProfile(double falloff, double exponent, Vec2 centerOffsetUm) implements Step {
    public static final IlluminationProfile DEFAULTS = new IlluminationProfile(0.7, 2.0, new Vec2(0.0, 0.0));

    @Override
    public StepKind kind() {
        return StepKind.ILLUMINATION_PROFILE;
    }
}
