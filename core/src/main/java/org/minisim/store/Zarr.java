package org.minisim.store;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * zarr v2 groups, attributes and arrays on a {@link ByteStore}, with our own chunk encoding
 * (docs/store-format.md#array-encoding). Paths are store-relative ("" = root, "ground_truth/C"). Every chunk write is a
 * pure function of its inputs, touches exactly one key, and never reads the store, so parallel writers of distinct
 * chunks never race.
 */
public final class Zarr {

    private Zarr() {}

    private static String key(String path, String leaf) {
        return path.isEmpty() ? leaf : path + "/" + leaf;
    }

    /** Writes {@code <path>/.zgroup} ({"zarr_format": 2}) and, when attrs is non-null, {@code .zattrs}. */
    public static void createGroup(ByteStore store, String path, Map<String, ?> attrs) throws IOException {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("zarr_format", 2);
        store.put(key(path, ".zgroup"), ZarrJson.write(g));
        if (attrs != null) {
            writeAttributes(store, path, attrs);
        }
    }

    /** @return whether {@code <path>/.zgroup} exists */
    public static boolean isGroup(ByteStore store, String path) throws IOException {
        return store.exists(key(path, ".zgroup"));
    }

    /** Replaces {@code <path>/.zattrs}. */
    public static void writeAttributes(ByteStore store, String path, Map<String, ?> attrs) throws IOException {
        store.put(key(path, ".zattrs"), ZarrJson.write(attrs));
    }

    /** @return the attributes of a node, empty when it has no {@code .zattrs} */
    public static Map<String, Object> readAttributes(ByteStore store, String path) throws IOException {
        String k = key(path, ".zattrs");
        byte[] b = store.get(k);
        return b == null ? new LinkedHashMap<>() : ZarrJson.readObject(b, k);
    }

    /** Writes {@code <path>/.zarray}. */
    public static void createArray(ByteStore store, String path, ZarrArrayMeta meta) throws IOException {
        store.put(key(path, ".zarray"), ZarrJson.write(meta.toJson()));
    }

    /** @return the array's metadata, or null when {@code <path>/.zarray} does not exist */
    public static ZarrArrayMeta readMeta(ByteStore store, String path) throws IOException {
        String k = key(path, ".zarray");
        byte[] b = store.get(k);
        return b == null ? null : ZarrArrayMeta.fromJson(ZarrJson.readObject(b, k), path);
    }

    /** @return the store key of a chunk, e.g. {@code observed/3.0.0} */
    public static String chunkKey(String path, ZarrArrayMeta meta, long[] gridIndex) {
        StringBuilder sb = new StringBuilder(path).append('/');
        for (int d = 0; d < gridIndex.length; d++) {
            if (d > 0) {
                sb.append(meta.separator());
            }
            sb.append(gridIndex[d]);
        }
        return sb.toString();
    }

    /** @return the extent of chunk {@code gridIndex} that lies inside the array, per dimension */
    public static int[] regionShape(ZarrArrayMeta meta, long[] gridIndex) {
        if (gridIndex.length != meta.rank()) {
            throw new IllegalArgumentException("chunk index " + Arrays.toString(gridIndex) + " has rank "
                    + gridIndex.length + ", the array has rank " + meta.rank());
        }
        int[] r = new int[meta.rank()];
        for (int d = 0; d < r.length; d++) {
            if (gridIndex[d] < 0 || gridIndex[d] >= meta.gridSize(d)) {
                throw new IllegalArgumentException("chunk index " + Arrays.toString(gridIndex) + " is outside the grid of "
                        + meta);
            }
            long start = gridIndex[d] * meta.chunk(d);
            r[d] = (int) Math.min(meta.chunk(d), meta.dim(d) - start);
        }
        return r;
    }

    /**
     * Encodes and writes one chunk.
     *
     * @param region little-endian elements of the part of the chunk inside the array ({@link #regionShape}),
     *               C order; edge chunks are padded with the fill value (zero bytes) to the full chunk
     */
    public static void writeChunk(ByteStore store, String path, ZarrArrayMeta meta, long[] gridIndex, byte[] region)
            throws IOException {
        store.put(chunkKey(path, meta, gridIndex), encodeChunk(path, meta, gridIndex, region));
    }

    /** @return the chunk file content of {@link #writeChunk} (pure function of its arguments) */
    public static byte[] encodeChunk(String path, ZarrArrayMeta meta, long[] gridIndex, byte[] region) {
        int[] r = regionShape(meta, gridIndex);
        int es = meta.dtype().size();
        long need = es;
        for (int x : r) {
            need *= x;
        }
        if (region.length != need) {
            throw new IllegalArgumentException("array '" + path + "' chunk " + Arrays.toString(gridIndex) + ": got "
                    + region.length + " bytes, the chunk region " + Arrays.toString(r) + " of " + meta.dtype().code()
                    + " needs " + need);
        }
        int[] c = meta.chunks();
        if (Arrays.equals(r, c)) {
            return meta.codec().encode(region, es);
        }
        if (Arrays.equals(Arrays.copyOfRange(r, 1, r.length), Arrays.copyOfRange(c, 1, c.length))) {
            // short only along the first axis (a movie's last chunk): the region is the chunk's head, zeros follow
            return meta.codec().encodeZeroPadded(region, region.length, meta.chunkBytes(), es);
        }
        byte[] buf = new byte[meta.chunkBytes()];
        pad(region, r, buf, c, es);
        return meta.codec().encode(buf, es);
    }

    /** Writes every chunk of a whole array given as little-endian C-order bytes (metadata must exist). */
    public static void writeArray(ByteStore store, String path, ZarrArrayMeta meta, byte[] whole) throws IOException {
        int es = meta.dtype().size();
        if (whole.length != meta.size() * es) {
            throw new IllegalArgumentException("array '" + path + "': got " + whole.length + " bytes, shape "
                    + Arrays.toString(meta.shape()) + " of " + meta.dtype().code() + " needs " + meta.size() * es);
        }
        forEachChunk(meta, g -> {
            byte[] region = extract(whole, meta, g);
            store.put(chunkKey(path, meta, g), encodeChunk(path, meta, g, region));
        });
    }

    /**
     * Reads a whole array: every chunk of the grid, a missing chunk reading as fill value (zero).
     *
     * @return little-endian C-order bytes of {@code meta.size()} elements
     * @throws ZarrFormatException naming the array when a chunk cannot be decoded or the array exceeds 2 GiB
     */
    public static byte[] readArray(ByteStore store, String path, ZarrArrayMeta meta) throws IOException {
        return readRange(store, path, meta, 0, meta.dim(0));
    }

    /**
     * Reads the slab {@code [start, end)} along the first axis (e.g. a frame range of a movie), decoding only the
     * chunks that overlap it; missing chunks read as zero.
     *
     * @return little-endian C-order bytes of shape {@code (end − start, shape[1], …)}
     */
    public static byte[] readRange(ByteStore store, String path, ZarrArrayMeta meta, long start, long end)
            throws IOException {
        if (start < 0 || end < start || end > meta.dim(0)) {
            throw new IllegalArgumentException("array '" + path + "': range [" + start + ", " + end
                    + ") is outside [0, " + meta.dim(0) + ")");
        }
        int es = meta.dtype().size();
        long total = meta.size() / Math.max(1, meta.dim(0)) * (end - start) * es;
        if (meta.dim(0) == 0) {
            total = 0;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new ZarrFormatException("array '" + path + "': " + total + " bytes are too many to read at once");
        }
        byte[] out = new byte[(int) total];
        if (total == 0) {
            return out;
        }
        int chunkBytes = meta.chunkBytes();
        int c0 = meta.chunk(0);
        forEachChunk(meta, g -> {
            long rowStart = g[0] * c0;
            if (rowStart >= end || rowStart + c0 <= start) {
                return;
            }
            String k = chunkKey(path, meta, g);
            byte[] enc = store.get(k);
            if (enc == null) {
                return;
            }
            byte[] buf = meta.codec().decode(enc, chunkBytes, k);
            place(buf, meta, g, out, start, end);
        });
        return out;
    }

    /** Reads and decodes one chunk buffer (full chunk size), or null when its file is missing. */
    public static byte[] readChunk(ByteStore store, String path, ZarrArrayMeta meta, long[] gridIndex)
            throws IOException {
        String k = chunkKey(path, meta, gridIndex);
        byte[] enc = store.get(k);
        return enc == null ? null : meta.codec().decode(enc, meta.chunkBytes(), k);
    }

    interface ChunkVisitor {
        void visit(long[] gridIndex) throws IOException;
    }

    static void forEachChunk(ZarrArrayMeta meta, ChunkVisitor v) throws IOException {
        int n = meta.rank();
        long[] g = new long[n];
        for (int d = 0; d < n; d++) {
            if (meta.gridSize(d) == 0) {
                return;
            }
        }
        while (true) {
            v.visit(g.clone());
            int d = n - 1;
            while (d >= 0) {
                g[d]++;
                if (g[d] < meta.gridSize(d)) {
                    break;
                }
                g[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** Copies the chunk's region of the whole array into a dense region buffer. */
    private static byte[] extract(byte[] whole, ZarrArrayMeta meta, long[] g) {
        int[] r = regionShape(meta, g);
        int es = meta.dtype().size();
        long n = es;
        for (int x : r) {
            n *= x;
        }
        byte[] region = new byte[(int) n];
        gather(whole, meta, g, region, r, es);
        return region;
    }

    /** Scatters a decoded full chunk buffer into the slab {@code [start, end)} (first axis) of the array. */
    private static void place(byte[] chunkBuf, ZarrArrayMeta meta, long[] g, byte[] out, long start, long end) {
        int[] r = regionShape(meta, g);
        int es = meta.dtype().size();
        int n = meta.rank();
        int[] c = meta.chunks();
        long[] wStride = new long[n];
        long[] cStride = new long[n];
        wStride[n - 1] = es;
        cStride[n - 1] = es;
        for (int d = n - 2; d >= 0; d--) {
            wStride[d] = wStride[d + 1] * meta.dim(d + 1);
            cStride[d] = cStride[d + 1] * c[d + 1];
        }
        long row0 = g[0] * c[0];
        long base = (row0 - start) * wStride[0];
        for (int d = 1; d < n; d++) {
            base += g[d] * c[d] * wStride[d];
        }
        int rowBytes = r[n - 1] * es;
        if (n == 1) {
            long from = Math.max(start, row0), to = Math.min(end, row0 + r[0]);
            System.arraycopy(chunkBuf, (int) ((from - row0) * es), out, (int) ((from - start) * es),
                    (int) ((to - from) * es));
            return;
        }
        int[] idx = new int[n];
        while (true) {
            long row = row0 + idx[0];
            if (row >= start && row < end) {
                long wo = base, co = 0;
                for (int d = 0; d < n - 1; d++) {
                    wo += idx[d] * wStride[d];
                    co += idx[d] * cStride[d];
                }
                System.arraycopy(chunkBuf, (int) co, out, (int) wo, rowBytes);
            }
            if (!next(idx, r, n - 1)) {
                return;
            }
        }
    }

    /** Copies the chunk's region of the whole array into a dense region buffer, row by row. */
    private static void gather(byte[] whole, ZarrArrayMeta meta, long[] g, byte[] region, int[] r, int es) {
        int n = meta.rank();
        long[] wStride = new long[n];
        long[] rStride = new long[n];
        wStride[n - 1] = es;
        rStride[n - 1] = es;
        for (int d = n - 2; d >= 0; d--) {
            wStride[d] = wStride[d + 1] * meta.dim(d + 1);
            rStride[d] = rStride[d + 1] * r[d + 1];
        }
        long base = 0;
        for (int d = 0; d < n; d++) {
            base += g[d] * meta.chunk(d) * wStride[d];
        }
        int rowBytes = r[n - 1] * es;
        if (rowBytes == 0) {
            return;
        }
        int[] idx = new int[n];
        while (true) {
            long wo = base, ro = 0;
            for (int d = 0; d < n - 1; d++) {
                wo += idx[d] * wStride[d];
                ro += idx[d] * rStride[d];
            }
            System.arraycopy(whole, (int) wo, region, (int) ro, rowBytes);
            if (!next(idx, r, n - 1)) {
                return;
            }
        }
    }

    /** Copies a dense box {@code src} of shape r into a zeroed buffer of shape c ⊇ r, at the origin. */
    private static void pad(byte[] src, int[] r, byte[] dst, int[] c, int es) {
        int n = r.length;
        long[] rs = new long[n];
        long[] cs = new long[n];
        rs[n - 1] = es;
        cs[n - 1] = es;
        for (int d = n - 2; d >= 0; d--) {
            rs[d] = rs[d + 1] * r[d + 1];
            cs[d] = cs[d + 1] * c[d + 1];
        }
        int rowBytes = r[n - 1] * es;
        for (int x : r) {
            if (x == 0) {
                return;
            }
        }
        int[] idx = new int[n];
        while (true) {
            long ro = 0, co = 0;
            for (int d = 0; d < n - 1; d++) {
                ro += idx[d] * rs[d];
                co += idx[d] * cs[d];
            }
            System.arraycopy(src, (int) ro, dst, (int) co, rowBytes);
            if (!next(idx, r, n - 1)) {
                return;
            }
        }
    }

    /** Advances a multi-index over the first {@code dims} dimensions of {@code r}; false when done. */
    private static boolean next(int[] idx, int[] r, int dims) {
        int d = dims - 1;
        while (d >= 0) {
            idx[d]++;
            if (idx[d] < r[d]) {
                return true;
            }
            idx[d] = 0;
            d--;
        }
        return false;
    }
}
