package org.minisim.spec;

import java.util.List;
import java.util.Optional;

/**
 * The twelve step kinds in canonical (rank) order, with their class constants (docs/spec.md#steps). These are
 * never serialised.
 */
public enum StepKind {
    PLACE_NEURONS("place_neurons", Domain.CELL, "place_neurons"),
    CELL_ACTIVITY("cell_activity", Domain.CELL, "cell_activity"),
    BLEACHING("bleaching", Domain.CELL, "bleaching"),
    OPTICS("optics", Domain.CELL, "optics"),
    COMPOSITE("composite", Domain.TISSUE, "cells_only"),
    NEUROPIL("neuropil", Domain.TISSUE, "neuropil"),
    VASCULATURE("vasculature", Domain.TISSUE, "vasculature"),
    BRAIN_MOTION("brain_motion", Domain.MOTION, "brain_motion"),
    ILLUMINATION_PROFILE("illumination_profile", Domain.SENSOR, "illumination_profile"),
    VIGNETTE("vignette", Domain.SENSOR, "vignette"),
    LEAKAGE("leakage", Domain.SENSOR, "leakage"),
    SENSOR("sensor", Domain.SENSOR, "sensor");

    private final String jsonName;
    private final Domain domain;
    private final String stageName;

    StepKind(String jsonName, Domain domain, String stageName) {
        this.jsonName = jsonName;
        this.domain = domain;
        this.stageName = stageName;
    }

    /** @return the {@code kind} string of the JSON form */
    public String jsonName() {
        return jsonName;
    }

    /** @return position in the canonical order (0 = place_neurons … 11 = sensor) */
    public int rank() {
        return ordinal();
    }

    public Domain domain() {
        return domain;
    }

    /** @return the stage (snapshot) name: the kind, except composite which is {@code cells_only} */
    public String stageName() {
        return stageName;
    }

    /** @return the kinds that must precede this one if present (docs/spec.md#steps) */
    public List<StepKind> requires() {
        return switch (this) {
            case CELL_ACTIVITY, OPTICS -> List.of(PLACE_NEURONS);
            case COMPOSITE -> List.of(PLACE_NEURONS, CELL_ACTIVITY);
            case BLEACHING, NEUROPIL -> List.of(CELL_ACTIVITY);
            default -> List.of();
        };
    }

    /** @return the kind whose JSON name is {@code name}, if any (exact, case-sensitive) */
    public static Optional<StepKind> fromJsonName(String name) {
        for (StepKind k : values()) {
            if (k.jsonName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** @return the kind whose stage name or JSON name is {@code name} (composite and cells_only alike) */
    public static Optional<StepKind> fromStageOrKind(String name) {
        for (StepKind k : values()) {
            if (k.stageName.equals(name) || k.jsonName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
