package org.minisim.store;

import org.minisim.recording.io.StoreDiff;
import org.minisim.recording.io.RecordingStoreWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoreDiffTest {

    static final int F = 7, H = 3, W = 2, CF = 3;

    /** A store with an observed movie and one ground-truth array, {@code observed[bad] += 1} when bad ≥ 0. */
    static MemoryByteStore store(int bad, ChunkCodec codec) throws Exception {
        MemoryByteStore st = new MemoryByteStore();
        RecordingStoreWriter w = new RecordingStoreWriter(st, codec);
        w.createObserved(F, H, W, "<f4", CF);
        double[] obs = ZarrRecordingStoreTest.rnd(F * H * W, 5);
        if (bad >= 0) {
            obs[bad] += 1;
        }
        for (int c = 0; c * CF < F; c++) {
            w.writeObservedChunk(c, java.util.Arrays.copyOfRange(obs, c * CF * H * W,
                    Math.min(F, (c + 1) * CF) * H * W));
        }
        ZarrArrayMeta m = ZarrArrayMeta.singleChunk(new long[] {4}, ZarrDtype.F8, codec);
        Zarr.createArray(st, "ground_truth/amplitude_per_cell", m);
        Zarr.writeArray(st, "ground_truth/amplitude_per_cell", m, ZarrDtype.F8.encode(new double[] {1, 2, 3, 4}, 0, 4));
        return st;
    }

    @Test
    void identicalStoresThenTheFirstDifferingArrayIsNamed() throws Exception {
        StoreDiff.Result same = StoreDiff.compare(store(-1, new BloscLz4Codec()), store(-1, new BloscLz4Codec()));
        assertTrue(same.identical(), same.firstDifference());
        assertEquals(List.of("ground_truth/amplitude_per_cell", "observed"), same.arrays());
        assertEquals(1, same.groundTruthArrays());

        int bad = 4 * H * W + 5; // frame 4, element 5
        StoreDiff.Result d = StoreDiff.compare(store(-1, new BloscLz4Codec()), store(bad, new BloscLz4Codec()));
        assertTrue(d.firstDifference().startsWith("'observed' differs first at index 4 along axis 0 (element 5"),
                d.firstDifference());

        MemoryByteStore missing = store(-1, new BloscLz4Codec());
        missing.delete("ground_truth/amplitude_per_cell/.zarray");
        StoreDiff.Result m = StoreDiff.compare(store(-1, new BloscLz4Codec()), missing);
        assertTrue(m.firstDifference().startsWith("'ground_truth/amplitude_per_cell' absent from"),
                m.firstDifference());
    }
}
