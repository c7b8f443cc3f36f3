package org.minisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFormatTest {

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.50", PyFormat.fixed(0.5, 2));
        assertEquals("0.12", PyFormat.fixed(0.125, 2)); // exact tie -> even
        assertEquals("0.38", PyFormat.fixed(0.375, 2));
        assertEquals("0.34", PyFormat.fixed(0.335, 2)); // 0.335 is stored above the tie
        assertEquals("1.00", PyFormat.fixed(0.999, 2));
        assertEquals("-0.25", PyFormat.fixed(-0.25, 2));
        assertEquals("-0.00", PyFormat.fixed(-0.001, 2));
        assertEquals("nan", PyFormat.fixed(Double.NaN, 2));
        assertEquals("inf", PyFormat.fixed(Double.POSITIVE_INFINITY, 2));
    }

    @Test
    void generalMatchesPythonsTwoSignificantDigitForm() {
        assertEquals("1", PyFormat.general(1.0, 2));
        assertEquals("3", PyFormat.general(3.0000000001, 2));
        assertEquals("0.33", PyFormat.general(1.0 / 3.0, 2));
        assertEquals("1.2e+02", PyFormat.general(123.0, 2));
        assertEquals("99", PyFormat.general(99.0, 2));
        assertEquals("1e+02", PyFormat.general(99.6, 2));
        assertEquals("0.0001", PyFormat.general(1e-4, 2));
        assertEquals("1.2e-05", PyFormat.general(1.23e-5, 2));
        assertEquals("0", PyFormat.general(0.0, 2));
        assertEquals("-2.5", PyFormat.general(-2.5, 2));
        assertEquals("nan", PyFormat.general(Double.NaN, 2));
    }
}
