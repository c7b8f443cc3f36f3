package org.minisim.spec;

import java.util.List;

/**
 * {@code place_neurons}: the step is one population through its own nine fields, or lists {@code populations}
 * (then its own fields stay at their defaults, rule M-7). Canonical member order: the nine population fields,
 * then {@code kind}, then {@code populations}.
 *
 * @param self        the step-level population fields
 * @param populations explicit population list, or null
 */
public record PlaceNeurons(NeuronPopulation self, List<NeuronPopulation> populations) implements Step {
    public static final PlaceNeurons DEFAULTS = new PlaceNeurons(NeuronPopulation.DEFAULTS, null);

    public PlaceNeurons {
        populations = populations == null ? null : List.copyOf(populations);
    }

    @Override
    public StepKind kind() {
        return StepKind.PLACE_NEURONS;
    }

    /** @return {@code populations} if non-null, else the step-as-one population */
    public List<NeuronPopulation> resolvedPopulations() {
        return populations != null ? populations : List.of(self);
    }
}
