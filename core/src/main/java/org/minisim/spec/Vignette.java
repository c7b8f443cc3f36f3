package org.minisim.spec;

/**
 * {@code vignette}: collection-side radial falloff (docs/spec.md#step-vignette).
 *
 * @param falloff        level at the farthest corner, [0, 1]
 * @param exponent       radial shape exponent
 * @param centerOffsetUm (dy, dx) of the bright centre, µm
 */
public record Vignette(double falloff, double exponent, Vec2 centerOffsetUm) implements Step {
    public static final Vignette DEFAULTS = new Vignette(0.5, 2.0, new Vec2(0.0, 0.0));

    @Override
    public StepKind kind() {
        return StepKind.VIGNETTE;
    }
}
