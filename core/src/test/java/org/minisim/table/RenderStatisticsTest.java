package org.minisim.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.render.Renderer;
import org.minisim.render.SpecFixtures;
import org.minisim.scene.Scene;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.CellActivity;
import org.minisim.spec.CellOptics;
import org.minisim.spec.Composite;
import org.minisim.spec.Output;
import org.minisim.spec.Spec;

/** The render columns: mergeable over frame ranges, and the oracle on a noiseless composite. */
class RenderStatisticsTest {

    private static RenderStatistics.Sums pass(Scene scene, RenderStatistics st, int chunk, int t0, int t1,
                                              int block) {
        RenderStatistics.Sums s = st.newSums(chunk);
        new Renderer(scene).render(t0, t1, block, st.sink(s, null));
        return s;
    }

    private static RenderStatistics.Columns finish(Scene scene, RenderStatistics.Sums sums) {
        CellRows rows = RecordingTable.of(scene, "test").sceneRows();
        CellTable.fillRender(rows, sums);
        int n = rows.size();
        double[] peak = new double[n];
        for (int u = 0; u < n; u++) {
            peak[u] = rows.getDouble(CellTable.storedIndex("peak_dF"), u);
        }
        double epu = scene.sensor() == null ? Double.NaN
                : scene.sensor().photonsPerUnit() * scene.spec().acquisition().imageSensor().quantumEfficiency();
        return sums.finish(peak, epu);
    }

    @Test
    void chunkAlignedRangesGiveBitIdenticalColumns() {
        Spec spec = SpecFixtures.full(40, 2.0, 3L, true, false);
        Scene scene = Scene.build(spec);
        RenderStatistics st = RecordingTable.of(scene, "test").render();
        int f = scene.observedFrames();
        RenderStatistics.Sums whole = pass(scene, st, 8, 0, f, 5);
        RenderStatistics.Sums merged = st.newSums(8);
        for (int t0 = 0; t0 < f; t0 += 16) {
            merged.merge(pass(scene, st, 8, t0, Math.min(f, t0 + 16), 3));
        }
        assertEquals(f, merged.frames());
        RenderStatistics.Columns a = finish(scene, whole), b = finish(scene, merged);
        assertArrayEquals(a.centerMeanE(), b.centerMeanE());
        assertArrayEquals(a.observedMeanCountsAtCell(), b.observedMeanCountsAtCell());
        assertArrayEquals(a.roiTraceCorr(), b.roiTraceCorr());
        assertArrayEquals(a.oracleTraceCorr(), b.oracleTraceCorr());
        assertArrayEquals(a.oracleEmpiricalSnr(), b.oracleEmpiricalSnr());
        int defined = 0;
        for (int i = 0; i < a.oracleTraceCorr().length; i++) {
            defined += Double.isNaN(a.oracleTraceCorr()[i]) ? 0 : 1;
            assertTrue(!(Math.abs(a.oracleTraceCorr()[i]) > 1.0), "|r| <= 1");
        }
        assertTrue(defined > 2, "the oracle is defined on a motion recording's active units");
    }

    private static Spec pureComposite(long seed) {
        return new Spec(SpecFixtures.acquisition(40, 2.0, AutoDouble.AUTO), seed, List.of(
                SpecFixtures.population(200000.0), CellActivity.DEFAULTS, CellOptics.DEFAULTS, Composite.DEFAULTS),
                new Output(false, Output.StoreDtype.FLOAT64));
    }

    @Test
    void oracleRecoversTheTracesOfANoiselessComposite() {
        Spec spec = pureComposite(5L);
        Scene scene = Scene.build(spec);
        RenderStatistics st = RecordingTable.of(scene, "test").render();
        RenderStatistics.Columns c = finish(scene, pass(scene, st, 1 << 30, 0, scene.observedFrames(), 7));
        int checked = 0;
        for (int i = 0; i < c.oracleTraceCorr().length; i++) {
            assertTrue(Double.isNaN(c.centerMeanE()[i]), "no sensor: no electrons");
            if (!Double.isNaN(c.oracleTraceCorr()[i])) {
                assertTrue(c.oracleTraceCorr()[i] >= 0.9995, "unit " + i + " r " + c.oracleTraceCorr()[i]);
                checked++;
            }
        }
        assertTrue(checked > 2, "units with a varying trace");
    }
}
