package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.minisim.spec.Bleaching;

class BleachingModelTest {

    static double[] run(int n, double q, double kTurn, double intensity, double emission, double b0) {
        double[] e = new double[n];
        Arrays.fill(e, emission);
        double[] out = new double[n];
        BleachingModel.integrate(e, 0, n, q, kTurn, intensity, b0, out);
        return out;
    }

    @Test
    void constantDriveWithoutTurnoverDecaysMonotonically() {
        double[] b = run(201, 0.02, 0.0, 1.0, 1.0, 1.0);
        assertEquals(1.0, b[0], 0.0);
        for (int t = 1; t < b.length; t++) {
            assertTrue(b[t] < b[t - 1]);
        }
        assertTrue(b[200] < 0.1);
        assertEquals(Math.exp(-0.02 * 200), b[200], 1e-12);
    }

    @Test
    void moreEmissionOrIntensityBleachesMore() {
        double base = run(100, 0.01, 0.001, 1.0, 1.0, 1.0)[99];
        assertTrue(run(100, 0.01, 0.001, 1.0, 2.0, 1.0)[99] < base);
        assertTrue(run(100, 0.01, 0.001, 3.0, 1.0, 1.0)[99] < base);
    }

    @Test
    void withTurnoverItSettlesAtTheClosedFormFloor() {
        double q = 0.02, k = 0.01, i = 1.5, e = 2.0;
        double[] b = run(3000, q, k, i, e, 1.0);
        double floor = BleachingModel.steadyFloor(k, q, i, e);
        assertEquals(k / (k + q * i * e), floor, 1e-15);
        assertEquals(floor, b[2999], 0.02 * floor);
        assertEquals(floor, b[2999], 1e-3);
    }

    @Test
    void steadyFloorLimitsAndValidation() {
        assertEquals(1.0, BleachingModel.steadyFloor(0.01, 0.02, 0.0, 1.0), 0.0);
        assertEquals(0.0, BleachingModel.steadyFloor(0.0, 0.02, 1.0, 1.0), 0.0);
        assertEquals(1.0, BleachingModel.steadyFloor(0.0, 0.0, 1.0, 1.0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> BleachingModel.steadyFloor(-1, 0.02, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> BleachingModel.steadyFloor(1, -0.02, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> BleachingModel.steadyFloor(1, 0.02, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> BleachingModel.steadyFloor(1, 0.02, 1, -1));
    }

    @Test
    void darkRecoveryMatchesTheIntegratorFrameByFrame() {
        double tau = 40.0, b0 = 0.3;
        double[] b = run(400, 0.05, 1.0 / tau, 1.0, 0.0, b0);
        assertEquals(b0, b[0], 0.0);
        for (int t = 0; t < b.length; t++) {
            assertEquals(BleachingModel.darkRecovery(b0, t, tau), b[t], 1e-9);
            if (t > 0) {
                assertTrue(b[t] > b[t - 1]);
            }
        }
        assertTrue(b[399] > 0.95);
        assertEquals(b0, BleachingModel.darkRecovery(b0, 0, tau), 1e-15);
        assertEquals(1.0, BleachingModel.darkRecovery(b0, 1e6, tau), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> BleachingModel.darkRecovery(b0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> BleachingModel.darkRecovery(b0, 1, -3));
    }

    @Test
    void envelopesStartAtOneEndLowerAndFollowTheDose() {
        Bleaching step = new Bleaching(0.05, 2000, 1.0);
        int n = 3, f = 200;
        double[] c = new double[n * f];
        Arrays.fill(c, 2.0);
        double[] dose = {1.0, 0.7, 1.0};
        double[] b = BleachingModel.envelopes(step, c, n, f, 20.0, dose);
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, b[i * f], 0.0);
            assertTrue(b[i * f + f - 1] < 1.0);
        }
        // centre (full dose) bleaches more than the dimmer corner; identical doses agree
        assertTrue(b[f - 1] < b[2 * f - 1]);
        assertEquals(b[f - 1], b[3 * f - 1], 0.0);
        double[] uniform = BleachingModel.envelopes(step, c, n, f, 20.0, null);
        assertTrue(b[2 * f - 1] > uniform[2 * f - 1]);
        assertEquals(uniform[f - 1], uniform[2 * f - 1], 0.0);
        assertEquals(uniform[f - 1], b[f - 1], 0.0);
    }

    @Test
    void envelopesFollowTheTrace() {
        Bleaching step = new Bleaching(0.05, 2000, 1.0);
        double[] c = new double[2 * 100];
        for (int t = 0; t < 100; t++) {
            c[t] = 1.0;
            c[100 + t] = t < 50 ? 1.0 : 5.0; // a bright second half bleaches faster
        }
        double[] b = BleachingModel.envelopes(step, c, 2, 100, 20.0, null);
        assertEquals(b[49], b[149], 0.0);
        assertTrue(b[199] < b[99]);
        assertThrows(IllegalArgumentException.class, () -> BleachingModel.envelopes(step, c, 3, 100, 20.0, null));
    }
}
