package org.minisim.spec.json;

import org.minisim.spec.Spec;

/** STAND-IN until branch {@code spec} lands (deleted then). */
public final class CanonicalJson {
    private CanonicalJson() {}

    public static String write(Spec spec) {
        throw new UnsupportedOperationException("stand-in: CanonicalJson.write");
    }

    public static String pretty(Spec spec) {
        throw new UnsupportedOperationException("stand-in: CanonicalJson.pretty");
    }

    public static String cacheKey(Spec spec) {
        throw new UnsupportedOperationException("stand-in: CanonicalJson.cacheKey");
    }
}
