package org.minisim.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A recording's full description (docs/spec.md#spec): acquisition, master seed, the steps in canonical (rank)
 * order, and output formatting. Record equality matches canonical-JSON equality (doubles compare by bits).
 * Build validated instances through the spec reader/validator; this constructor only sorts the steps (N-1).
 *
 * @param acquisition instrument and sampling
 * @param seed        master seed of every random draw (0 … 2⁶³−1)
 * @param steps       pipeline steps, stably sorted by rank
 * @param output      formatting of the stored result
 */
public record Spec(Acquisition acquisition, long seed, List<Step> steps, Output output) implements java.io.Serializable {
    public Spec {
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingInt(s -> s.kind().rank()));
        steps = List.copyOf(sorted);
    }

    /** @return the step of that kind, if present */
    public <T extends Step> Optional<T> step(Class<T> type) {
        for (Step s : steps) {
            if (type.isInstance(s)) {
                return Optional.of(type.cast(s));
            }
        }
        return Optional.empty();
    }

    /** @return whether a step of that kind is present */
    public boolean has(StepKind kind) {
        for (Step s : steps) {
            if (s.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** @return the geometry (pixel size, FOV, frames, motion margin, canvas) derived from this spec */
    public Geometry geometry() {
        return Geometry.of(this);
    }
}
