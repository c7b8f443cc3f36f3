package org.minisim.spec;

/** {@code optics}: per-cell optics; no fields besides {@code kind} (SPEC.md §1.11). */
public record CellOptics() implements Step {
    public static final CellOptics DEFAULTS = new CellOptics();

    @Override
    public StepKind kind() {
        return StepKind.OPTICS;
    }
}
