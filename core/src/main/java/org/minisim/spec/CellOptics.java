package org.minisim.spec;

/** {@code optics}: per-cell optics; no fields besides {@code kind} (docs/spec.md#step-optics). */
public record CellOptics() implements Step {
    public static final CellOptics DEFAULTS = new CellOptics();

    @Override
    public StepKind kind() {
        return StepKind.OPTICS;
    }
}
