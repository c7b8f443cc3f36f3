package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minisim.spec.Bleaching;
import org.minisim.spec.Geometry;

class FieldAtCellTest {

    static double[] ramp(int h, int w) {
        double[] f = new double[h * w];
        for (int i = 0; i < f.length; i++) {
            f[i] = i;
        }
        return f;
    }

    @Test
    void indexMapSamplingAgreesWithTheDivisionFormAwayFromTies() {
        Geometry g = new Geometry(0.375, 6, 8, 1, 20, 0);
        double[] f = ramp(6, 8);
        for (double y = -2.9; y < 3; y += 0.31) {
            for (double x = -3.7; x < 4; x += 0.29) {
                assertEquals(FieldAtCell.byDivision(f, 6, 8, y, x, 0.375), FieldAtCell.byIndexMap(f, g, y, x), 0.0);
            }
        }
        assertEquals(1.0, FieldAtCell.byIndexMap(null, g, 1, 1), 0.0);
        assertEquals(0.0, FieldAtCell.byIndexMap(f, g, -100, -100), 0.0);
        assertEquals(47.0, FieldAtCell.byIndexMap(f, g, 100, 100), 0.0);
        assertThrows(IllegalArgumentException.class, () -> FieldAtCell.byIndexMap(new double[3], g, 0, 0));
    }

    @Test
    void bleachingDoseIsTheFieldAtTheCellAndIndependentOfTheMargin() {
        Geometry plain = new Geometry(0.5, 20, 20, 1, 20, 0);
        Geometry margin = new Geometry(0.5, 20, 20, 1, 20, 12);
        double[] field = new double[400];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                field[y * 20 + x] = 1.0 - 0.3 * Math.hypot(y - 9.5, x - 9.5) / Math.hypot(9.5, 9.5);
            }
        }
        double[] centres = {10, 0, 0, 10, 4.9, -4.9};
        double[] d0 = BleachingModel.doses(field, plain, centres);
        assertArrayEquals(d0, BleachingModel.doses(field, margin, centres));
        assertTrue(d0[0] > d0[1]);
        assertArrayEquals(new double[] {1, 1}, BleachingModel.doses(null, plain, centres));
        // with the dose, the centre cell bleaches more than the identical corner cell
        double[] c = new double[2 * 50];
        java.util.Arrays.fill(c, 3.0);
        double[] b = BleachingModel.envelopes(new Bleaching(0.05, 2000, 1.0), c, 2, 50, 20, d0);
        assertTrue(b[49] < b[99]);
    }

    @Test
    void detectionGainAndTraceSnr() {
        assertEquals((((0.2 * 0.5) * 0.9) * 100) * 0.7, Detectability.gain(0.2, 0.5, 0.9, 100, 0.7), 0.0);
        double[] c = {9, 1, 2, 3, 4, 5, 1, 1};
        // cell 1 = {4, 5, 1, 1}: dF = 4, baseline 1 → 4·2/sqrt(2 + 1)
        assertEquals(8 / Math.sqrt(3), Detectability.traceSnr(c, 4, 4, 2, 1), 1e-15);
    }
}
