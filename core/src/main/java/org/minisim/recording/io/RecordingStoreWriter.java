package org.minisim.recording.io;

import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ChunkCodec;
import org.minisim.store.ZarrFormatException;
import org.minisim.store.ZarrDtype;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;
import org.minisim.store.ZarrJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.minisim.footprint.FootprintStack;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.StreamedTruth;
import org.minisim.recording.UnitTraceRows;

/**
 * Writes one saved recording (docs/store-format.md, format_version 2) into a {@link ByteStore}. Usable from a Spark
 * driver (metadata) and from tasks (chunks): every chunk write is a pure function of its arguments and writes
 * exactly one key, so a retried task rewrites identical bytes. A task's writer instance needs no call to the
 * {@code create*} methods: it reads an array's {@code .zarray} from the store once, on its first chunk.
 *
 * <p>Order: {@link #createObserved} (which first invalidates a previous commit), {@link #createSnapshot},
 * chunk writes, {@link #writeGroundTruth}, {@link #writeSpecJson}, and {@link #commit} strictly last. A store is
 * {@link #isComplete complete} only after commit, so a half-written store is never mistaken for a recording.
 * Not thread-safe (one instance per thread).
 */
public final class RecordingStoreWriter {

    private static final Pattern CACHE_KEY = Pattern.compile("[0-9a-f]{16}");

    private final ByteStore store;
    private final ChunkCodec codec;
    private final Map<String, ZarrArrayMeta> metaCache = new HashMap<>();

    /**
     * @param store the store root (e.g. {@code <cache_key>.zarr})
     * @param codec chunk compressor of every array written
     */
    public RecordingStoreWriter(ByteStore store, ChunkCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** @return the store written to */
    public ByteStore store() {
        return store;
    }

    /**
     * Invalidates any previous commit (deletes the commit marker, then the root {@code .zattrs}) and writes the
     * root {@code .zgroup}. Called by {@link #createObserved}; idempotent.
     */
    public void begin() throws IOException {
        store.delete(RecordingLayout.COMMIT_MARKER);
        store.delete(".zattrs");
        Zarr.createGroup(store, "", null);
    }

    /**
     * Driver: {@link #begin()}, then the {@code observed} array's metadata {@code (nFrames, h, w)}, chunked
     * {@code (chunkFrames, h, w)}.
     *
     * @param dtype       {@code "<f4"} or {@code "<f8"} (the spec's {@code output.store_dtype})
     * @param chunkFrames frames per chunk, ≥ 1 (see {@link RecordingLayout#observedChunkFrames})
     */
    public void createObserved(int nFrames, int h, int w, String dtype, int chunkFrames) throws IOException {
        begin();
        createMovie(RecordingLayout.OBSERVED, nFrames, h, w, ZarrDtype.floatOf(dtype), chunkFrames);
    }

    /**
     * Driver: {@code snapshots/.zgroup} and the metadata of {@code snapshots/<stage>}, {@code <f8}
     * {@code (nFrames, h, w)} chunked {@code (chunkFrames, h, w)}.
     */
    public void createSnapshot(String stage, int nFrames, int h, int w, int chunkFrames) throws IOException {
        checkStage(stage);
        Zarr.createGroup(store, RecordingLayout.SNAPSHOTS, null);
        createMovie(snapshotPath(stage), nFrames, h, w, ZarrDtype.F8, chunkFrames);
    }

    private void createMovie(String path, int nFrames, int h, int w, ZarrDtype dtype, int chunkFrames)
            throws IOException {
        if (nFrames < 0 || h < 0 || w < 0) {
            throw new IllegalArgumentException("array '" + path + "': negative shape (" + nFrames + ", " + h + ", "
                    + w + ")");
        }
        if (chunkFrames < 1) {
            throw new IllegalArgumentException("array '" + path + "': chunkFrames must be >= 1, got " + chunkFrames);
        }
        int cf = nFrames == 0 ? 1 : chunkFrames;
        ZarrArrayMeta meta = new ZarrArrayMeta(new long[] {nFrames, h, w},
                new int[] {cf, Math.max(1, h), Math.max(1, w)}, dtype, codec);
        Zarr.createArray(store, path, meta);
        metaCache.put(path, meta);
    }

    /**
     * Task: encodes and writes chunk {@code chunkIndex} of {@code observed} (frames
     * {@code [chunkIndex·chunkFrames, …)}), cast to the array's dtype.
     *
     * @param frames {@code (framesInChunk, h, w)} row-major; the last chunk may hold fewer frames
     */
    public void writeObservedChunk(int chunkIndex, double[] frames) throws IOException {
        writeMovieChunk(RecordingLayout.OBSERVED, chunkIndex, frames);
    }

    /** Task: like {@link #writeObservedChunk} for {@code snapshots/<stage>} (float64). */
    public void writeSnapshotChunk(String stage, int chunkIndex, double[] frames) throws IOException {
        checkStage(stage);
        writeMovieChunk(snapshotPath(stage), chunkIndex, frames);
    }

    /**
     * Task: like {@link #writeObservedChunk(int, double[])} for an {@code observed} array of dtype {@code <f4},
     * from values already cast to float32: the bytes written are identical to those of the double overload
     * given the same values before the cast.
     *
     * @param frames {@code (framesInChunk, h, w)} row-major float32 values
     * @throws IllegalStateException when {@code observed} is not {@code <f4}
     */
    public void writeObservedChunk(int chunkIndex, float[] frames) throws IOException {
        String path = RecordingLayout.OBSERVED;
        ZarrArrayMeta meta = meta(path);
        if (meta.dtype() != ZarrDtype.F4) {
            throw new IllegalStateException("array '" + path + "' is " + meta.dtype().code()
                    + ", float32 chunks need <f4");
        }
        Zarr.writeChunk(store, path, meta, checkedChunk(path, meta, chunkIndex, frames.length),
                ZarrDtype.fromFloats(frames));
    }

    private void writeMovieChunk(String path, int chunkIndex, double[] frames) throws IOException {
        ZarrArrayMeta meta = meta(path);
        Zarr.writeChunk(store, path, meta, checkedChunk(path, meta, chunkIndex, frames.length),
                meta.dtype().encode(frames, 0, frames.length));
    }

    /** @return the grid index of movie chunk {@code chunkIndex}, after checking it exists and holds {@code values} */
    private static long[] checkedChunk(String path, ZarrArrayMeta meta, int chunkIndex, int values) {
        long nChunks = meta.gridSize(0);
        if (chunkIndex < 0 || chunkIndex >= nChunks) {
            throw new IllegalArgumentException("array '" + path + "': chunk index " + chunkIndex + " is outside [0, "
                    + nChunks + ") for " + meta.dim(0) + " frames in chunks of " + meta.chunk(0));
        }
        long[] g = {chunkIndex, 0, 0};
        int[] r = Zarr.regionShape(meta, g);
        long need = (long) r[0] * r[1] * r[2];
        if (values != need) {
            throw new IllegalArgumentException("array '" + path + "' chunk " + chunkIndex + ": got " + values
                    + " values, expected " + r[0] + " frames x " + r[1] + " x " + r[2] + " = " + need);
        }
        return g;
    }

    /** @return the metadata of a movie array (observed or a snapshot), read once from the store and cached */
    ZarrArrayMeta movieMeta(String path) throws IOException {
        return meta(path);
    }

    private ZarrArrayMeta meta(String path) throws IOException {
        ZarrArrayMeta m = metaCache.get(path);
        if (m == null) {
            m = Zarr.readMeta(store, path);
            if (m == null) {
                throw new IllegalStateException("array '" + path + "' has no .zarray in " + store.location()
                        + ": create it (driver) before writing chunks");
            }
            if (m.rank() != 3) {
                throw new IllegalStateException("array '" + path + "' in " + store.location() + " is not a movie");
            }
            metaCache.put(path, m);
        }
        return m;
    }

    /**
     * Writes the {@code ground_truth} group: the six required arrays, each non-null optional array in canonical
     * order, the {@code planted} group with its attributes, and the {@code focal_depth_um} attribute.
     *
     * @throws IllegalArgumentException naming the array whose length does not match its shape
     */
    public void writeGroundTruth(GroundTruth gt) throws IOException {
        if (gt.c() == null || gt.s() == null) {
            throw new IllegalArgumentException("ground truth without C/S arrays: write it as a StreamedTruth");
        }
        writeGroundTruth(gt.withTraces(null, null, null), UnitTraceRows.of(gt), gt.presentOptional());
    }

    /**
     * Writes the {@code ground_truth} group of a streamed truth (the same files as {@link
     * #writeGroundTruth(GroundTruth)}): the {@code (N, F)} arrays {@code C}, {@code S} and {@code bleaching} are
     * written one chunk (a block of units, ≤ {@link RecordingLayout#UNIT_ROWS_CHUNK_BYTES}) at a time, so memory is
     * one chunk, not N·F values.
     */
    public void writeGroundTruth(StreamedTruth truth) throws IOException {
        writeGroundTruth(truth.statics(), truth.traces(), truth.presentOptional());
    }

    /** Writes the group from the truth's statics, its unit rows and the optional arrays present. */
    private void writeGroundTruth(GroundTruth gt, UnitTraceRows rows, List<String> present) throws IOException {
        int n = gt.nUnits();
        String g = RecordingLayout.GROUND_TRUTH;
        Zarr.createGroup(store, g, null);
        writeUnitRows(g + "/C", rows, (u0, u1, dst) -> rows.fill(u0, u1, dst, null, null));
        writeUnitRows(g + "/S", rows, (u0, u1, dst) -> rows.fill(u0, u1, null, dst, null));
        writeSmall(g + "/centers_um", new long[] {n, 3}, ZarrDtype.F8, gt.centersUm());
        writeSmall(g + "/amplitude_per_cell", new long[] {n}, ZarrDtype.F8, gt.amplitudePerCell());
        writeBool(g + "/in_focus", n, gt.inFocus());
        writeBool(g + "/detectable", n, gt.detectable());
        for (String name : present) {
            if (name.equals("bleaching")) {
                writeUnitRows(g + "/" + name, rows, (u0, u1, dst) -> rows.fill(u0, u1, null, null, dst));
            } else {
                writeSmall(g + "/" + name, gt.optionalShape(name), ZarrDtype.F8, gt.optional(name));
            }
        }
        FootprintStack planted = gt.planted();
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("canvas_shape", List.of(gt.canvasHeight(), gt.canvasWidth()));
        attrs.put("fov_offset", List.of(gt.fovTop(), gt.fovLeft()));
        attrs.put("fov_shape", List.of(gt.fovHeight(), gt.fovWidth()));
        String p = RecordingLayout.PLANTED;
        Zarr.createGroup(store, p, attrs);
        writeRaw(p + "/offsets", new long[] {n, 2}, ZarrDtype.I4, ZarrDtype.fromInts(planted.offsets()));
        writeRaw(p + "/shapes", new long[] {n, 2}, ZarrDtype.I4, ZarrDtype.fromInts(planted.shapes()));
        float[] data = planted.data();
        writeRaw(p + "/data", new long[] {data.length}, ZarrDtype.F4, ZarrDtype.fromFloats(data));
        Map<String, Object> gAttrs = new LinkedHashMap<>();
        gAttrs.put("focal_depth_um", gt.focalDepthUm());
        Zarr.writeAttributes(store, g, gAttrs);
    }

    /** Fills rows of units {@code [u0, u1)} of one (N, F) array into {@code dst} from index 0. */
    private interface RowFiller {
        void fill(int u0, int u1, double[] dst);
    }

    /** Writes an (N, F) float64 array chunk by chunk (blocks of whole unit rows), filling one chunk at a time. */
    private void writeUnitRows(String path, UnitTraceRows rows, RowFiller filler) throws IOException {
        long[] shape = {rows.nUnits(), rows.nFrames()};
        ZarrArrayMeta meta = new ZarrArrayMeta(shape, RecordingLayout.unitRowChunks(shape[0], shape[1]),
                ZarrDtype.F8, codec);
        Zarr.createArray(store, path, meta);
        if (meta.size() == 0) {
            return; // a zero-length dimension: no chunk files
        }
        int f = rows.nFrames();
        int perChunk = meta.chunk(0);
        double[] buf = new double[Math.multiplyExact(Math.min(perChunk, rows.nUnits()), f)];
        for (long k = 0; k < meta.gridSize(0); k++) {
            int u0 = (int) (k * perChunk), u1 = (int) Math.min(rows.nUnits(), u0 + (long) perChunk);
            filler.fill(u0, u1, buf);
            int len = (u1 - u0) * f;
            Zarr.writeChunk(store, path, meta, new long[] {k, 0}, ZarrDtype.F8.encode(buf, 0, len));
        }
    }

    private void writeSmall(String path, long[] shape, ZarrDtype dtype, double[] values) throws IOException {
        if (values == null) {
            throw new IllegalArgumentException("array '" + path + "' is null");
        }
        long need = 1;
        for (long s : shape) {
            need *= s;
        }
        if (values.length != need) {
            throw new IllegalArgumentException("array '" + path + "' holds " + values.length + " values, shape "
                    + java.util.Arrays.toString(shape) + " needs " + need);
        }
        writeRaw(path, shape, dtype, dtype.encode(values, 0, values.length));
    }

    private void writeBool(String path, int n, boolean[] values) throws IOException {
        if (values == null || values.length != n) {
            throw new IllegalArgumentException("array '" + path + "' holds " + (values == null ? "null" : values.length
                    + " values") + ", expected " + n);
        }
        writeRaw(path, new long[] {n}, ZarrDtype.B1, ZarrDtype.fromBooleans(values));
    }

    private void writeRaw(String path, long[] shape, ZarrDtype dtype, byte[] bytes) throws IOException {
        ZarrArrayMeta meta = new ZarrArrayMeta(shape, RecordingLayout.smallArrayChunks(shape, dtype.size()), dtype,
                codec);
        Zarr.createArray(store, path, meta);
        Zarr.writeArray(store, path, meta, bytes);
    }

    /** Writes {@code spec.json} (UTF-8, as given: the spec serialised with 2-space indentation). */
    public void writeSpecJson(String prettySpecJson) throws IOException {
        store.put(RecordingLayout.SPEC_JSON, prettySpecJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Commits the store, strictly after every other write: checks that what the attributes announce exists,
     * writes the root {@code .zattrs} ({@code format_version} 2, {@code spec_cache_key}, {@code gt_present},
     * {@code snapshot_names} sorted by code point), then the commit marker.
     *
     * @param cacheKey      16 lowercase hex characters
     * @param gtPresent     optional ground-truth arrays written, canonical order
     * @param snapshotNames stored snapshot stages (any order; stored sorted)
     * @throws IllegalArgumentException for a malformed key, an unknown or out-of-order gt name
     * @throws IllegalStateException    when spec.json, observed, the ground truth or a named array is missing
     */
    public void commit(String cacheKey, List<String> gtPresent, List<String> snapshotNames) throws IOException {
        if (cacheKey == null || !CACHE_KEY.matcher(cacheKey).matches()) {
            throw new IllegalArgumentException("spec_cache_key must be 16 lowercase hex characters, got " + cacheKey);
        }
        int last = -1;
        for (String name : gtPresent) {
            int at = GroundTruth.OPTIONAL_ORDER.indexOf(name);
            if (at < 0) {
                throw new IllegalArgumentException("gt_present name '" + name + "' is not an optional ground-truth array "
                        + GroundTruth.OPTIONAL_ORDER);
            }
            if (at <= last) {
                throw new IllegalArgumentException("gt_present " + gtPresent + " is not in canonical order "
                        + GroundTruth.OPTIONAL_ORDER);
            }
            last = at;
        }
        List<String> snaps = new ArrayList<>(new java.util.TreeSet<>(snapshotNames));
        requireKey(RecordingLayout.SPEC_JSON);
        requireKey(RecordingLayout.OBSERVED + "/.zarray");
        requireKey(RecordingLayout.PLANTED + "/.zattrs");
        for (String r : RecordingLayout.REQUIRED_GT) {
            requireKey(RecordingLayout.GROUND_TRUTH + "/" + r + "/.zarray");
        }
        for (String name : gtPresent) {
            requireKey(RecordingLayout.GROUND_TRUTH + "/" + name + "/.zarray");
        }
        for (String s : snaps) {
            checkStage(s);
            requireKey(snapshotPath(s) + "/.zarray");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format_version", RecordingLayout.FORMAT_VERSION);
        root.put("spec_cache_key", cacheKey);
        root.put("gt_present", List.copyOf(gtPresent));
        root.put("snapshot_names", snaps);
        Zarr.writeAttributes(store, "", root);
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("format_version", RecordingLayout.FORMAT_VERSION);
        marker.put("spec_cache_key", cacheKey);
        store.put(RecordingLayout.COMMIT_MARKER, ZarrJson.write(marker));
    }

    private void requireKey(String key) throws IOException {
        if (!store.exists(key)) {
            throw new IllegalStateException("cannot commit " + store.location() + ": '" + key + "' was not written");
        }
    }

    /**
     * @return whether the store is committed: the commit marker and the root attributes are present and agree on
     *         format_version 2 and the cache key. A half-written store is never complete.
     */
    public static boolean isComplete(ByteStore store) throws IOException {
        byte[] m = store.get(RecordingLayout.COMMIT_MARKER);
        byte[] a = store.get(".zattrs");
        if (m == null || a == null) {
            return false;
        }
        try {
            Map<String, Object> marker = ZarrJson.readObject(m, RecordingLayout.COMMIT_MARKER);
            Map<String, Object> attrs = ZarrJson.readObject(a, ".zattrs");
            return marker.get("format_version") instanceof Number v && v.doubleValue() == RecordingLayout.FORMAT_VERSION
                    && attrs.get("format_version") instanceof Number w
                    && w.doubleValue() == RecordingLayout.FORMAT_VERSION
                    && marker.get("spec_cache_key") != null
                    && marker.get("spec_cache_key").equals(attrs.get("spec_cache_key"));
        } catch (ZarrFormatException e) {
            return false;
        }
    }

    /**
     * In-memory path: saves a whole recording to a local directory atomically
     * (docs/store-format.md#writing-and-the-commit-marker) — writes {@code <target>.tmp} (deleted first if present),
     * commits it, deletes {@code target} if present, then renames the tmp directory to {@code target}. Readers see
     * either no store or a complete one.
     *
     * @param observed  {@code (nFrames, h, w)} float64, cast to {@code dtype}
     * @param dtype     {@code "<f4"} or {@code "<f8"}
     * @param snapshots stage → movie (may be empty)
     */
    public static void saveAtomically(Path target, String cacheKey, String prettySpecJson, GroundTruth gt,
                                      double[] observed, int nFrames, int h, int w, String dtype,
                                      Map<String, SnapshotData> snapshots, ChunkCodec codec) throws IOException {
        if (observed.length != (long) nFrames * h * w) {
            throw new IllegalArgumentException("array 'observed' holds " + observed.length + " values, shape ("
                    + nFrames + ", " + h + ", " + w + ") needs " + (long) nFrames * h * w);
        }
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling(abs.getFileName().toString() + ".tmp");
        FileByteStore.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        FileByteStore fs = new FileByteStore(tmp);
        RecordingStoreWriter wr = new RecordingStoreWriter(fs, codec);
        int cf = RecordingLayout.observedChunkFrames(h, w, dtype);
        wr.createObserved(nFrames, h, w, dtype, cf);
        wr.writeMovie(RecordingLayout.OBSERVED, new SnapshotData(nFrames, h, w, observed));
        wr.writeGroundTruth(gt);
        Map<String, SnapshotData> sorted = new TreeMap<>(snapshots);
        for (Map.Entry<String, SnapshotData> e : sorted.entrySet()) {
            SnapshotData s = e.getValue();
            wr.createSnapshot(e.getKey(), s.nFrames(), s.height(), s.width(),
                    RecordingLayout.observedChunkFrames(s.height(), s.width(), "<f8"));
            wr.writeMovie(snapshotPath(e.getKey()), s);
        }
        wr.writeSpecJson(prettySpecJson);
        wr.commit(cacheKey, gt.presentOptional(), new ArrayList<>(sorted.keySet()));
        FileByteStore.deleteRecursively(abs);
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeMovie(String path, SnapshotData movie) throws IOException {
        ZarrArrayMeta meta = meta(path);
        int frameLen = movie.height() * movie.width();
        int cf = meta.chunk(0);
        for (int c = 0; c < meta.gridSize(0); c++) {
            int t0 = c * cf;
            int t1 = Math.min(movie.nFrames(), t0 + cf);
            double[] part = java.util.Arrays.copyOfRange(movie.frames(), t0 * frameLen, t1 * frameLen);
            writeMovieChunk(path, c, part);
        }
    }

    static String snapshotPath(String stage) {
        return RecordingLayout.SNAPSHOTS + "/" + stage;
    }

    private static void checkStage(String stage) {
        if (stage == null || stage.isEmpty() || stage.contains("/") || stage.startsWith(".")) {
            throw new IllegalArgumentException("invalid snapshot stage name '" + stage + "'");
        }
    }
}
