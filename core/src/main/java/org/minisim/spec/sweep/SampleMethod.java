package org.minisim.spec.sweep;

/** How a sampled sweep draws its points (docs/sweeps.md#sampled-sweeps). */
public enum SampleMethod {
    /**
     * Independent draws: point i's values depend only on the sample seed and i, so growing {@code count} keeps
     * the earlier points.
     */
    RANDOM("random"),
    /**
     * Latin hypercube: on every axis each of the {@code count} equal-probability strata holds exactly one point;
     * the strata are re-dealt when {@code count} changes.
     */
    LATIN_HYPERCUBE("latin_hypercube");

    private final String jsonName;

    SampleMethod(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
