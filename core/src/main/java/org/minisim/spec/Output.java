package org.minisim.spec;

/**
 * Formatting of the stored result (docs/spec.md#output). Both fields enter the cache key.
 *
 * @param saveIntermediates keep a movie snapshot after every non-cell stage
 * @param storeDtype        float container of the observed counts
 */
public record Output(boolean saveIntermediates, StoreDtype storeDtype) implements java.io.Serializable {
    public static final Output DEFAULTS = new Output(false, StoreDtype.FLOAT32);

    /** The float container of {@code observed}. */
    public enum StoreDtype {
        FLOAT32("float32"),
        FLOAT64("float64");

        private final String jsonName;

        StoreDtype(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
