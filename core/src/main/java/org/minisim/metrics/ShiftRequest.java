package org.minisim.metrics;

/**
 * What global shift {@link Matching#hungarianMatch} should apply to the estimate (docs/scoring.md#global-shift):
 * none, an explicit {@code (dy, dx)} (rounded half-to-even, always adopted), or an automatic phase-correlation
 * estimate adopted only when it strictly raises the assigned total similarity.
 */
public sealed interface ShiftRequest {

    /** No shift; the match records (0, 0). */
    record None() implements ShiftRequest {}

    /** Estimate the shift, adopt it only if it helps. */
    record Auto() implements ShiftRequest {}

    /**
     * A known shift, rounded half-to-even and always applied (even when harmful, unbounded).
     *
     * @param dy rows (positive = down)
     * @param dx columns (positive = right)
     */
    record Explicit(double dy, double dx) implements ShiftRequest {}

    /** @return no shift */
    static ShiftRequest none() {
        return new None();
    }

    /** @return the guarded automatic estimate */
    static ShiftRequest auto() {
        return new Auto();
    }

    /** @return an explicit shift */
    static ShiftRequest of(double dy, double dx) {
        return new Explicit(dy, dx);
    }

    /**
     * The string form the reference accepts: only {@code "auto"}.
     *
     * @throws IllegalArgumentException for any other string
     */
    static ShiftRequest parse(String mode) {
        if ("auto".equals(mode)) {
            return auto();
        }
        throw new IllegalArgumentException("Unknown shift mode '" + mode + "'; use 'auto', a (dy, dx) tuple, or None.");
    }
}
