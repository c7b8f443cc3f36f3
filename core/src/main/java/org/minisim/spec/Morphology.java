package org.minisim.spec;

/** Cell morphology of a population (docs/spec.md#neuronpopulation). */
public enum Morphology {
    /** Soma only. */
    SOMA("soma"),
    /** Soma plus proximal dendrites. */
    CYTOSOLIC("cytosolic");

    private final String jsonName;

    Morphology(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
