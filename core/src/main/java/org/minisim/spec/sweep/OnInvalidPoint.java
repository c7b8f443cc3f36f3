package org.minisim.spec.sweep;

/** What a sweep does with a point that fails validation (SW-15). */
public enum OnInvalidPoint {
    /** reject the whole file. */
    FAIL("fail"),
    /** keep going; the point is only marked {@code invalid} in the manifest. */
    SKIP("skip");

    private final String jsonName;

    OnInvalidPoint(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
