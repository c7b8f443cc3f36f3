package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalciumKernelTest {

    @Test
    void timingRoundTrips() {
        for (double[] taus : new double[][] {{0.05, 0.5}, {0.01, 1.2}, {0.2, 0.3}, {0.002, 0.4}}) {
            CalciumKernel.Timing t = CalciumKernel.timing(taus[0], taus[1]);
            CalciumKernel.Taus back = CalciumKernel.tausFromTiming(t.timeToPeakS(), t.fwhmS());
            assertEquals(taus[0], back.tauRiseS(), 1e-3 * taus[0]);
            assertEquals(taus[1], back.tauDecayS(), 1e-3 * taus[1]);
        }
    }

    @Test
    void timingMatchesADenselySampledKernel() {
        double rate = 100_000;
        double[] k = CalciumKernel.sample(0.05, 0.5, rate);
        int peak = 0;
        for (int j = 1; j < k.length; j++) {
            if (k[j] > k[peak]) {
                peak = j;
            }
        }
        int lo = 0, hi = k.length - 1;
        while (k[lo] < 0.5) {
            lo++;
        }
        while (k[hi] < 0.5) {
            hi--;
        }
        CalciumKernel.Timing t = CalciumKernel.timing(0.05, 0.5);
        assertEquals(peak / rate, t.timeToPeakS(), 1e-4);
        assertEquals((hi - lo) / rate, t.fwhmS(), 1e-4);
    }

    @Test
    void impossibleRatiosClamp() {
        // t_peak/fwhm above the alpha-function limit ≈ 0.409 → r = 1 − 1e−6, τr ≈ τd
        CalciumKernel.Taus t = CalciumKernel.tausFromTiming(1.0, 1.0);
        assertEquals(t.tauDecayS(), t.tauRiseS(), 1e-5 * t.tauDecayS());
        // vanishing ratio → r = 1e−4
        CalciumKernel.Taus f = CalciumKernel.tausFromTiming(1e-6, 1.0);
        assertEquals(1e-4, f.tauRiseS() / f.tauDecayS(), 1e-12);
        assertEquals(0.00133, CalciumKernel.ratio(CalciumKernel.R_LO), 1e-5);
        assertEquals(0.4088, CalciumKernel.ratio(CalciumKernel.R_HI), 1e-4);
    }

    @Test
    void ratioIncreasesWithR() {
        double prev = 0;
        for (double r = 1e-3; r < 1; r += 0.05) {
            double v = CalciumKernel.ratio(r);
            assertTrue(v > prev);
            prev = v;
        }
    }

    @Test
    void rejectsRiseNotFasterThanDecay() {
        assertThrows(IllegalArgumentException.class, () -> CalciumKernel.timing(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> CalciumKernel.sample(0.6, 0.5, 300));
        assertThrows(IllegalArgumentException.class, () -> CalciumKernel.sample(0.0, 0.5, 300));
    }

    @Test
    void activityLevelHitsTheThreeLevelsIsMonotoneAndClamps() {
        assertEquals(ActivityLevel.SPARSE, ActivityLevel.params(0.0));
        assertEquals(ActivityLevel.MODERATE, ActivityLevel.params(0.5));
        assertEquals(ActivityLevel.DENSE, ActivityLevel.params(1.0));
        assertEquals(ActivityLevel.DENSE, ActivityLevel.params(3.0));
        assertEquals(ActivityLevel.SPARSE, ActivityLevel.params(-1.0));
        ActivityLevel.Params prev = ActivityLevel.params(0);
        for (double a = 0.05; a <= 1.0001; a += 0.05) {
            ActivityLevel.Params p = ActivityLevel.params(a);
            assertTrue(p.pQuiescentToActive() > prev.pQuiescentToActive());
            assertTrue(p.pActiveToQuiescent() < prev.pActiveToQuiescent());
            assertTrue(p.activeRateHz() > prev.activeRateHz());
            assertTrue(p.quiescentRateHz() > prev.quiescentRateHz());
            prev = p;
        }
        ActivityLevel.Params q = ActivityLevel.params(0.25);
        assertEquals(0.0035, q.pQuiescentToActive(), 1e-15);
        assertEquals(120.0, q.activeRateHz(), 1e-12);
    }
}
