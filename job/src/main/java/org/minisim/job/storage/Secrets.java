package org.minisim.job.storage;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Recognises configuration keys that hold secrets and masks their values for printing. */
public final class Secrets {

    /** What a secret value is printed as. */
    public static final String MASK = "*****";

    private Secrets() {
    }

    /**
     * @return whether the key names a secret: its lower-cased name contains {@code secret}, {@code password},
     *     {@code token}, {@code credential} (except the provider class list) or {@code session.key}
     */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("credentials.provider") || k.endsWith("credential.provider.path")) {
            return false;
        }
        return k.contains("secret") || k.contains("password") || k.contains("token") || k.contains("credential")
                || k.contains("session.key") || k.contains("encryption.key") || k.contains("access.key");
    }

    /** @return a sorted copy with every secret value replaced by {@link #MASK} */
    public static Map<String, String> masked(Map<String, String> entries) {
        Map<String, String> out = new TreeMap<>();
        entries.forEach((k, v) -> out.put(k, isSecretKey(k) ? MASK : v));
        return out;
    }

    /** @return {@code text} with every non-trivial secret value of {@code entries} replaced by {@link #MASK} */
    public static String scrub(String text, Map<String, String> entries) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String v = e.getValue();
            if (isSecretKey(e.getKey()) && v != null && v.length() >= 4) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }
}
