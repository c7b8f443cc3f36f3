package org.minisim.store;

import org.minisim.recording.io.ChunkWritingSink;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZarrChunkWritingSinkTest {

    static final int F = 11, H = 4, W = 3, CF = 3;

    @TempDir
    Path dir;

    static FileByteStore prepared(Path root) throws Exception {
        FileByteStore st = new FileByteStore(root);
        RecordingStoreWriter d = new RecordingStoreWriter(st, new BloscLz4Codec());
        d.createObserved(F, H, W, "<f4", CF);
        d.createSnapshot("cells_only", F, H + 2, W + 2, CF);
        return st;
    }

    /** Renders [t0, t1) in blocks of {@code block} frames, like Renderer.render would. */
    static void render(FileByteStore st, int t0, int t1, int block, double[] obs, double[] snap) {
        ChunkWritingSink sink = new ChunkWritingSink(new RecordingStoreWriter(st, new BloscLz4Codec()), t0, t1);
        for (int a = t0; a < t1; a += block) {
            int b = Math.min(t1, a + block);
            sink.snapshot("cells_only", a, b, H + 2, W + 2,
                    Arrays.copyOfRange(snap, a * (H + 2) * (W + 2), b * (H + 2) * (W + 2)));
            sink.observed(a, b, Arrays.copyOfRange(obs, a * H * W, b * H * W));
        }
        sink.finish();
    }

    @Test
    void anyBlockSizeAndTaskSplitWritesTheSameChunks() throws Exception {
        double[] obs = ZarrRecordingStoreTest.rnd(F * H * W, 1);
        double[] snap = ZarrRecordingStoreTest.rnd(F * (H + 2) * (W + 2), 2);
        FileByteStore ref = prepared(dir.resolve("ref"));
        render(ref, 0, F, F, obs, snap);
        List<String> keys = ref.list("").stream().sorted().toList();
        assertEquals(RecordingLayout.chunkCount(F, CF), keys.stream().filter(k -> k.startsWith("observed/")
                && !k.endsWith(".zarray")).count());
        int[][] splits = {{0, 6, 11}, {0, 3, 6, 9, 11}, {0, 9, 11}};
        int run = 0;
        for (int[] split : splits) {
            for (int block : new int[] {1, 2, 4, 5}) {
                FileByteStore st = prepared(dir.resolve("r" + run++));
                for (int i = split.length - 2; i >= 0; i--) { // tasks in any order
                    render(st, split[i], split[i + 1], block, obs, snap);
                }
                assertEquals(keys, st.list("").stream().sorted().toList());
                for (String k : keys) {
                    assertArrayEquals(ref.get(k), st.get(k), k + " split " + Arrays.toString(split) + " block " + block);
                }
            }
        }
        ZarrArrayMeta m = Zarr.readMeta(ref, "snapshots/cells_only");
        assertArrayEquals(snap, ZarrDtype.F8.toDoubles(Zarr.readArray(ref, "snapshots/cells_only", m)));
    }

    @Test
    void misalignedRangesGapsAndWrongFrameSizesAreRejected() throws Exception {
        FileByteStore st = prepared(dir);
        RecordingStoreWriter w = new RecordingStoreWriter(st, new BloscLz4Codec());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChunkWritingSink(w, 1, 6));
        assertTrue(e.getMessage().contains("not aligned"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChunkWritingSink(w, 0, 5));
        ChunkWritingSink s = new ChunkWritingSink(w, 0, 6);
        s.observed(0, 2, new double[2 * H * W]);
        e = assertThrows(IllegalArgumentException.class, () -> s.observed(3, 4, new double[H * W]));
        assertTrue(e.getMessage().contains("start at 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.snapshot("cells_only", 0, 1, H, W, new double[H * W]));
        IllegalStateException gap = assertThrows(IllegalStateException.class, s::finish);
        assertTrue(gap.getMessage().contains("observed"), gap.getMessage());
    }

    @Test
    void chunksHeldAsFloat32WriteTheBytesOfTheFloat64WriterAndReusedBlocksAreCopied() throws Exception {
        double[] obs = ZarrRecordingStoreTest.rnd(F * H * W, 3);
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e300, -1e-300,
                Double.MIN_VALUE, 3.4028235677973366e38, 0.1, 16777217.0};
        System.arraycopy(special, 0, obs, 5, special.length);
        for (String dtype : List.of("<f4", "<f8")) {
            FileByteStore ref = new FileByteStore(dir.resolve("ref" + dtype));
            RecordingStoreWriter direct = new RecordingStoreWriter(ref, new BloscLz4Codec());
            direct.createObserved(F, H, W, dtype, CF);
            for (int c = 0; c * CF < F; c++) {
                direct.writeObservedChunk(c, Arrays.copyOfRange(obs, c * CF * H * W,
                        Math.min(F, (c + 1) * CF) * H * W));
            }
            FileByteStore st = new FileByteStore(dir.resolve("sink" + dtype));
            new RecordingStoreWriter(st, new BloscLz4Codec()).createObserved(F, H, W, dtype, CF);
            ChunkWritingSink sink = new ChunkWritingSink(new RecordingStoreWriter(st, new BloscLz4Codec()), 0, F);
            double[] reused = new double[2 * H * W]; // one array for every block, as the renderer hands them
            for (int a = 0; a < F; a += 2) {
                int b = Math.min(F, a + 2);
                Arrays.fill(reused, -7.0);
                System.arraycopy(obs, a * H * W, reused, 0, (b - a) * H * W);
                sink.observed(a, b, (b - a) * H * W == reused.length ? reused
                        : Arrays.copyOf(reused, (b - a) * H * W));
            }
            sink.finish();
            List<String> keys = ref.list("observed").stream().sorted().toList();
            assertEquals(keys, st.list("observed").stream().sorted().toList());
            for (String k : keys) {
                assertArrayEquals(ref.get(k), st.get(k), dtype + " " + k);
            }
        }
        RecordingStoreWriter f8 = new RecordingStoreWriter(new FileByteStore(dir.resolve("ref<f8")),
                new BloscLz4Codec());
        assertThrows(IllegalStateException.class, () -> f8.writeObservedChunk(0, new float[CF * H * W]));
    }
}
