package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimateTest {

    private final ImageStack a = ImageStack.empty(4, 4);
    private final double[][] c1 = new double[0][], c2 = new double[0][];

    @Test
    void bothSpellingsFillTheSameFields() {
        Estimate terse = Estimate.builder().A(a).C(c1).S(c2).build();
        Estimate spelled = Estimate.builder().footprints(a).traces(c1).activity(c2).build();
        assertSame(a, terse.footprints());
        assertSame(a, spelled.A());
        assertSame(c1, spelled.C());
        assertSame(c2, terse.activity());
        assertNull(terse.shifts());
    }

    @Test
    void missingFootprintsIsAnErrorMentioningFootprints() {
        String m = assertThrows(IllegalArgumentException.class, () -> Estimate.builder().C(c1).build()).getMessage();
        assertTrue(m.contains("footprints"), m);
        String n = assertThrows(IllegalArgumentException.class, () -> Estimate.builder().A(null).build()).getMessage();
        assertTrue(n.contains("footprints"), n);
    }

    @Test
    void bothFootprintSpellingsAtOnceIsAnError() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Estimate.builder().A(a).footprints(a).build()).getMessage();
        assertTrue(m.contains("not both"), m);
    }

    @Test
    void theTerseSpellingWinsUnlessItIsNull() {
        Estimate e = Estimate.builder().A(a).C(c1).traces(c2).S(null).activity(c2).build();
        assertSame(c1, e.traces());
        assertSame(c2, e.activity());
    }

    @Test
    void tracesMustHaveOneRowPerFootprint() {
        ImageStack one = ImageStack.fromImages(2, 2, new double[] {1, 0, 0, 0});
        assertThrows(IllegalArgumentException.class,
                () -> Estimate.builder().A(one).traces(new double[2][3]).build());
    }
}
