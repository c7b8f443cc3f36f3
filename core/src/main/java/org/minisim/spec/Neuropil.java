package org.minisim.spec;

/**
 * {@code neuropil} (docs/spec.md#step-neuropil).
 *
 * @param spatialSigmaUm     smoothness of the felt, µm
 * @param temporalTauS       correlation time of the slow drift, s
 * @param populationTauS     lag of the activity-driven leg, s
 * @param amplitude          level relative to a baseline of 1, a.u.
 * @param nComponents        independent diffuse sources K
 * @param populationCoupling activity-driven share of the envelope, [0, 1]
 */
public record Neuropil(double spatialSigmaUm, double temporalTauS, double populationTauS, double amplitude,
                       int nComponents, double populationCoupling) implements Step {
    public static final Neuropil DEFAULTS = new Neuropil(40.0, 10.0, 1.5, 0.5, 3, 0.7);

    @Override
    public StepKind kind() {
        return StepKind.NEUROPIL;
    }
}
