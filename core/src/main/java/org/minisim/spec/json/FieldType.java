package org.minisim.spec.json;

/** JSON shape of a spec field (docs/spec.md#conventions). */
public enum FieldType {
    /** finite double. */
    FLOAT,
    /** Java int. */
    INT,
    /** the master seed: a long in 0 … 2⁶³−1 (P-2). */
    SEED,
    BOOL,
    /** one of a closed string set. */
    ENUM,
    /** a number or exactly "auto". */
    FLOAT_OR_AUTO,
    /** [float, float]. */
    FLOAT_PAIR,
    /** list of [float, float]. */
    PAIR_LIST,
    /** list of [float, float, float]. */
    TRIPLE_LIST,
    /** a nested model object. */
    MODEL,
    /** a list of nested model objects. */
    MODEL_LIST,
    /** the tagged step list. */
    STEP_LIST,
    /** the step discriminator. */
    KIND;

    /** @return true for a single number-valued field (one {@code ax_} column) */
    public boolean isScalarNumber() {
        return this == FLOAT || this == INT || this == SEED || this == FLOAT_OR_AUTO;
    }

    /** @return true for array-valued fields ({@code [i]} may follow) */
    public boolean isArray() {
        return this == FLOAT_PAIR || this == PAIR_LIST || this == TRIPLE_LIST || this == MODEL_LIST
                || this == STEP_LIST;
    }
}
