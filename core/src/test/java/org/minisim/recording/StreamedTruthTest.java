package org.minisim.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.scene.Scene;
import org.minisim.render.SpecFixtures;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.Bleaching;
import org.minisim.spec.CellActivity;
import org.minisim.spec.Output;
import org.minisim.spec.Spec;
import org.minisim.store.ChunkCodec;
import org.minisim.store.MemoryByteStore;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;

/** A plan's streamed ground truth against the same truth held whole. */
class StreamedTruthTest {

    /** Cells only (placement, noisy activity, bleaching): cheap to plan even for tens of thousands of frames. */
    static Spec cellsOnly(int px, double seconds) {
        return new Spec(SpecFixtures.acquisition(px, seconds, AutoDouble.AUTO), 9,
                List.of(SpecFixtures.population(200000.0),
                        new CellActivity(300, 0.005, 0.3, 150, 0.6, 0.05, 0.5, 0.3, 1.0, 0.02),
                        new Bleaching(0.05, 20000.0, 1.0)),
                Output.DEFAULTS);
    }

    @Test
    void writingTheStreamedTruthGivesTheSameFilesAsTheHeldOneAcrossSeveralChunks() throws IOException {
        Scene plan = Scene.build(cellsOnly(128, 1200.0)); // 24 000 frames
        StreamedTruth streamed = plan.streamedTruth();
        GroundTruth held = plan.groundTruth();
        assertNull(streamed.statics().c());
        assertEquals(List.of("bleaching"), streamed.presentOptional());
        assertEquals(held.presentOptional(), streamed.presentOptional());
        long bytes = 8L * held.nUnits() * held.nFrames();
        assertTrue(bytes > 2 * RecordingLayout.UNIT_ROWS_CHUNK_BYTES, "the test needs several chunks, has " + bytes);

        MemoryByteStore a = new MemoryByteStore("streamed"), b = new MemoryByteStore("held");
        new RecordingStoreWriter(a, ChunkCodec.defaultCodec()).writeGroundTruth(streamed);
        new RecordingStoreWriter(b, ChunkCodec.defaultCodec()).writeGroundTruth(held);
        List<String> keys = new ArrayList<>(a.list(""));
        assertEquals(b.list(""), keys);
        for (String k : keys) {
            assertArrayEquals(b.get(k), a.get(k), k);
        }
        ZarrArrayMeta c = Zarr.readMeta(a, RecordingLayout.GROUND_TRUTH + "/C");
        assertTrue(c.gridSize(0) >= 3, "C is written in " + c.gridSize(0) + " chunks");
    }

    @Test
    void theUnitSummariesAreThoseOfTheHeldTraces() {
        Scene plan = Scene.build(cellsOnly(48, 30.0));
        UnitTraceStats s = plan.streamedTruth().stats();
        UnitTraceStats h = UnitTraceStats.of(UnitTraceRows.of(plan.groundTruth()));
        assertTrue(s.nUnits() > 3);
        assertArrayEquals(h.cMin(), s.cMin());
        assertArrayEquals(h.cMax(), s.cMax());
        assertArrayEquals(h.spikeSum(), s.spikeSum());
        assertArrayEquals(h.activeFrames(), s.activeFrames());
        assertArrayEquals(h.bleachFinal(), s.bleachFinal());
    }

    @Test
    void aTraceWindowHoldsTheUnitsCalciumOfItsFrames() {
        Scene plan = Scene.build(SpecFixtures.full(32, 6.0, 3, true, false));
        GroundTruth gt = plan.groundTruth();
        int f = gt.nFrames();
        var w = plan.traceWindow(37, 101);
        assertEquals(64, w.frames());
        for (int u = 0; u < gt.nUnits(); u++) {
            for (int t = 37; t < 101; t++) {
                assertEquals(gt.c()[u * f + t], w.unitC()[u * 64 + t - 37], 0.0);
            }
        }
    }
}
