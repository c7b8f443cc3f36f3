package org.minisim.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code format(x, ".Nf")} and {@code format(x, ".Ng")} for the report summary (docs/scoring.md#score): the
 * exact binary value rounded half-to-even, {@code nan} / {@code inf} spelled as Python does, the sign of a
 * negative value kept even when it rounds to zero.
 */
public final class PyFormat {

    private PyFormat() {}

    /** @return {@code x} with {@code digits} decimals, like Python's {@code f"{x:.{digits}f}"} */
    public static String fixed(double x, int digits) {
        String special = special(x);
        if (special != null) {
            return special;
        }
        String body = new BigDecimal(Math.abs(x)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return negative(x) ? "-" + body : body;
    }

    /**
     * @return {@code x} in the general format with {@code precision} significant digits, like Python's
     *     {@code f"{x:.{precision}g}"} (trailing zeros stripped, exponent form below 1e−4 or at 10^precision)
     */
    public static String general(double x, int precision) {
        String special = special(x);
        if (special != null) {
            return special;
        }
        int p = Math.max(precision, 1);
        String sign = negative(x) ? "-" : "";
        if (x == 0.0) {
            return sign + "0";
        }
        BigDecimal r = new BigDecimal(Math.abs(x)).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= p) {
            BigDecimal mant = r.movePointLeft(exp);
            String m = stripZeros(mant.setScale(p - 1, RoundingMode.HALF_EVEN).toPlainString());
            String e = String.format("%02d", Math.abs(exp));
            return sign + m + "e" + (exp < 0 ? "-" : "+") + e;
        }
        String fixed = r.setScale(Math.max(p - 1 - exp, 0), RoundingMode.HALF_EVEN).toPlainString();
        return sign + stripZeros(fixed);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean negative(double x) {
        return x < 0.0 || (x == 0.0 && 1.0 / x < 0.0);
    }

    private static String special(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return null;
    }
}
