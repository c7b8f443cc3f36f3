package org.minisim.render;

import org.minisim.scene.Scene;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.Recording;
import org.minisim.spec.Spec;

/**
 * Determinism of the frame-range renderer: any split of the frames gives identical bytes (the determinism invariant of
 * docs/physics.md#invariants).
 */
class RenderInvariantsTest {

    /** Renders [0, F) as consecutive ranges of {@code range} frames, each in blocks of {@code block}. */
    static double[] renderSplit(Scene plan, int range, int block) {
        int f = plan.observedFrames();
        int q = plan.geometry().fovPixels();
        double[] out = new double[f * q];
        for (int t0 = 0; t0 < f; t0 += range) {
            new Renderer(plan).render(t0, Math.min(f, t0 + range), block, new FrameSink() {
                @Override
                public void observed(int a, int b, double[] frames) {
                    System.arraycopy(frames, 0, out, a * q, frames.length);
                }
            });
        }
        return out;
    }

    @Test
    void fullPipelineIsIdenticalForEveryBlockAndRangeSize() {
        Spec spec = SpecFixtures.full(40, 1.5, 3, true, false);
        Scene plan = Scene.build(spec);
        double[] whole = renderSplit(plan, plan.observedFrames(), plan.observedFrames());
        for (int[] split : new int[][] {{1, 1}, {7, 7}, {64, 64}, {30, 7}, {11, 3}}) {
            assertArrayEquals(whole, renderSplit(plan, split[0], split[1]),
                    "range " + split[0] + " block " + split[1]);
        }
        // ranges rendered out of order, from a second, independently built plan
        Scene again = Scene.build(spec);
        int f = again.observedFrames(), q = again.geometry().fovPixels();
        double[] reversed = new double[f * q];
        for (int t0 = (f - 1) / 5 * 5; t0 >= 0; t0 -= 5) {
            new Renderer(again).render(t0, Math.min(f, t0 + 5), 2, new FrameSink() {
                @Override
                public void observed(int a, int b, double[] frames) {
                    System.arraycopy(frames, 0, reversed, a * q, frames.length);
                }
            });
        }
        assertArrayEquals(whole, reversed);
    }

    @Test
    void simulateIsDeterministicAndCountsAreIntegersInAdcRange() {
        Spec spec = SpecFixtures.quickstart(48, 1.0, 7);
        Recording a = Simulator.simulate(spec);
        Recording b = Simulator.simulate(spec);
        assertArrayEquals(a.observed(), b.observed());
        assertArrayEquals(a.truth().c(), b.truth().c());
        assertEquals(20, a.frames());
        assertTrue(a.truth().nUnits() > 0, "some units");
        double full = spec.acquisition().imageSensor().adcFullScale();
        for (double v : a.observed()) {
            assertEquals(Math.floor(v), v);
            assertTrue(v >= 0 && v <= full);
        }
    }

    @Test
    void sensorSnapshotEqualsObservedAndSnapshotsFollowTheStages() {
        Spec spec = SpecFixtures.full(32, 0.5, 1, true, true);
        Recording r = Simulator.simulate(spec);
        assertArrayEquals(r.observed(), r.snapshot("sensor").data());
        assertEquals(java.util.Set.of("cells_only", "neuropil", "vasculature", "brain_motion",
                "illumination_profile", "vignette", "leakage", "sensor"), r.snapshots().keySet());
        GroundTruth t = r.truth();
        int hc = t.canvasHeight();
        assertTrue(hc > 32, "canvas wider than the FOV under motion");
        assertEquals(hc, r.snapshot("composite").height());
        assertEquals(32, r.snapshot("sensor").height());
        assertThrows(java.util.NoSuchElementException.class,
                () -> Simulator.simulate(SpecFixtures.full(32, 0.5, 1, true, false)).snapshot("sensor"));
    }

    @Test
    void savingIntermediatesLeavesTheObservedMovieUnchanged() {
        // without snapshots the renderer fuses the FOV field passes; with them it runs stage by stage
        Recording plain = Simulator.simulate(SpecFixtures.full(32, 0.5, 8, true, false));
        Recording staged = Simulator.simulate(SpecFixtures.full(32, 0.5, 8, true, true));
        assertArrayEquals(staged.observed(), plain.observed(), 0.0);
    }

    @Test
    void untilStopsAfterTheNamedStage() {
        Spec spec = SpecFixtures.quickstart(32, 0.5, 2);
        Recording cellsOnly = Simulator.simulate(spec, "composite");
        assertEquals(10, cellsOnly.frames());
        boolean fractional = false;
        for (double v : cellsOnly.observed()) {
            fractional |= v != Math.floor(v);
        }
        assertTrue(fractional, "no sensor ⇒ continuous intensity");
        Recording optics = Simulator.simulate(spec, "optics");
        assertEquals(0, optics.frames());
        assertEquals(0, optics.observed().length);
        assertTrue(optics.truth().nUnits() > 0);
        assertTrue(optics.truth().focalDepthUm() != null);
        assertThrows(IllegalArgumentException.class, () -> Simulator.simulate(spec, "neuropil"));
    }

    @Test
    void staticFieldsAreIdenticalWithAndWithoutMotion() {
        GroundTruth moving = Scene.build(SpecFixtures.full(32, 0.5, 4, true, false)).groundTruth();
        GroundTruth still = Scene.build(SpecFixtures.full(32, 0.5, 4, false, false)).groundTruth();
        assertArrayEquals(still.illumination(), moving.illumination());
        assertArrayEquals(still.vignette(), moving.vignette());
        assertArrayEquals(still.leakage(), moving.leakage());
        assertTrue(moving.shifts() != null && still.shifts() == null);
    }

    @Test
    void vesselOverlapIsAFractionOnlyWithVessels() {
        GroundTruth t = Scene.build(SpecFixtures.full(40, 0.5, 5, false, false)).groundTruth();
        assertTrue(t.vesselOverlapFraction() != null);
        for (double v : t.vesselOverlapFraction()) {
            assertTrue(v >= 0.0 && v < 1.0, "overlap " + v);
        }
        GroundTruth none = Scene.build(SpecFixtures.quickstart(40, 0.5, 5)).groundTruth();
        assertEquals(null, none.vesselOverlapFraction());
        assertEquals(null, none.vasculatureMask());
    }

    @Test
    void bleachingOnlyEverDimsTheCellsAndDimsTheEndMost() {
        Spec bleached = SpecFixtures.full(32, 2.0, 6, false, false);
        java.util.List<org.minisim.spec.Step> steps = new java.util.ArrayList<>(bleached.steps());
        steps.removeIf(st -> st instanceof org.minisim.spec.Bleaching);
        Spec unbleached = new Spec(bleached.acquisition(), bleached.seed(), steps, bleached.output());
        Recording a = Simulator.simulate(bleached, "composite");
        Recording b = Simulator.simulate(unbleached, "composite");
        int f = a.frames(), q = 32 * 32;
        double firstLoss = 0, lastLoss = 0;
        for (int t = 0; t < f; t++) {
            for (int k = 0; k < q; k++) {
                double x = a.observed()[t * q + k], y = b.observed()[t * q + k];
                assertTrue(x <= y + 1e-6 * Math.max(1.0, y), "bleaching never brightens a pixel");
                if (t < f / 4) {
                    firstLoss += y - x;
                } else if (t >= f - f / 4) {
                    lastLoss += y - x;
                }
            }
        }
        assertTrue(lastLoss > 2 * firstLoss && lastLoss > 0, "the light lost to bleaching grows: first quarter "
                + firstLoss + ", last quarter " + lastLoss);
    }
}
