package org.minisim.spec;

import java.util.List;

/**
 * One group of cells: one morphology and size, sampled at one density through one depth band, or put at
 * explicit centres (docs/spec.md#neuronpopulation).
 *
 * @param densityPerMm3    volumetric density, cells/mm³
 * @param somaRadiusUm     soma radius, µm
 * @param irregularity     boundary wobble in [0, 1]; 0 = clean disk
 * @param morphology       soma only or soma + dendrites
 * @param dendriteLengthUm nominal dendrite reach, µm (cytosolic)
 * @param dendriteWidthUm  dendrite base diameter, µm (cytosolic)
 * @param depthRangeUm     band of sampled centres, µm
 * @param minDistanceUm    minimum 3-D spacing inside the population, µm; &gt; 0 ⇒ rejection sampling
 * @param positionsUm      explicit centres (z, y, x) µm, or null to sample
 */
public record NeuronPopulation(double densityPerMm3, double somaRadiusUm, double irregularity, Morphology morphology,
                               double dendriteLengthUm, double dendriteWidthUm, DepthRange depthRangeUm,
                               double minDistanceUm, List<Position3> positionsUm) implements java.io.Serializable {
    public static final NeuronPopulation DEFAULTS = new NeuronPopulation(25000.0, 7.0, 0.3, Morphology.SOMA, 24.0,
            3.0, new DepthRange(0.0, 200.0), 0.0, null);

    public NeuronPopulation {
        positionsUm = positionsUm == null ? null : List.copyOf(positionsUm);
    }

    /** @return true when the centres are given explicitly (no draws) */
    public boolean isExplicit() {
        return positionsUm != null;
    }
}
