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
        // ranges coming back in any order (a driver merging them as they arrive) give the same sums
        RenderStatistics.Sums reversed = null;
        for (int t0 = (f - 1) / 16 * 16; t0 >= 0; t0 -= 16) {
            RenderStatistics.Sums r = pass(scene, st, 8, t0, Math.min(f, t0 + 16), 3);
            reversed = reversed == null ? r : reversed.merge(r);
        }
        assertEquals(f, merged.frames());
        assertEquals(f / 8, reversed.headEnd, "once the range of frame 0 is merged, every complete chunk is folded");
        assertTrue(reversed.parts.size() <= 1, "parts kept: " + reversed.parts.keySet());
        // a pass from frame 0 keeps one running total and at most the last, short chunk: memory not in frames
        assertEquals(f / 8, whole.headEnd);
        assertTrue(whole.parts.size() <= 1, "parts kept: " + whole.parts.keySet());
        assertTrue(f / 8 >= 3, "the recording spans several chunks");
        RenderStatistics.Columns a = finish(scene, whole), b = finish(scene, merged);
        assertArrayEquals(a.centerMeanE(), b.centerMeanE());
        assertArrayEquals(a.observedMeanCountsAtCell(), b.observedMeanCountsAtCell());
        assertArrayEquals(a.roiTraceCorr(), b.roiTraceCorr());
        assertArrayEquals(a.oracleTraceCorr(), b.oracleTraceCorr());
        assertArrayEquals(a.oracleEmpiricalSnr(), b.oracleEmpiricalSnr());
        RenderStatistics.Columns c = finish(scene, reversed);
        assertArrayEquals(a.roiTraceCorr(), c.roiTraceCorr());
        assertArrayEquals(a.oracleTraceCorr(), c.oracleTraceCorr());
        assertArrayEquals(a.oracleEmpiricalSnr(), c.oracleEmpiricalSnr());
        assertArrayEquals(a.centerMeanE(), c.centerMeanE());
        assertArrayEquals(a.observedMeanCountsAtCell(), c.observedMeanCountsAtCell());
        int defined = 0;
        for (int i = 0; i < a.oracleTraceCorr().length; i++) {
            defined += Double.isNaN(a.oracleTraceCorr()[i]) ? 0 : 1;
            assertTrue(!(Math.abs(a.oracleTraceCorr()[i]) > 1.0), "|r| <= 1");
        }
        assertTrue(defined > 2, "the oracle is defined on a motion recording's active units");
    }

    @Test
    void footprintsKeptAsBlurFactorsGiveTheSameMovieAndTable() {
        Spec spec = SpecFixtures.full(96, 0.5, 3L, true, false);
        Scene stored = Scene.build(spec);
        Scene factored = Scene.build(spec, 0L);
        long kept = java.util.Arrays.stream(factored.observedFootprints())
                .filter(f -> f instanceof org.minisim.footprint.BlurredFootprint).count();
        assertTrue(kept > 0, "some footprints are kept as factors");
        assertTrue(java.util.Arrays.stream(stored.observedFootprints())
                .allMatch(f -> f instanceof org.minisim.footprint.Footprint), "a small scene stores them");
        int f = stored.observedFrames();
        assertArrayEquals(movie(stored), movie(factored));
        CellRows a = RecordingTable.of(stored, "test").sceneRows(), b = RecordingTable.of(factored, "test").sceneRows();
        assertEquals(a.size(), b.size());
        for (int c = 0; c < CellTable.STORED.size(); c++) {
            for (int r = 0; r < a.size(); r++) {
                assertEquals(a.get(c, r), b.get(c, r), CellTable.STORED.get(c).name() + " row " + r);
            }
        }
        RenderStatistics.Columns x = finish(stored, pass(stored, RecordingTable.of(stored, "test").render(), 8, 0, f,
                5));
        RenderStatistics.Columns y = finish(factored, pass(factored, RecordingTable.of(factored, "test").render(), 8,
                0, f, 5));
        assertArrayEquals(x.roiTraceCorr(), y.roiTraceCorr());
        assertArrayEquals(x.oracleTraceCorr(), y.oracleTraceCorr());
        assertArrayEquals(x.oracleEmpiricalSnr(), y.oracleEmpiricalSnr());
        assertArrayEquals(x.centerMeanE(), y.centerMeanE());
    }

    private static double[] movie(Scene scene) {
        int q = scene.geometry().fovPixels();
        double[] out = new double[scene.observedFrames() * q];
        new Renderer(scene).render(0, scene.observedFrames(), 6, new org.minisim.render.FrameSink() {
            @Override
            public void observed(int a, int b, double[] frames) {
                System.arraycopy(frames, 0, out, a * q, frames.length);
            }
        });
        return out;
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
