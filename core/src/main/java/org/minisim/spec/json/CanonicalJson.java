package org.minisim.spec.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.minisim.spec.Spec;

/**
 * The canonical JSON of a spec (docs/spec.md#canonical-form, docs/spec.md#float-notation, docs/spec.md#cache-key) and
 * its cache key. Byte-identical to the reference's compact {@code model_dump_json()}.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    /** @return compact canonical JSON (what the cache key hashes) */
    public static String write(Spec spec) {
        return JsonText.compact(SpecTrees.tree(spec));
    }

    /** @return the canonical content with 2-space indentation (for {@code spec.json}), no trailing newline */
    public static String pretty(Spec spec) {
        return JsonText.pretty(SpecTrees.tree(spec));
    }

    /** @return first 16 lowercase hex characters of SHA-256 of the compact canonical bytes */
    public static String cacheKey(Spec spec) {
        return keyOf(write(spec));
    }

    /** @return the cache key of an already written compact canonical text */
    public static String keyOf(String canonical) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", h[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
