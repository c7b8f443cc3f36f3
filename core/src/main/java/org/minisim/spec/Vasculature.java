package org.minisim.spec;

import java.util.List;

/**
 * {@code vasculature}: a no-op unless {@code enabled} and {@code layers} is non-empty (docs/spec.md#step-vasculature).
 *
 * @param enabled master switch
 * @param layers  grown in list order
 */
public record Vasculature(boolean enabled, List<VesselLayer> layers) implements Step {
    public static final Vasculature DEFAULTS = new Vasculature(false, List.of());

    public Vasculature {
        layers = List.copyOf(layers);
    }

    @Override
    public StepKind kind() {
        return StepKind.VASCULATURE;
    }

    /** @return true when the step actually draws and masks: enabled with at least one layer */
    public boolean isEffective() {
        return enabled && !layers.isEmpty();
    }
}
