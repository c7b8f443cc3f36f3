package org.minisim.spec;

/**
 * {@code bleaching} (docs/spec.md#step-bleaching).
 *
 * @param bleachSusceptibility rate at unit excitation and emission, 1/s; 0 disables
 * @param turnoverTauS         fluorophore recovery time constant, s
 * @param excitationIntensity  dimensionless excitation level
 */
public record Bleaching(double bleachSusceptibility, double turnoverTauS, double excitationIntensity)
        implements Step {
    public static final Bleaching DEFAULTS = new Bleaching(6.3e-6, 20000.0, 1.0);

    @Override
    public StepKind kind() {
        return StepKind.BLEACHING;
    }
}
