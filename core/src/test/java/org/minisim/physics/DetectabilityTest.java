package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DetectabilityTest {

    @Test
    void snrFormulaValues() {
        assertEquals(1.0, Detectability.snr(2, 0, 3, 6), 1e-15);
        assertEquals(2.0 / Math.sqrt(9.0), Detectability.snr(1, 4, 2, 1), 1e-15);
        // negative baselines count as zero shot noise
        assertEquals(1.0, Detectability.snr(2, -5, 3, 6), 1e-15);
    }

    @Test
    void zeroNoiseFloor() {
        assertEquals(Double.POSITIVE_INFINITY, Detectability.snr(1, 0, 2, 0));
        assertEquals(0.0, Detectability.snr(0, 0, 2, 0), 0.0);
        assertEquals(0.0, Detectability.snr(3, 0, 0, 0), 0.0);
    }

    @Test
    void thresholdIsInclusive() {
        assertEquals(3.0, Detectability.DETECT_SNR_THRESHOLD, 0.0);
        assertTrue(Detectability.isDetectable(3.0));
        assertFalse(Detectability.isDetectable(Math.nextDown(3.0)));
        assertTrue(Detectability.isDetectable(Double.POSITIVE_INFINITY));
    }

    @Test
    void fieldSamplingOnAThreeByFourField() {
        double[] f = new double[12];
        for (int i = 0; i < 12; i++) {
            f[i] = i;
        }
        // centre (0, 0) → row round(1) = 1, col round_half_even(1.5) = 2 → element [1, 2]
        assertEquals(6.0, Detectability.sampleField(f, 3, 4, 0, 0, 1.0), 0.0);
        assertEquals(0.0, Detectability.sampleField(f, 3, 4, -100, -100, 1.0), 0.0);
        assertEquals(11.0, Detectability.sampleField(f, 3, 4, 100, 100, 1.0), 0.0);
        // non-unit pixel size: 0.5 µm/px, y = 0.5 µm → row 1 + 1 = 2; x = −0.75 µm → col 1.5 − 1.5 = 0
        assertEquals(8.0, Detectability.sampleField(f, 3, 4, 0.5, -0.75, 0.5), 0.0);
        // half-even: x = 1 µm → col 2.5 → 2
        assertEquals(6.0, Detectability.sampleField(f, 3, 4, 0, 1.0, 1.0), 0.0);
        assertEquals(1.0, Detectability.sampleField(null, 3, 4, 5, 5, 1.0), 0.0);
    }
}
