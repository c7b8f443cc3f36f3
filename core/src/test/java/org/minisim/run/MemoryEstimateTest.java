package org.minisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.FootprintPatch;
import org.minisim.physics.NeuronPlacement;
import org.minisim.render.SpecFixtures;
import org.minisim.scene.Scene;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.CellActivity;
import org.minisim.spec.CellOptics;
import org.minisim.spec.Composite;
import org.minisim.spec.DepthRange;
import org.minisim.spec.Morphology;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Output;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;

/**
 * The memory estimate against the real scene: its footprint patches within 0.5×–2× of the bytes the built scene's
 * planted and observed patches hold, its cell count that of the placement, and its parts growing with what they
 * depend on.
 */
class MemoryEstimateTest {

    private static Spec spec(int px, AutoDouble focal, NeuronPopulation... pops) {
        return new Spec(SpecFixtures.acquisition(px, 0.5, focal), 3, List.of(
                new PlaceNeurons(NeuronPopulation.DEFAULTS, List.of(pops)), CellActivity.DEFAULTS,
                CellOptics.DEFAULTS, Composite.DEFAULTS, Sensor.DEFAULTS), Output.DEFAULTS);
    }

    private static NeuronPopulation pop(double density, double radius, Morphology m, double lo, double hi) {
        return new NeuronPopulation(density, radius, 0.3, m, 24.0, 3.0, new DepthRange(lo, hi), 0.0, null);
    }

    /**
     * @return bytes of the scene's patches: planted (float32), plus observed where it is another footprint, stored
     *     (float32) or as kept (its blur's factors where the scene keeps those)
     */
    private static long realPatchBytes(Scene scene, boolean asKept) {
        long bytes = 0;
        FootprintPatch[] obs = scene.observedFootprints();
        List<NeuronPlacement.PlacedCell> cells = scene.cells();
        for (int i = 0; i < cells.size(); i++) {
            bytes += 4L * cells.get(i).planted().patch().length;
            if (obs[i] != cells.get(i).planted()) {
                bytes += asKept ? obs[i].heapBytes() : obs[i].denseBytes();
            }
        }
        return bytes;
    }

    private static void assertWithinFactorTwo(Spec spec) {
        Scene scene = Scene.build(spec);
        MemoryEstimate e = MemoryEstimate.of(spec, 10);
        long real = realPatchBytes(scene, false);
        double ratio = e.patchBytes() / (double) real;
        assertTrue(ratio >= 0.5 && ratio <= 2.0, "estimate " + e.patchBytes() + " B vs real " + real + " B (ratio "
                + ratio + ") for " + scene.cells().size() + " cells: " + e.describe());
        assertEquals(scene.cells().size(), e.cells(), 0.02 * e.cells() + 1, "expected cell count");
        assertEquals(e.cells(), MemoryEstimate.expectedCells(spec), "the cell count alone, as the estimate's");
        // the same scene keeping its blurred footprints as factors (as in a heap too small to store them)
        long factored = realPatchBytes(Scene.build(spec, 0L), true);
        double fr = e.factoredPatchBytes() / (double) factored;
        assertTrue(fr >= 0.5 && fr <= 2.0, "factored estimate " + e.factoredPatchBytes() + " B vs real " + factored
                + " B (ratio " + fr + ")");
        assertTrue(e.forHeap(Long.MAX_VALUE).patchBytes() == e.patchBytes()
                && e.forHeap(3 * e.patchBytes() - 3).patchBytes() == Math.min(e.patchBytes(), e.factoredPatchBytes()));
    }

    @Test
    void shallowSomataInFocus() {
        assertWithinFactorTwo(spec(64, AutoDouble.AUTO, pop(200000, 4.0, Morphology.SOMA, 20, 60)));
    }

    @Test
    void deepBandWithFixedFocusHasLargeBlurWindows() {
        assertWithinFactorTwo(spec(96, AutoDouble.of(50.0), pop(30000, 6.0, Morphology.SOMA, 0, 300)));
    }

    @Test
    void cytosolicCellsWithDendrites() {
        assertWithinFactorTwo(spec(96, AutoDouble.AUTO, pop(20000, 5.0, Morphology.CYTOSOLIC, 30, 120)));
    }

    @Test
    void twoPopulationsAddUp() {
        assertWithinFactorTwo(spec(96, AutoDouble.AUTO, pop(60000, 4.0, Morphology.SOMA, 10, 80),
                pop(10000, 8.0, Morphology.CYTOSOLIC, 100, 250)));
    }

    @Test
    void partsGrowWithWhatTheyDependOn() {
        Spec sparse = spec(64, AutoDouble.AUTO, pop(20000, 4.0, Morphology.SOMA, 20, 60));
        Spec dense = spec(64, AutoDouble.AUTO, pop(200000, 4.0, Morphology.SOMA, 20, 60));
        MemoryEstimate a = MemoryEstimate.of(sparse, 4), b = MemoryEstimate.of(dense, 4);
        assertTrue(b.cells() > 5 * a.cells(), a.cells() + " vs " + b.cells());
        assertTrue(b.patchBytes() > 5 * a.patchBytes());
        MemoryEstimate longer = MemoryEstimate.of(dense, 1000);
        assertEquals(4, b.taskFrames());
        assertEquals(RecordingArrays.movieFrames(dense), longer.taskFrames(), "clipped to the movie");
        assertTrue(longer.traceBytes() > b.traceBytes());
        assertEquals(b.patchBytes(), longer.patchBytes(), "footprints do not depend on the frames");
        assertEquals(b.total(), b.patchBytes() + b.perCellBytes() + b.traceBytes() + b.renderBytes()
                + b.fieldBytes() + b.storeBytes());
    }
}
