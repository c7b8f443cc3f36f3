package org.minisim.spec;

/**
 * {@code composite}: renders cells into the movie (stage {@code cells_only}); no fields (docs/spec.md#step-composite).
 */
public record Composite() implements Step {
    public static final Composite DEFAULTS = new Composite();

    @Override
    public StepKind kind() {
        return StepKind.COMPOSITE;
    }
}
