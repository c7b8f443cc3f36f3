package org.minisim.spec.sweep;

/** How replicate seeds are assigned to points (docs/sweeps.md#seeds). */
public enum SeedMode {
    /** every point uses the same seeds (common random numbers). */
    SHARED("shared"),
    /** replicate r of point p gets {@code start + p·count + r}. */
    DISTINCT("distinct");

    private final String jsonName;

    SeedMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
