package org.minisim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bc.zarr.ZarrArray;
import com.bc.zarr.ZarrGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZarrArrayTest {

    @TempDir
    Path dir;

    static double[] values(ZarrDtype dt, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (dt) {
                case F4 -> (float) r.nextGaussian();
                case F8 -> r.nextGaussian();
                case I4 -> r.nextInt(-100000, 100000);
                case B1 -> r.nextBoolean() ? 1 : 0;
            };
        }
        return v;
    }

    @Test
    void wholeArraysRoundTripForEveryDtypeChunkGridAndCodec() throws Exception {
        long[][] shapes = {{7}, {5, 3}, {4, 9, 6}, {0, 20}, {3, 0, 2}, {1, 1, 1}, {10, 48, 48}};
        int[][][] chunkings = {{{3}, {7}, {100}}, {{2, 2}, {5, 3}, {1, 1}}, {{3, 4, 5}, {4, 9, 6}, {1, 9, 6}},
            {{1, 20}, {1, 7}}, {{2, 1, 2}}, {{1, 1, 1}}, {{4, 40, 20}, {10, 48, 48}}};
        int k = 0;
        for (int s = 0; s < shapes.length; s++) {
            for (int[] chunks : chunkings[s]) {
                for (ZarrDtype dt : ZarrDtype.values()) {
                    for (ChunkCodec codec : List.of(new BloscLz4Codec(), new ZlibCodec(1), new NullCodec())) {
                        ByteStore st = k % 10 == 0 ? new FileByteStore(dir.resolve("s" + k)) : new MemoryByteStore();
                        k++;
                        ZarrArrayMeta meta = new ZarrArrayMeta(shapes[s], chunks, dt, codec);
                        int n = (int) meta.size();
                        byte[] bytes = dt.encode(values(dt, n, k), 0, n);
                        Zarr.createArray(st, "g/a", meta);
                        Zarr.writeArray(st, "g/a", meta, bytes);
                        ZarrArrayMeta back = Zarr.readMeta(st, "g/a");
                        assertEquals(meta, back);
                        assertArrayEquals(bytes, Zarr.readArray(st, "g/a", back), meta.toString());
                        long expectChunks = 1;
                        for (int d = 0; d < meta.rank(); d++) {
                            expectChunks *= meta.gridSize(d);
                        }
                        long files = st.list("g/a").stream().filter(x -> !x.endsWith(".zarray")).count();
                        assertEquals(expectChunks, files, "one file per grid position " + meta);
                    }
                }
            }
        }
    }

    @Test
    void rangesAlongTheFirstAxisEqualSlicesOfTheWholeArray() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        for (int[] chunks : new int[][] {{3, 4, 5}, {1, 9, 6}, {20, 9, 6}, {4, 2, 2}}) {
            ZarrArrayMeta meta = new ZarrArrayMeta(new long[] {10, 9, 6}, chunks, ZarrDtype.F8, new BloscLz4Codec());
            String path = "r" + chunks[0] + chunks[1];
            byte[] whole = ZarrDtype.F8.encode(values(ZarrDtype.F8, 540, 3), 0, 540);
            Zarr.createArray(st, path, meta);
            Zarr.writeArray(st, path, meta, whole);
            for (int a = 0; a <= 10; a++) {
                for (int b = a; b <= 10; b++) {
                    assertArrayEquals(java.util.Arrays.copyOfRange(whole, a * 54 * 8, b * 54 * 8),
                            Zarr.readRange(st, path, meta, a, b), path + " [" + a + ", " + b + ")");
                }
            }
        }
        ZarrArrayMeta m1 = new ZarrArrayMeta(new long[] {10}, new int[] {3}, ZarrDtype.I4, new NullCodec());
        byte[] w1 = ZarrDtype.I4.encode(values(ZarrDtype.I4, 10, 4), 0, 10);
        Zarr.createArray(st, "one", m1);
        Zarr.writeArray(st, "one", m1, w1);
        assertArrayEquals(java.util.Arrays.copyOfRange(w1, 8, 28), Zarr.readRange(st, "one", m1, 2, 7));
        assertThrows(IllegalArgumentException.class, () -> Zarr.readRange(st, "one", m1, 5, 11));
    }

    @Test
    void slashSeparatedChunkKeysAreRead() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        ZarrArrayMeta meta = new ZarrArrayMeta(new long[] {4, 3}, new int[] {2, 2}, ZarrDtype.F4, new ZlibCodec(1), "/");
        byte[] whole = ZarrDtype.F4.encode(values(ZarrDtype.F4, 12, 9), 0, 12);
        Zarr.createArray(st, "s", meta);
        Zarr.writeArray(st, "s", meta, whole);
        assertTrue(st.exists("s/1/1"));
        ZarrArrayMeta back = Zarr.readMeta(st, "s");
        assertEquals("/", back.separator());
        assertArrayEquals(whole, Zarr.readArray(st, "s", back));
    }

    @Test
    void zeroLengthDimensionGetsChunkOneAndNoChunkFiles() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        ZarrArrayMeta meta = ZarrArrayMeta.singleChunk(new long[] {0, 20}, ZarrDtype.F8, new BloscLz4Codec());
        assertArrayEquals(new int[] {1, 20}, meta.chunks());
        Zarr.createArray(st, "e", meta);
        Zarr.writeArray(st, "e", meta, new byte[0]);
        assertEquals(List.of("e/.zarray"), st.list("e"));
        assertEquals(0, Zarr.readArray(st, "e", meta).length);
    }

    @Test
    void edgeChunksArePaddedWithZerosToFullChunkSize() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        ZarrArrayMeta meta = new ZarrArrayMeta(new long[] {5, 3}, new int[] {4, 2}, ZarrDtype.F8, new NullCodec());
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        Zarr.createArray(st, "a", meta);
        Zarr.writeArray(st, "a", meta, ZarrDtype.F8.encode(v, 0, 15));
        double[] edge = ZarrDtype.F8.toDoubles(st.get("a/1.1"));
        assertArrayEquals(new double[] {15, 0, 0, 0, 0, 0, 0, 0}, edge);
        double[] corner = ZarrDtype.F8.toDoubles(st.get("a/0.1"));
        assertArrayEquals(new double[] {3, 0, 6, 0, 9, 0, 12, 0}, corner);
    }

    @Test
    void missingChunkReadsAsFillValue() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        ZarrArrayMeta meta = new ZarrArrayMeta(new long[] {4, 2}, new int[] {2, 2}, ZarrDtype.F4, new BloscLz4Codec());
        Zarr.createArray(st, "a", meta);
        Zarr.writeChunk(st, "a", meta, new long[] {1, 0}, ZarrDtype.F4.encode(new double[] {1, 2, 3, 4}, 0, 4));
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 2, 3, 4}, ZarrDtype.F4.toDoubles(Zarr.readArray(st, "a", meta)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Zarr.writeChunk(st, "a", meta, new long[] {2, 0}, new byte[16]));
        assertTrue(e.getMessage().contains("outside the grid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Zarr.writeChunk(st, "a", meta, new long[] {0, 0}, new byte[12]));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void zarrayJsonHasExactlyTheReferenceKeys() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        for (ZarrDtype dt : ZarrDtype.values()) {
            Zarr.createArray(st, dt.name(), new ZarrArrayMeta(new long[] {3}, new int[] {3}, dt, new BloscLz4Codec()));
            Map<String, Object> j = ZarrJson.readObject(st.get(dt.name() + "/.zarray"), "x");
            assertEquals(Set8.KEYS, j.keySet().stream().sorted().collect(Collectors.toList()));
            assertEquals(dt.code(), j.get("dtype"));
            assertEquals(dt.fillValue(), j.get("fill_value"));
            assertEquals("C", j.get("order"));
            assertNull(j.get("filters"));
            assertEquals(2, j.get("zarr_format"));
        }
        String text = new String(st.get("F4/.zarray"), StandardCharsets.UTF_8);
        assertFalse(text.contains("typesize"));
        assertFalse(text.contains("dimension_separator"));
    }

    static final class Set8 {
        static final List<String> KEYS = List.of("chunks", "compressor", "dtype", "fill_value", "filters", "order",
                "shape", "zarr_format");
    }

    @Test
    void unsupportedMetadataIsRejectedNamingTheArray() {
        Map<String, Object> base = Map.of("zarr_format", 2, "shape", List.of(3), "chunks", List.of(3),
                "dtype", ">f8", "compressor", Map.of("id", "blosc", "cname", "lz4"), "fill_value", 0.0, "order", "C");
        ZarrFormatException e = assertThrows(ZarrFormatException.class, () -> ZarrArrayMeta.fromJson(base, "gt/x"));
        assertTrue(e.getMessage().contains("gt/x") && e.getMessage().contains(">f8"), e.getMessage());
        Map<String, Object> fOrder = new java.util.HashMap<>(base);
        fOrder.put("dtype", "<f8");
        fOrder.put("order", "F");
        e = assertThrows(ZarrFormatException.class, () -> ZarrArrayMeta.fromJson(fOrder, "gt/y"));
        assertTrue(e.getMessage().contains("gt/y"), e.getMessage());
    }

    @Test
    void memoryByteStoreListsAndDeletesByDirectoryPrefix() {
        MemoryByteStore st = new MemoryByteStore();
        st.put("a/b", new byte[] {1});
        st.put("a/bc", new byte[] {2});
        st.put("a/b/c", new byte[] {3});
        st.put("ab", new byte[] {4});
        assertEquals(List.of("a/b", "a/b/c"), st.list("a/b"));
        assertEquals(List.of("a/b", "a/b/c", "a/bc"), st.list("a"));
        st.delete("a/b");
        assertEquals(List.of("a/bc", "ab"), st.list(""));
        byte[] v = st.get("ab");
        v[0] = 9;
        assertEquals(4, st.get("ab")[0], "values are copied");
    }

    @Test
    void fileByteStorePutIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        FileByteStore st = new FileByteStore(dir.resolve("root"));
        assertNull(st.get("a/b/c"));
        assertFalse(st.exists("a/b/c"));
        st.put("a/b/c", new byte[] {1, 2});
        st.put("a/b/c", new byte[] {3});
        st.put("a/d", new byte[0]);
        assertArrayEquals(new byte[] {3}, st.get("a/b/c"));
        assertTrue(st.exists("a/d"));
        assertFalse(st.exists("a"));
        assertNull(st.get("a"), "a directory is not a value");
        assertEquals(List.of("a/b/c", "a/d"), st.list("").stream().sorted().toList());
        assertEquals(List.of("a/b/c"), st.list("a/b"));
        try (Stream<Path> w = Files.walk(dir)) {
            assertTrue(w.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")));
        }
        st.delete("a/b");
        assertEquals(List.of("a/d"), st.list(""));
        st.delete("missing");
        assertThrows(IllegalArgumentException.class, () -> st.put("../escape", new byte[1]));
        assertTrue(st.location().startsWith("file:"));
    }

    @Test
    void concurrentPutsOfOneKeyNeverExposeAPartialValue() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        int len = 1 << 20;
        st.put("k", new byte[len]);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> bad = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> writers = new java.util.ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            byte fill = (byte) t;
            writers.add(new Thread(() -> {
                byte[] v = new byte[len];
                java.util.Arrays.fill(v, fill);
                try {
                    for (int i = 0; i < 15; i++) {
                        st.put("k", v);
                    }
                } catch (java.io.IOException e) {
                    bad.set(e.toString());
                }
            }));
        }
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get()) {
                    byte[] v = st.get("k");
                    if (v == null || v.length != len || v[0] != v[len - 1] || v[0] != v[len / 2]) {
                        bad.set("partial value seen: " + (v == null ? "null" : v.length + " bytes"));
                    }
                }
            } catch (java.io.IOException e) {
                bad.set(e.toString());
            }
        });
        reader.start();
        writers.forEach(Thread::start);
        for (Thread w : writers) {
            w.join();
        }
        stop.set(true);
        reader.join();
        assertNull(bad.get());
        assertEquals(List.of("k"), st.list(""));
    }

    @Test
    void jzarrGroupsAndAttributesWorkOnTheAdapter() throws Exception {
        FileByteStore st = new FileByteStore(dir);
        Zarr.createGroup(st, "", Map.of("format_version", 2));
        Zarr.createGroup(st, "ground_truth", Map.of("focal_depth_um", 12.5));
        ZarrArrayMeta meta = new ZarrArrayMeta(new long[] {4, 6}, new int[] {2, 6}, ZarrDtype.F8, new ZlibCodec(1));
        Zarr.createArray(st, "ground_truth/C", meta);
        ZarrGroup root = ZarrGroup.open(new ZarrStoreAdapter(st));
        assertEquals(2, ((Number) root.getAttributes().get("format_version")).intValue());
        assertTrue(root.getGroupKeys().contains("ground_truth"), root.getGroupKeys().toString());
        ZarrGroup gt = root.openSubGroup("ground_truth");
        assertEquals(12.5, ((Number) gt.getAttributes().get("focal_depth_um")).doubleValue());
        ZarrArray c = gt.openArray("C");
        assertArrayEquals(new int[] {4, 6}, c.getShape());
        // and jzarr-written groups are readable by us
        ZarrGroup made = ZarrGroup.create(new ZarrStoreAdapter(new FileByteStore(dir.resolve("j"))),
                Map.of("k", "v"));
        assertEquals(made.getAttributes(), Zarr.readAttributes(new FileByteStore(dir.resolve("j")), ""));
        assertTrue(Zarr.isGroup(new FileByteStore(dir.resolve("j")), ""));
    }
}
