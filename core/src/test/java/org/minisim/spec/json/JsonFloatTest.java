package org.minisim.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonFloatTest {

    @Test
    void positionalBetweenExponentsMinus5And15() {
        assertEquals("0.05", JsonFloat.format(0.05));
        assertEquals("25000.0", JsonFloat.format(25000.0));
        assertEquals("2.9", JsonFloat.format(2.9));
        assertEquals("0.00001", JsonFloat.format(1e-5));
        assertEquals("0.000015", JsonFloat.format(1.5e-5));
        assertEquals("1000000000000000.0", JsonFloat.format(1e15));
        assertEquals("1.0", JsonFloat.format(1.0));
        assertEquals("600.0", JsonFloat.format(600.0));
        assertEquals("123.456", JsonFloat.format(123.456));
    }

    @Test
    void scientificOutsideThatRange() {
        assertEquals("1e-6", JsonFloat.format(1e-6));
        assertEquals("6.3e-6", JsonFloat.format(6.3e-6));
        assertEquals("1.5e-7", JsonFloat.format(1.5e-7));
        assertEquals("1e+16", JsonFloat.format(1e16));
        assertEquals("1.5e+16", JsonFloat.format(1.5e16));
        assertEquals("-2.5e+20", JsonFloat.format(-2.5e20));
        assertEquals("5e-324", JsonFloat.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", JsonFloat.format(Double.MAX_VALUE));
    }

    @Test
    void signedZeroAndNonFinite() {
        assertEquals("-0.0", JsonFloat.format(-0.0));
        assertEquals("0.0", JsonFloat.format(0.0));
        assertEquals("null", JsonFloat.format(Double.NaN));
        assertEquals("null", JsonFloat.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void shortestDigitsWhereJava17IsNot() {
        // JDK-4511638: Java 17 prints 2.82879384806159008E17 and 1.0E23 style digits that are not shortest
        assertEquals("2.82879384806159e+17", JsonFloat.format(2.82879384806159E17));
        assertEquals("2e+23", JsonFloat.format(2e23));
        assertEquals("0.30000000000000004", JsonFloat.format(0.1 + 0.2));
    }

    @Test
    void randomDoublesRoundTripWithNoMoreDigitsThanNeeded() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 4000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = JsonFloat.format(d);
            assertEquals(d, Double.parseDouble(s), s);
            String digits = s.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "")
                    .replaceFirst("^0+", "").replaceFirst("0+$", "");
            int n = digits.length();
            assertTrue(n <= 17, s);
            if (n > 1) {
                // no decimal with one digit fewer (rounded down, up or to nearest) round-trips
                BigDecimal exact = new BigDecimal(Math.abs(d));
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    double back = exact.round(new MathContext(n - 1, mode)).doubleValue();
                    assertTrue(back != Math.abs(d), s + " is not shortest");
                }
            }
        }
    }
}
