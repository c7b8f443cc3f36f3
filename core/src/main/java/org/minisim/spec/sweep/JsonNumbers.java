package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Reading integer members of a sweep file. */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /** @return the integer a JSON number stands for (integral floats such as {@code 4.0} included), else null */
    static BigInteger integral(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d) || d != Math.rint(d)) {
            return null;
        }
        return new BigDecimal(d).toBigInteger();
    }
}
