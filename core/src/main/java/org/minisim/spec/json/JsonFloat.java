package org.minisim.spec.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float notation of the canonical JSON (docs/spec.md#float-notation): the shortest decimal digit string that
 * round-trips to the same double; positional when the decimal exponent is in −5…15 (always with a fractional part),
 * otherwise scientific ({@code 1e-6}, {@code 1.5e+16}); {@code -0.0} kept; non-finite values are JSON {@code null}.
 * Java 17's {@link Double#toString} is not always shortest, hence this class.
 */
public final class JsonFloat {
    private static final RoundingMode[] MODES = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};
    /**
     * Texts already made, by the double's bits: a sweep's specs repeat the same few hundred values thousands of
     * times (2000 recordings spent half their expansion here). Bounded: beyond {@link #MEMO_MAX} values, new ones
     * are made every time.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Long, String> MEMO =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMO_MAX = 1 << 14;

    private JsonFloat() {
    }

    /** @return the canonical text of {@code d} */
    public static String format(double d) {
        Long bits = Double.doubleToRawLongBits(d);
        String known = MEMO.get(bits);
        if (known != null) {
            return known;
        }
        String text = make(d);
        if (MEMO.size() < MEMO_MAX) {
            MEMO.putIfAbsent(bits, text);
        }
        return text;
    }

    private static String make(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0.0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int exp = shortest.precision() - shortest.scale() - 1; // value = d.ddd × 10^exp
        StringBuilder sb = new StringBuilder();
        if (d < 0) {
            sb.append('-');
        }
        if (exp >= -5 && exp <= 15) {
            if (exp >= 0) {
                if (digits.length() > exp + 1) {
                    sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
                } else {
                    sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
                }
            } else {
                sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
        }
        return sb.toString();
    }

    /** Shortest round-tripping decimal of a positive finite double, trailing zeros stripped. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal best = null;
            for (RoundingMode mode : MODES) {
                BigDecimal c = exact.round(new MathContext(p, mode));
                if (c.doubleValue() == d) {
                    if (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                        best = c;
                    }
                }
            }
            if (best != null) {
                return strip(best);
            }
        }
        return strip(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static BigDecimal strip(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s;
    }
}
