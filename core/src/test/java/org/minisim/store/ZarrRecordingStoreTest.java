package org.minisim.store;

import org.minisim.recording.io.RecordingFormatException;
import org.minisim.recording.io.LoadedStore;
import org.minisim.recording.io.SnapshotData;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.recording.io.RecordingStoreWriter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintStack;
import org.minisim.recording.GroundTruth;

class ZarrRecordingStoreTest {

    static final String KEY = "0123456789abcdef";
    static final String SPEC = "{\n  \"seed\": 1,\n  \"note\": \"µm – ünïcode\"\n}";

    @TempDir
    Path dir;

    static double[] rnd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * 10;
        }
        return v;
    }

    static boolean[] flags(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextBoolean();
        }
        return b;
    }

    /** A ground truth with every optional array: N = 3, F = 7, K = 2, FOV 6 × 5 in a 10 × 9 canvas. */
    static GroundTruth fullGroundTruth() {
        int n = 3, f = 7, k = 2, h = 6, w = 5, hc = 10, wc = 9;
        List<Footprint> fps = List.of(
                new Footprint(1, 2, 2, 3, new float[] {0.5f, 1f, 0.25f, 0.1f, 0.2f, 0.3f}, hc, wc),
                Footprint.empty(hc, wc),
                new Footprint(7, 6, 3, 3, new float[] {1, 0.5f, 0.5f, 0.5f, 0.25f, 0, 0.125f, 0, 1e-7f}, hc, wc));
        double[] amp = rnd(n, 4);
        amp[1] = Double.NaN;
        double[] sigma = rnd(n, 9);
        sigma[2] = Double.NaN;
        return new GroundTruth(new FootprintStack(fps, hc, wc), 2, 2, h, w, f, rnd(n * f, 1), rnd(n * f, 2),
                rnd(n * 3, 3), amp, flags(n, 5), flags(n, 6), sigma, rnd(n, 10), rnd(f * 2, 11), rnd(h * w, 12),
                rnd(h * w, 13), rnd(h * w, 14), rnd(n * f, 15), k, rnd(k * f, 16), rnd(k * h * w, 17), rnd(f, 18),
                rnd(h * w, 19), rnd(n, 20), 131.25);
    }

    /** N = 0, no optional arrays, no focal depth. */
    static GroundTruth emptyGroundTruth(int f, int h, int w) {
        return new GroundTruth(new FootprintStack(List.of(), h, w), 0, 0, h, w, f, new double[0], new double[0],
                new double[0], new double[0], new boolean[0], new boolean[0], null, null, null, null, null, null, null,
                0, null, null, null, null, null, null);
    }

    static void assertSameGroundTruth(GroundTruth a, GroundTruth b) {
        assertEquals(a.nUnits(), b.nUnits());
        assertEquals(a.nFrames(), b.nFrames());
        assertEquals(a.fovTop(), b.fovTop());
        assertEquals(a.fovLeft(), b.fovLeft());
        assertEquals(a.fovHeight(), b.fovHeight());
        assertEquals(a.fovWidth(), b.fovWidth());
        assertEquals(a.canvasHeight(), b.canvasHeight());
        assertEquals(a.canvasWidth(), b.canvasWidth());
        assertEquals(a.nNeuropilComponents(), b.nNeuropilComponents());
        assertArrayEquals(a.c(), b.c());
        assertArrayEquals(a.s(), b.s());
        assertArrayEquals(a.centersUm(), b.centersUm());
        assertArrayEquals(a.amplitudePerCell(), b.amplitudePerCell());
        assertArrayEquals(a.inFocus(), b.inFocus());
        assertArrayEquals(a.detectable(), b.detectable());
        assertEquals(a.presentOptional(), b.presentOptional());
        for (String name : a.presentOptional()) {
            assertArrayEquals(a.optional(name), b.optional(name), name);
        }
        assertArrayEquals(a.planted().offsets(), b.planted().offsets());
        assertArrayEquals(a.planted().shapes(), b.planted().shapes());
        assertArrayEquals(a.planted().data(), b.planted().data());
        assertEquals(a.focalDepthUm(), b.focalDepthUm());
    }

    static float[] asFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    @Test
    void saveAtomicallyThenLoadRoundTripsEveryArray() throws Exception {
        GroundTruth gt = fullGroundTruth();
        int f = 7, h = 6, w = 5;
        double[] observed = rnd(f * h * w, 30);
        Map<String, SnapshotData> snaps = new TreeMap<>();
        snaps.put("sensor", new SnapshotData(f, h, w, rnd(f * h * w, 31)));
        snaps.put("cells_only", new SnapshotData(f, 10, 9, rnd(f * 90, 32)));
        for (String dtype : List.of("<f4", "<f8")) {
            for (ChunkCodec codec : List.of(new BloscLz4Codec(), new ZlibCodec(1), new NullCodec())) {
                Path target = dir.resolve(dtype.substring(1) + codec.getClass().getSimpleName() + ".zarr");
                RecordingStoreWriter.saveAtomically(target, KEY, SPEC, gt, observed, f, h, w, dtype, snaps, codec);
                assertFalse(Files.exists(target.resolveSibling(target.getFileName() + ".tmp")));
                FileByteStore st = new FileByteStore(target);
                assertTrue(RecordingStoreWriter.isComplete(st));
                LoadedStore s = RecordingStoreReader.load(st);
                assertSameGroundTruth(gt, s.groundTruth());
                assertEquals(SPEC, s.specJson());
                assertEquals(KEY, s.storedCacheKey());
                assertTrue(s.committed());
                assertEquals(dtype, s.observedDtype());
                assertEquals(gt.presentOptional(), s.gtPresent());
                assertEquals(List.of("cells_only", "sensor"), s.snapshotNames());
                if (dtype.equals("<f8")) {
                    assertArrayEquals(observed, s.observed().frames());
                } else {
                    assertArrayEquals(asFloat(observed), asFloat(s.observed().frames()));
                }
                for (var e : snaps.entrySet()) {
                    assertArrayEquals(e.getValue().frames(), s.snapshots().get(e.getKey()).frames(), e.getKey());
                    assertArrayEquals(e.getValue().shape(), s.snapshots().get(e.getKey()).shape());
                }
            }
        }
    }

    @Test
    void saveAtomicallyReplacesAnExistingStoreAndRemovesAStaleTmp() throws Exception {
        Path target = dir.resolve("x.zarr");
        Files.createDirectories(dir.resolve("x.zarr.tmp/junk"));
        Files.createDirectories(target.resolve("old"));
        Files.writeString(target.resolve("old/file"), "old");
        GroundTruth gt = emptyGroundTruth(4, 3, 2);
        RecordingStoreWriter.saveAtomically(target, KEY, SPEC, gt, new double[24], 4, 3, 2, "<f4", Map.of(),
                new BloscLz4Codec());
        assertFalse(Files.exists(target.resolve("old")));
        assertFalse(Files.exists(dir.resolve("x.zarr.tmp")));
        assertTrue(RecordingStoreWriter.isComplete(new FileByteStore(target)));
    }

    @Test
    void emptyRecordingRoundTrips() throws Exception {
        for (int f : new int[] {0, 5}) {
            GroundTruth gt = emptyGroundTruth(f, 4, 3);
            Path target = dir.resolve("empty" + f + ".zarr");
            RecordingStoreWriter.saveAtomically(target, KEY, SPEC, gt, new double[f * 12], f, 4, 3, "<f4", Map.of(),
                    new BloscLz4Codec());
            FileByteStore st = new FileByteStore(target);
            LoadedStore s = RecordingStoreReader.load(st);
            assertSameGroundTruth(gt, s.groundTruth());
            assertNull(s.groundTruth().focalDepthUm());
            assertEquals(f, s.observed().nFrames());
            assertTrue(s.snapshots().isEmpty());
            ZarrArrayMeta c = Zarr.readMeta(st, "ground_truth/C");
            assertArrayEquals(new long[] {0, f}, c.shape());
            assertEquals(1, c.chunk(0), "zero-length dimension has chunk length 1");
            assertTrue(st.list("ground_truth/C").stream().allMatch(k -> k.endsWith(".zarray")), "no chunk files");
            assertArrayEquals(new long[] {0, 2}, Zarr.readMeta(st, "ground_truth/planted/offsets").shape());
            assertArrayEquals(new long[] {0}, Zarr.readMeta(st, "ground_truth/planted/data").shape());
            assertFalse(st.exists("snapshots/.zgroup"), "no snapshots group without snapshots");
        }
    }

    /** Writes a store chunk by chunk in the given order, as Spark tasks would. */
    static void writeChunked(FileByteStore st, GroundTruth gt, double[] obs, double[] snap, int f, int h, int w,
                             int cf, List<Integer> order) throws Exception {
        RecordingStoreWriter driver = new RecordingStoreWriter(st, new BloscLz4Codec());
        driver.createObserved(f, h, w, "<f4", cf);
        driver.createSnapshot("sensor", f, h, w, cf);
        for (int c : order) {
            RecordingStoreWriter task = new RecordingStoreWriter(st, new BloscLz4Codec()); // fresh, as in a task
            int t0 = c * cf, t1 = Math.min(f, t0 + cf);
            task.writeObservedChunk(c, java.util.Arrays.copyOfRange(obs, t0 * h * w, t1 * h * w));
            task.writeSnapshotChunk("sensor", c, java.util.Arrays.copyOfRange(snap, t0 * h * w, t1 * h * w));
        }
        driver.writeGroundTruth(gt);
        driver.writeSpecJson(SPEC);
        assertFalse(RecordingStoreWriter.isComplete(st), "not complete before commit");
        driver.commit(KEY, gt.presentOptional(), List.of("sensor"));
        assertTrue(RecordingStoreWriter.isComplete(st));
    }

    @Test
    void chunkedWritesInAnyOrderGiveIdenticalBytesAndLoad() throws Exception {
        GroundTruth gt = fullGroundTruth();
        int f = 7, h = 6, w = 5, cf = 3;
        double[] obs = rnd(f * h * w, 40);
        double[] snap = rnd(f * h * w, 41);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
        FileByteStore a = new FileByteStore(dir.resolve("a"));
        writeChunked(a, gt, obs, snap, f, h, w, cf, order);
        Collections.shuffle(order, new Random(3));
        Collections.reverse(order);
        FileByteStore b = new FileByteStore(dir.resolve("b"));
        writeChunked(b, gt, obs, snap, f, h, w, cf, order);
        FileByteStore c = new FileByteStore(dir.resolve("c"));
        writeChunked(c, gt, obs, snap, f, h, w, cf, List.of(2, 0, 1, 2, 0)); // retries rewrite identical bytes
        List<String> keys = a.list("").stream().sorted().toList();
        assertEquals(keys, b.list("").stream().sorted().toList());
        assertEquals(keys, c.list("").stream().sorted().toList());
        assertTrue(keys.containsAll(List.of("observed/0.0.0", "observed/1.0.0", "observed/2.0.0")));
        for (String k : keys) {
            assertArrayEquals(a.get(k), b.get(k), k);
            assertArrayEquals(a.get(k), c.get(k), k);
        }
        LoadedStore s = RecordingStoreReader.load(a);
        assertArrayEquals(asFloat(obs), asFloat(s.observed().frames()));
        assertArrayEquals(snap, s.snapshots().get("sensor").frames());
        assertSameGroundTruth(gt, s.groundTruth());
    }

    @Test
    void isCompleteOnlyAfterCommitAndNotAfterANewBegin() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        assertFalse(RecordingStoreWriter.isComplete(st));
        RecordingStoreWriter wr = new RecordingStoreWriter(st, new BloscLz4Codec());
        wr.createObserved(2, 2, 2, "<f8", 1);
        wr.writeObservedChunk(0, new double[4]);
        wr.writeObservedChunk(1, new double[4]);
        wr.writeGroundTruth(emptyGroundTruth(2, 2, 2));
        IllegalStateException noSpec = assertThrows(IllegalStateException.class,
                () -> wr.commit(KEY, List.of(), List.of()));
        assertTrue(noSpec.getMessage().contains("spec.json"), noSpec.getMessage());
        assertFalse(RecordingStoreWriter.isComplete(st));
        wr.writeSpecJson(SPEC);
        assertFalse(RecordingStoreWriter.isComplete(st));
        assertThrows(IllegalStateException.class, () -> wr.commit(KEY, List.of("shifts"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> wr.commit("NOT-A-KEY", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> wr.commit(KEY, List.of("vignette", "shifts"), List.of()));
        assertThrows(IllegalStateException.class, () -> wr.commit(KEY, List.of(), List.of("sensor")));
        assertFalse(RecordingStoreWriter.isComplete(st));
        wr.commit(KEY, List.of(), List.of());
        assertTrue(RecordingStoreWriter.isComplete(st));
        new RecordingStoreWriter(st, new BloscLz4Codec()).createObserved(2, 2, 2, "<f8", 1);
        assertFalse(RecordingStoreWriter.isComplete(st), "rewriting a store invalidates its commit first");
        assertFalse(st.exists(".zattrs"));
    }

    @Test
    void chunkWritesValidateIndexAndLengthNamingTheArray() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        RecordingStoreWriter wr = new RecordingStoreWriter(st, new BloscLz4Codec());
        IllegalStateException e0 = assertThrows(IllegalStateException.class,
                () -> wr.writeObservedChunk(0, new double[4]));
        assertTrue(e0.getMessage().contains("observed"), e0.getMessage());
        wr.createObserved(5, 2, 2, "<f4", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wr.writeObservedChunk(2, new double[8]));
        assertTrue(e.getMessage().contains("observed") && e.getMessage().contains("1 frames"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> wr.writeObservedChunk(3, new double[4]));
        assertTrue(e.getMessage().contains("chunk index 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wr.createObserved(5, 2, 2, "float32", 2));
        assertThrows(IllegalArgumentException.class, () -> wr.createSnapshot("a/b", 5, 2, 2, 2));
    }

    private Path savedStore(String name) throws Exception {
        Path target = dir.resolve(name);
        RecordingStoreWriter.saveAtomically(target, KEY, SPEC, fullGroundTruth(), new double[7 * 30], 7, 6, 5, "<f4",
                Map.of(), new BloscLz4Codec());
        return target;
    }

    private static void setRootAttr(FileByteStore st, String key, Object value) throws Exception {
        Map<String, Object> root = Zarr.readAttributes(st, "");
        if (value == null) {
            root.remove(key);
        } else {
            root.put(key, value);
        }
        Zarr.writeAttributes(st, "", root);
    }

    @Test
    void formatVersionIsAHardCheck() throws Exception {
        FileByteStore st = new FileByteStore(savedStore("v.zarr"));
        for (Object bad : new Object[] {999, "2", 1}) {
            setRootAttr(st, "format_version", bad);
            RecordingFormatException e = assertThrows(RecordingFormatException.class,
                    () -> RecordingStoreReader.load(st));
            assertTrue(e.getMessage().contains("format_version"), e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
        setRootAttr(st, "format_version", null);
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingStoreReader.load(st));
        assertTrue(e.getMessage().contains("format_version"), e.getMessage());
        setRootAttr(st, "format_version", 2.0);
        RecordingStoreReader.load(st); // numeric comparison: 2.0 passes
    }

    @Test
    void loaderToleratesMissingListsKeyAndFocalDepth() throws Exception {
        FileByteStore st = new FileByteStore(savedStore("t.zarr"));
        setRootAttr(st, "gt_present", null);
        setRootAttr(st, "snapshot_names", null);
        setRootAttr(st, "spec_cache_key", null);
        Zarr.writeAttributes(st, "ground_truth", Map.of());
        LoadedStore s = RecordingStoreReader.load(st);
        assertEquals(List.of(), s.gtPresent());
        assertNull(s.storedCacheKey());
        assertNull(s.groundTruth().focalDepthUm());
        assertNull(s.groundTruth().shifts(), "arrays not listed in gt_present are not read");
    }

    @Test
    void hardFailuresNameWhatIsMissing() throws Exception {
        record Case(String name, String deleteKey, String expect) {}
        List<Case> cases = List.of(
                new Case("a", "ground_truth/vignette", "ground_truth/vignette"),
                new Case("b", "ground_truth/detectable", "ground_truth/detectable"),
                new Case("c", "observed", "observed"),
                new Case("d", "spec.json", "spec.json"),
                new Case("e", ".zgroup", ".zgroup"),
                new Case("f", "ground_truth/planted/shapes", "ground_truth/planted/shapes"),
                new Case("g", "ground_truth/planted/.zattrs", "canvas_shape"),
                new Case("h", "ground_truth/planted/.zgroup", "ground_truth/planted"));
        for (Case c : cases) {
            FileByteStore st = new FileByteStore(savedStore(c.name + ".zarr"));
            st.delete(c.deleteKey);
            RecordingFormatException e = assertThrows(RecordingFormatException.class,
                    () -> RecordingStoreReader.load(st), c.deleteKey);
            assertTrue(e.getMessage().contains(c.expect), c.deleteKey + ": " + e.getMessage());
        }
        FileByteStore st = new FileByteStore(savedStore("snap.zarr"));
        setRootAttr(st, "snapshot_names", List.of("sensor"));
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingStoreReader.load(st));
        assertTrue(e.getMessage().contains("snapshots/sensor"), e.getMessage());
    }

    @Test
    void wrongDtypeClassOrShapeIsRejected() throws Exception {
        FileByteStore st = new FileByteStore(savedStore("d.zarr"));
        ZarrArrayMeta m = new ZarrArrayMeta(new long[] {3}, new int[] {3}, ZarrDtype.I4, new BloscLz4Codec());
        Zarr.createArray(st, "ground_truth/in_focus", m);
        Zarr.writeArray(st, "ground_truth/in_focus", m, new byte[12]);
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingStoreReader.load(st));
        assertTrue(e.getMessage().contains("in_focus") && e.getMessage().contains("|b1"), e.getMessage());
        FileByteStore st2 = new FileByteStore(savedStore("e.zarr"));
        ZarrArrayMeta m2 = new ZarrArrayMeta(new long[] {3, 2}, new int[] {3, 2}, ZarrDtype.F8, new BloscLz4Codec());
        Zarr.createArray(st2, "ground_truth/centers_um", m2);
        Zarr.writeArray(st2, "ground_truth/centers_um", m2, new byte[48]);
        e = assertThrows(RecordingFormatException.class, () -> RecordingStoreReader.load(st2));
        assertTrue(e.getMessage().contains("centers_um"), e.getMessage());
    }

    @Test
    void storeTreeMatchesTheReferenceLayout() throws Exception {
        FileByteStore st = new FileByteStore(savedStore("l.zarr"));
        List<String> keys = st.list("");
        for (String k : List.of(".zgroup", ".zattrs", "spec.json", "observed/.zarray", "ground_truth/.zgroup",
                "ground_truth/.zattrs", "ground_truth/planted/.zgroup", "ground_truth/planted/.zattrs",
                "ground_truth/planted/offsets/0.0", "ground_truth/planted/shapes/0.0", "ground_truth/planted/data/0",
                "ground_truth/C/0.0", "ground_truth/in_focus/0", "ground_truth/neuropil_spatial/0.0.0",
                RecordingLayout.COMMIT_MARKER)) {
            assertTrue(keys.contains(k), k + " in " + keys);
        }
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("observed/") && k.endsWith(".zattrs")),
                "arrays carry no .zattrs");
        Map<String, Object> planted = Zarr.readAttributes(st, "ground_truth/planted");
        assertEquals(List.of(10, 9), planted.get("canvas_shape"));
        assertEquals(List.of(2, 2), planted.get("fov_offset"));
        assertEquals(List.of(6, 5), planted.get("fov_shape"));
        assertEquals(131.25, Zarr.readAttributes(st, "ground_truth").get("focal_depth_um"));
        assertEquals(SPEC, new String(st.get("spec.json"), StandardCharsets.UTF_8));
        assertEquals("<i4", Zarr.readMeta(st, "ground_truth/planted/offsets").dtype().code());
        assertEquals("<f4", Zarr.readMeta(st, "ground_truth/planted/data").dtype().code());
        assertEquals("|b1", Zarr.readMeta(st, "ground_truth/detectable").dtype().code());
    }

    @Test
    void chunkFramesDependOnTheFrameSizeOnly() {
        assertEquals(32, RecordingLayout.observedChunkFrames(256, 256, "<f4"));
        assertEquals(16, RecordingLayout.observedChunkFrames(256, 256, "<f8"));
        assertEquals(5, RecordingLayout.observedChunkFrames(608, 608, "<f4"));
        assertEquals(1, RecordingLayout.observedChunkFrames(4096, 4096, "<f8"));
        assertTrue(RecordingLayout.observedChunkFrames(48, 48, "<f4") > 100);
        assertEquals("<f4", RecordingLayout.observedDtype("float32"));
        assertEquals("<f8", RecordingLayout.observedDtype("float64"));
        assertThrows(IllegalArgumentException.class, () -> RecordingLayout.observedDtype("float16"));
        assertEquals(0, RecordingLayout.chunkCount(0, 5));
        assertEquals(3, RecordingLayout.chunkCount(11, 5));
        assertArrayEquals(new int[] {1, 20}, RecordingLayout.smallArrayChunks(new long[] {0, 20}, 8));
        assertArrayEquals(new int[] {6, 40}, RecordingLayout.smallArrayChunks(new long[] {6, 40}, 8));
        int[] big = RecordingLayout.smallArrayChunks(new long[] {1000, 18000}, 8);
        assertEquals(18000, big[1]);
        assertTrue(big[0] * 18000L * 8 <= RecordingLayout.TARGET_CHUNK_BYTES && big[0] >= 1);
    }
}
