package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minisim.physics.CellActivityModel.ActivityTraces;
import org.minisim.random.RandomStreams;
import org.minisim.spec.CellActivity;

class CellActivityModelTest {

    static final CellActivity D = CellActivity.DEFAULTS;

    static CellActivity with(double cv, double noise) {
        return new CellActivity(300, 0.005, 0.3, 150, 0.6, 0.05, 0.5, cv, 1.0, noise);
    }

    @Test
    void gainsArePositiveSpreadAndMeanOne() {
        double[] g = CellActivityModel.gains(with(0.3, 0), 40_000, new RandomStreams(1));
        double mean = 0, m2 = 0;
        for (double v : g) {
            assertTrue(v > 0);
            mean += v;
        }
        mean /= g.length;
        for (double v : g) {
            m2 += (v - mean) * (v - mean);
        }
        double cv = Math.sqrt(m2 / g.length) / mean;
        assertEquals(1.0, mean, 0.01);
        assertEquals(0.3, cv, 0.02);
    }

    @Test
    void gainsAreExactlyOneWithoutSpread() {
        ActivityTraces a = CellActivityModel.simulate(with(0, 0), 7, 50, 20, new RandomStreams(1));
        for (double v : a.gains()) {
            assertEquals(1.0, v, 0.0);
        }
        for (double v : a.c()) {
            assertTrue(v >= 1.0);
        }
    }

    @Test
    void tracesStayAboveGainTimesBaselineAndSpikesAreCounts() {
        int n = 30, f = 400;
        ActivityTraces a = CellActivityModel.simulate(D, n, f, 20, new RandomStreams(2));
        assertEquals(n * f, a.c().length);
        assertEquals(n * f, a.s().length);
        assertEquals(n, a.gains().length);
        int b = CellActivityModel.binsPerFrame(D, 20);
        assertEquals(15, b);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < f; t++) {
                assertTrue(a.c()[i * f + t] >= a.gains()[i] * D.f0() - 1e-12);
                double s = a.s()[i * f + t];
                assertTrue(s >= 0 && s <= b && s == Math.rint(s));
            }
        }
    }

    @Test
    void sameSeedSameTraces() {
        ActivityTraces a = CellActivityModel.simulate(D, 10, 200, 20, new RandomStreams(5));
        ActivityTraces b = CellActivityModel.simulate(D, 10, 200, 20, new RandomStreams(5));
        ActivityTraces o = CellActivityModel.simulate(D, 10, 200, 20, new RandomStreams(6));
        assertArrayEquals(a.c(), b.c());
        assertArrayEquals(a.s(), b.s());
        assertTrue(!java.util.Arrays.equals(a.c(), o.c()));
    }

    @Test
    void cellsAreIndependentOfTheCellCount() {
        ActivityTraces few = CellActivityModel.simulate(with(0, 0), 3, 100, 20, new RandomStreams(5));
        ActivityTraces many = CellActivityModel.simulate(with(0, 0), 9, 100, 20, new RandomStreams(5));
        for (int k = 0; k < 300; k++) {
            assertEquals(few.c()[k], many.c()[k], 0.0);
        }
    }

    @Test
    void burnInOpensThePopulationAtItsSteadyLevel() {
        int n = 600, f = 20 * 40;
        ActivityTraces a = CellActivityModel.simulate(D, n, f, 20, new RandomStreams(3));
        double first = 0, all = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < f; t++) {
                double v = a.c()[i * f + t] - a.gains()[i] * D.f0(); // the calcium part
                all += v;
                if (t < 10) {
                    first += v;
                }
            }
        }
        first /= n * 10.0;
        all /= (double) n * f;
        assertTrue(all > 0.1, "steady calcium level " + all);
        assertEquals(all, first, 0.15 * all);
    }

    @Test
    void meanSpikeRateFollowsTheGateStatistics() {
        int n = 400, f = 20 * 60;
        ActivityTraces a = CellActivityModel.simulate(D, n, f, 20, new RandomStreams(4));
        double spikes = 0;
        for (double v : a.s()) {
            spikes += v;
        }
        double rate = spikes / (n * f / 20.0);
        double pi = 0.005 / (0.005 + 0.3);
        double expected = pi * 150 + (1 - pi) * 0.6;
        assertEquals(expected, rate, 0.1 * expected);
    }

    @Test
    void saturatedFiringGivesTheExactSteadyCalcium() {
        // always active (p_qa = 1, p_aq = 0) at a rate above the fine rate: every fine bin spikes, so after the
        // burn-in every frame holds f0 + Σk exactly, and S = b
        CellActivity s = new CellActivity(300, 1.0, 0.0, 1000, 1000, 0.05, 0.5, 0.0, 2.0, 0);
        ActivityTraces a = CellActivityModel.simulate(s, 2, 30, 20, new RandomStreams(1));
        double sumK = 0;
        for (double v : CellActivityModel.kernel(s, 300)) {
            sumK += v;
        }
        for (int k = 0; k < a.c().length; k++) {
            assertEquals(2.0 + sumK, a.c()[k], 1e-9);
            assertEquals(15.0, a.s()[k], 0.0);
        }
    }

    @Test
    void spikesPerFrameAreBinomialInAFixedState() {
        // always active at 150 Hz on a 300 Hz grid: each of the b = 15 bins spikes with p = 0.5, so the frame
        // count is Binomial(15, 0.5): mean 7.5, variance 3.75 (a Poisson law would give variance 7.5)
        CellActivity s = new CellActivity(300, 1.0, 0.0, 150, 150, 0.05, 0.5, 0.0, 1.0, 0);
        ActivityTraces a = CellActivityModel.simulate(s, 20, 2000, 20, new RandomStreams(12));
        double m = 0, m2 = 0;
        for (double v : a.s()) {
            m += v;
            m2 += v * v;
        }
        int n = a.s().length;
        m /= n;
        double var = m2 / n - m * m;
        assertEquals(7.5, m, 0.05);
        assertEquals(3.75, var, 0.15);
        // and quiescent-only at 0.6 Hz: p = 0.002 per bin
        CellActivity q = new CellActivity(300, 0.0, 1.0, 150, 0.6, 0.05, 0.5, 0.0, 1.0, 0);
        ActivityTraces b = CellActivityModel.simulate(q, 50, 4000, 20, new RandomStreams(12));
        double spikes = 0;
        for (double v : b.s()) {
            spikes += v;
        }
        assertEquals(0.6, spikes / (50 * 4000 / 20.0), 0.05);
    }

    @Test
    void binnedKernelRowsEqualDirectConvolutionThenBinAverage() {
        double[] k = CalciumKernel.sample(0.05, 0.5, 300);
        int b = 15;
        double[][] rows = CellActivityModel.binnedKernelRows(k, b);
        for (int j : new int[] {0, 7, 14}) {
            int nFine = 60 * b;
            double[] c = new double[nFine];
            for (int n = j; n < nFine; n++) {
                if (n - j < k.length) {
                    c[n] = k[n - j];
                }
            }
            for (int d = 0; d < 60; d++) {
                double avg = 0;
                for (int q = 0; q < b; q++) {
                    avg += c[d * b + q];
                }
                avg /= b;
                double mine = d < rows[j].length ? rows[j][d] : 0.0;
                assertEquals(avg, mine, 1e-12);
            }
        }
    }

    @Test
    void traceNoiseIsAddedOnTopOfTheSameCleanTrace() {
        ActivityTraces clean = CellActivityModel.simulate(with(0.3, 0), 20, 500, 20, new RandomStreams(8));
        ActivityTraces noisy = CellActivityModel.simulate(with(0.3, 0.2), 20, 500, 20, new RandomStreams(8));
        assertArrayEquals(clean.s(), noisy.s());
        double m = 0, m2 = 0;
        int n = clean.c().length;
        for (int k = 0; k < n; k++) {
            double d = noisy.c()[k] - clean.c()[k];
            m += d;
            m2 += d * d;
        }
        m /= n;
        assertEquals(0.0, m, 0.01);
        assertEquals(0.2, Math.sqrt(m2 / n - m * m), 0.01);
    }

    @Test
    void kernelHasPeakOneStartsAtZeroAndDecays() {
        double[] k = CellActivityModel.kernel(D, 300);
        assertEquals(750, k.length);
        assertEquals(0.0, k[0], 0.0);
        double max = 0;
        for (double v : k) {
            assertTrue(v >= 0);
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 0.0);
        assertTrue(k[k.length - 1] < 0.02);
        assertThrows(IllegalArgumentException.class,
                () -> CellActivityModel.kernel(new CellActivity(300, 0.005, 0.3, 150, 0.6, 0.5, 0.5, 0.3, 1, 0), 300));
        assertThrows(IllegalArgumentException.class,
                () -> CellActivityModel.kernel(new CellActivity(300, 0.005, 0.3, 150, 0.6, 0.7, 0.5, 0.3, 1, 0), 300));
    }

    @Test
    void fineGridAndBurnIn() {
        assertEquals(15, CellActivityModel.binsPerFrame(D, 20));
        assertEquals(1, CellActivityModel.binsPerFrame(D, 1000));
        assertEquals(60, CellActivityModel.burnInFrames(D, 20));
    }

    @Test
    void zeroCellsAndZeroFrames() {
        ActivityTraces a = CellActivityModel.simulate(D, 0, 100, 20, new RandomStreams(1));
        assertEquals(0, a.c().length);
        ActivityTraces b = CellActivityModel.simulate(D, 4, 0, 20, new RandomStreams(1));
        assertEquals(0, b.c().length);
        assertEquals(4, b.gains().length);
    }

    @Test
    void fiveThousandCellsTimesThreeThousandFramesIsFast() {
        CellActivityModel.simulate(D, 200, 3000, 20, new RandomStreams(1)); // warm-up
        long t0 = System.nanoTime();
        ActivityTraces a = CellActivityModel.simulate(D, 5000, 3000, 20, new RandomStreams(1));
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(15_000_000, a.c().length);
        // ≈ 0.6 s on an idle core; the bound only catches a direct-convolution regression (tens of seconds)
        assertTrue(secs < 10.0, "5000 x 3000 took " + secs + " s");
    }

    @Test
    void anyPrefixOfACellIsTheStartOfItsWholeTrace() {
        // noise on, a spread of gains, frames inside and beyond the burn-in: a frame-range task regenerates
        // frames [0, t1) only and must see exactly what the whole-movie run sees
        CellActivity step = with(0.4, 0.05);
        RandomStreams rs = new RandomStreams(11);
        int f = 700;
        CellActivityModel.CellSimulator sim = new CellActivityModel.CellSimulator(step, 20,
                CellActivityModel.gains(step, 5, rs), rs);
        CellActivityModel.CellSimulator.Workspace ws = new CellActivityModel.CellSimulator.Workspace();
        ActivityTraces whole = CellActivityModel.simulate(step, 5, f, 20, rs);
        for (int i = 0; i < 5; i++) {
            for (int t : new int[] {0, 1, 7, 64, 333, f}) {
                double[] c = new double[t], s = new double[t];
                sim.cell(i, t, c, s, ws);
                for (int k = 0; k < t; k++) {
                    assertEquals(whole.c()[i * f + k], c[k], 0.0, "cell " + i + " prefix " + t + " frame " + k);
                    assertEquals(whole.s()[i * f + k], s[k], 0.0);
                }
            }
        }
    }

    @Test
    void cellsAreIndependentOfEachOtherAndOfTheirCount() {
        ActivityTraces few = CellActivityModel.simulate(with(0, 0.02), 3, 120, 20, new RandomStreams(5));
        ActivityTraces many = CellActivityModel.simulate(with(0, 0.02), 9, 120, 20, new RandomStreams(5));
        for (int k = 0; k < 3 * 120; k++) {
            assertEquals(few.c()[k], many.c()[k], 0.0);
            assertEquals(few.s()[k], many.s()[k], 0.0);
        }
    }
}
