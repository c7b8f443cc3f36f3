package org.minisim.render;

import org.minisim.scene.Scene;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.ImageStack;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.CellActivity;
import org.minisim.spec.CellOptics;
import org.minisim.spec.Composite;
import org.minisim.spec.Output;
import org.minisim.spec.Spec;

class CellRenderStatsTest {

    private static CellRenderStats.Sums pass(Scene plan, CellRenderStats st, int t0, int t1) {
        CellRenderStats.Sums s = st.newSums();
        new Renderer(plan).render(t0, t1, 7, st.sink(s, null));
        return s;
    }

    @Test
    void mergedFrameRangesEqualASinglePass() {
        Spec spec = SpecFixtures.full(48, 2.0, 11L, false, false);
        Scene plan = Scene.build(spec);
        CellRenderStats st = new CellRenderStats(plan);
        int f = plan.observedFrames(), a = 13;
        CellRenderStats.Sums whole = pass(plan, st, 0, f);
        CellRenderStats.Sums merged = pass(plan, st, 0, a).merge(pass(plan, st, a, f));
        assertEquals(whole.frames(), merged.frames());
        assertTrue(plan.groundTruth().nUnits() > 2);
        double[][] x = whole.arrays(), y = merged.arrays();
        for (int k = 0; k < x.length; k++) {
            for (int i = 0; i < x[k].length; i++) {
                assertEquals(x[k][i], y[k][i], 1e-9 * Math.max(1.0, Math.abs(x[k][i])), "array " + k + " unit " + i);
            }
        }
        CellRenderStats.Columns cw = whole.finish(plan.groundTruth(), spec);
        CellRenderStats.Columns cm = merged.finish(plan.groundTruth(), spec);
        for (int i = 0; i < whole.units(); i++) {
            assertNotNull(cw.centerMeanE()[i], "sensor recording: centre electrons");
            assertNotNull(cw.observedMeanCountsAtCell()[i]);
            assertClose(cw.centerMeanE()[i], cm.centerMeanE()[i]);
            assertClose(cw.observedMeanCountsAtCell()[i], cm.observedMeanCountsAtCell()[i]);
            assertClose(cw.roiTraceCorr()[i], cm.roiTraceCorr()[i]);
            assertClose(cw.oracleTraceCorr()[i], cm.oracleTraceCorr()[i]);
            assertClose(cw.oracleEmpiricalSnr()[i], cm.oracleEmpiricalSnr()[i]);
        }
    }

    @Test
    void chunkAlignedRangesGiveBitIdenticalColumns() {
        Spec spec = SpecFixtures.full(40, 2.0, 3L, true, false);
        Scene plan = Scene.build(spec);
        CellRenderStats st = new CellRenderStats(plan);
        int f = plan.observedFrames();
        CellRenderStats.Sums whole = st.newSums(8);
        new Renderer(plan).render(0, f, 5, st.sink(whole, null));
        CellRenderStats.Sums merged = st.newSums(8);
        for (int t0 = 0; t0 < f; t0 += 16) {
            CellRenderStats.Sums part = st.newSums(8);
            new Renderer(plan).render(t0, Math.min(f, t0 + 16), 3, st.sink(part, null));
            merged.merge(part);
        }
        CellRenderStats.Columns a = whole.finish(plan.groundTruth(), spec), b = merged.finish(plan.groundTruth(), spec);
        assertArrayEquals(a.centerMeanE(), b.centerMeanE());
        assertArrayEquals(a.observedMeanCountsAtCell(), b.observedMeanCountsAtCell());
        assertArrayEquals(a.roiTraceCorr(), b.roiTraceCorr());
        assertArrayEquals(a.oracleTraceCorr(), b.oracleTraceCorr());
        assertArrayEquals(a.oracleEmpiricalSnr(), b.oracleEmpiricalSnr());
    }

    private static void assertClose(Double a, Double b) {
        if (a == null || b == null) {
            assertEquals(a, b);
        } else {
            assertEquals(a, b, 1e-9 * Math.max(1.0, Math.abs(a)));
        }
    }

    private static Spec pureComposite(long seed) {
        return new Spec(SpecFixtures.acquisition(40, 2.0, AutoDouble.AUTO), seed, List.of(
                SpecFixtures.population(200000.0), CellActivity.DEFAULTS, CellOptics.DEFAULTS, Composite.DEFAULTS),
                new Output(false, Output.StoreDtype.FLOAT64));
    }

    @Test
    void oracleRecoversTheTracesOfAPureComposite() {
        Spec spec = pureComposite(5L);
        Scene plan = Scene.build(spec);
        CellRenderStats st = new CellRenderStats(plan);
        assertTrue(st.oracleComputed());
        CellRenderStats.Columns c = pass(plan, st, 0, plan.observedFrames()).finish(plan.groundTruth(), spec);
        int checked = 0;
        for (int i = 0; i < plan.groundTruth().nUnits(); i++) {
            assertNull(c.centerMeanE()[i], "no sensor: no electrons");
            if (c.oracleTraceCorr()[i] != null) {
                assertTrue(c.oracleTraceCorr()[i] >= 0.999999, "unit " + i + " r " + c.oracleTraceCorr()[i]);
                checked++;
            }
            if (c.roiTraceCorr()[i] != null) {
                assertTrue(c.roiTraceCorr()[i] <= 1.0 && c.roiTraceCorr()[i] >= -1.0);
            }
        }
        assertTrue(checked > 2, "units with a varying trace");
    }

    @Test
    void roiCorrelationFallsUnderABrightOverlappingNeighbour() {
        // unit 0: 3x3 block at (2..4, 2..4); unit 1 overlaps it from (3..5, 3..5); 8x8 FOV, 6 frames
        double[] a0 = new double[64], a1 = new double[64];
        for (int y = 2; y <= 4; y++) {
            for (int x = 2; x <= 4; x++) {
                a0[y * 8 + x] = 1.0;
                a1[(y + 1) * 8 + x + 1] = 1.0;
            }
        }
        int[] m0 = CellRenderStats.mask(ImageStack.fromImages(8, 8, a0).unit(0), 8);
        assertEquals(9, m0.length);
        double[] c0 = {0, 1, 0, 2, 0, 1}, c1 = {5, 0, 9, 1, 7, 0};
        double alone = roiCorr(m0, a0, a1, c0, c1, 0.0);
        double crowded = roiCorr(m0, a0, a1, c0, c1, 10.0);
        assertEquals(1.0, alone, 1e-12);
        assertTrue(crowded < alone - 0.1, "bright neighbour: " + crowded);
        assertNull(CellRenderStats.pearson(6, 0, 0, 1, 1, 0), "constant ROI trace: undefined");
        assertEquals(0, CellRenderStats.mask(ImageStack.Patch.empty(), 8).length);
    }

    private static double roiCorr(int[] m, double[] a0, double[] a1, double[] c0, double[] c1, double scale1) {
        double sx = 0, sxx = 0, sy = 0, syy = 0, sxy = 0;
        for (int t = 0; t < c0.length; t++) {
            double x = 0;
            for (int k : m) {
                x += a0[k] * c0[t] + scale1 * a1[k] * c1[t];
            }
            x /= m.length;
            sx += x;
            sxx += x * x;
            sy += c0[t];
            syy += c0[t] * c0[t];
            sxy += x * c0[t];
        }
        return CellRenderStats.pearson(c0.length, sx, sxx, sy, syy, sxy);
    }
}
