package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.List;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.SpecIssue;

/**
 * The sweep file's {@code split} member (docs/sweeps.md#training-splits): the fractions of recordings labelled
 * {@code train}, {@code validation} and {@code test}. A recording's label depends only on its cache key: h = the
 * first 8 bytes of SHA-256 of the key's UTF-8 text as an unsigned integer, q = ⌊h / 2¹¹⌋ · 2⁻⁵³ ∈ [0, 1);
 * {@code train} when q &lt; train, else {@code validation} when q &lt; train + validation, else {@code test}
 * (a label with fraction 0 is never given). So a recording keeps its label in every sweep that contains it.
 *
 * @param train      fraction in [0, 1]
 * @param validation fraction in [0, 1]
 * @param test       fraction in [0, 1]; the three sum to 1 within 1e−9
 */
public record SplitFractions(double train, double validation, double test) {
    /** 80 % train, 10 % validation, 10 % test. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.8, 0.1, 0.1);

    private static final List<String> NAMES = List.of("train", "validation", "test");

    /** @return {@code train}, {@code validation} or {@code test} for a recording with this cache key */
    public String of(String cacheKey) {
        double q = unit(cacheKey);
        double[] f = {train, validation, test};
        double edge = 0;
        int last = -1;
        for (int k = 0; k < 3; k++) {
            if (f[k] > 0) {
                edge += f[k];
                last = k;
                if (q < edge) {
                    return NAMES.get(k);
                }
            }
        }
        return NAMES.get(last);
    }

    /** @return the key's position q ∈ [0, 1) */
    static double unit(String cacheKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(cacheKey.getBytes(StandardCharsets.UTF_8));
            long w = 0;
            for (int i = 0; i < 8; i++) {
                w = (w << 8) | (h[i] & 0xff);
            }
            return (w >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Reads a {@code split} member (null = absent: {@link #DEFAULT}).
     *
     * @param errors receives SW-22 issues
     * @return the fractions, or the default after an error
     */
    static SplitFractions read(JsonNode s, List<SpecIssue> errors) {
        if (s == null) {
            return DEFAULT;
        }
        String shape = "split must be an object {\"train\": fraction, \"validation\": fraction, \"test\": fraction}";
        if (!s.isObject()) {
            errors.add(new SpecIssue("SW-22", "split", JsonText.raw(s), shape));
            return DEFAULT;
        }
        boolean ok = true;
        Iterator<String> names = s.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!NAMES.contains(n)) {
                errors.add(new SpecIssue("SW-22", "split." + n, JsonText.raw(s.get(n)), "unknown split member '"
                        + n + "'; valid members: train, validation, test"));
                ok = false;
            }
        }
        double[] f = new double[3];
        for (int k = 0; k < 3; k++) {
            String n = NAMES.get(k);
            JsonNode v = s.get(n);
            if (v == null) {
                errors.add(new SpecIssue("SW-22", "split." + n, "", "required member split." + n
                        + " is missing (give all three fractions)"));
                ok = false;
            } else if (!v.isNumber() || !(v.doubleValue() >= 0 && v.doubleValue() <= 1)) {
                errors.add(new SpecIssue("SW-22", "split." + n, JsonText.raw(v), "split." + n
                        + " must be a number from 0 to 1"));
                ok = false;
            } else {
                f[k] = v.doubleValue();
            }
        }
        if (!ok) {
            return DEFAULT;
        }
        double sum = f[0] + f[1] + f[2];
        if (Math.abs(sum - 1) > 1e-9) {
            errors.add(new SpecIssue("SW-22", "split", JsonText.raw(s), "split fractions must sum to 1 (they sum to "
                    + new BigDecimal(sum).round(new MathContext(12)).stripTrailingZeros().toPlainString() + ")"));
            return DEFAULT;
        }
        return new SplitFractions(f[0], f[1], f[2]);
    }
}
