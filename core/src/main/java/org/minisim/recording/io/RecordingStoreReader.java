package org.minisim.recording.io;

import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ZarrFormatException;
import org.minisim.store.ZarrDtype;
import org.minisim.store.ByteStore;
import org.minisim.store.ZarrJson;
import org.minisim.recording.io.RecordingStoreWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minisim.footprint.FootprintStack;
import org.minisim.recording.GroundTruth;

/**
 * Loads a saved recording written by this code or by the Python reference (docs/store-format.md#reading-and-checks):
 * the format_version hard check, the reference's tolerances (missing {@code gt_present}/{@code snapshot_names} = [],
 * missing {@code spec_cache_key} = null, missing {@code focal_depth_um} = null) and its hard failures, each a
 * {@link RecordingFormatException} naming the store and the array or key.
 */
public final class RecordingStoreReader {

    private RecordingStoreReader() {}

    /** Loads every array of the store into memory. */
    public static LoadedStore load(ByteStore store) throws IOException {
        String where = store.location();
        if (!Zarr.isGroup(store, "")) {
            throw new RecordingFormatException("no zarr group at " + where + " (missing .zgroup): not a saved recording");
        }
        Map<String, Object> root = Zarr.readAttributes(store, "");
        checkFormatVersion(root, where);
        byte[] specBytes = store.get(RecordingLayout.SPEC_JSON);
        if (specBytes == null) {
            throw new RecordingFormatException(where + " has no spec.json");
        }
        String specJson = utf8(specBytes, where);
        try {
            ZarrJson.readObject(specBytes, where + "/spec.json");
        } catch (ZarrFormatException e) {
            throw new RecordingFormatException(e.getMessage(), e);
        }
        Object key = root.get("spec_cache_key");
        String storedKey = key == null ? null : key.toString();
        List<String> gtPresent = stringList(root, "gt_present", where);
        List<String> snapshotNames = stringList(root, "snapshot_names", where);

        // planted and its attributes
        String p = RecordingLayout.PLANTED;
        if (!Zarr.isGroup(store, p)) {
            throw new RecordingFormatException(where + ": group '" + p + "' is missing");
        }
        Map<String, Object> pAttrs = Zarr.readAttributes(store, p);
        int[] canvas = pair(pAttrs, "canvas_shape", where);
        int[] fovOffset = pair(pAttrs, "fov_offset", where);
        int[] fovShape = pair(pAttrs, "fov_shape", where);
        Arr offsets = read(store, p + "/offsets", where, 2);
        Arr shapes = read(store, p + "/shapes", where, 2);
        Arr data = read(store, p + "/data", where, 1);
        requireInt(offsets, where);
        requireInt(shapes, where);
        requireCols(offsets, 2, where);
        requireCols(shapes, 2, where);
        float[] dataF = data.meta.dtype() == ZarrDtype.F4 ? ZarrDtype.toFloats(data.bytes) : toFloats(data, where);
        FootprintStack planted;
        try {
            planted = FootprintStack.fromArrays(ZarrDtype.toInts(offsets.bytes), ZarrDtype.toInts(shapes.bytes), dataF,
                    canvas[0], canvas[1]);
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(where + ": cannot rebuild the planted footprints: " + e.getMessage(), e);
        }
        int n = planted.size();
        int h = fovShape[0], w = fovShape[1];

        String g = RecordingLayout.GROUND_TRUTH;
        Arr c = read(store, g + "/C", where, 2);
        requireFloat(c, where);
        int f = (int) c.meta.dim(1);
        double[] cv = floats(c, where, n, f);
        double[] sv = floats(read(store, g + "/S", where, 2), where, n, f);
        double[] centers = floats(read(store, g + "/centers_um", where, 2), where, n, 3);
        double[] amp = floats(read(store, g + "/amplitude_per_cell", where, 1), where, n);
        boolean[] inFocus = bools(read(store, g + "/in_focus", where, 1), where, n);
        boolean[] detectable = bools(read(store, g + "/detectable", where, 1), where, n);

        Map<String, double[]> opt = new HashMap<>();
        int k = 0;
        for (String name : gtPresent) {
            if (!GroundTruth.OPTIONAL_ORDER.contains(name)) {
                throw new RecordingFormatException(where + ": gt_present names '" + name
                        + "', which is not a ground-truth array " + GroundTruth.OPTIONAL_ORDER);
            }
            if (name.equals("neuropil_temporal") || name.equals("neuropil_spatial")) {
                ZarrArrayMeta m = Zarr.readMeta(store, g + "/" + name);
                if (m != null) {
                    k = (int) m.dim(0);
                }
            }
        }
        for (String name : gtPresent) {
            long[] expect = GroundTruth.optionalShape(name, n, f, k, h, w);
            opt.put(name, floats(read(store, g + "/" + name, where, expect.length), where, expect));
        }
        Map<String, Object> gAttrs = Zarr.readAttributes(store, g);
        Object fd = gAttrs.get("focal_depth_um");
        Double focal = null;
        if (fd instanceof Number num) {
            focal = num.doubleValue();
        } else if (fd != null) {
            throw new RecordingFormatException(where + ": ground_truth attribute focal_depth_um " + fd
                    + " is not a number or null");
        }
        GroundTruth gt = new GroundTruth(planted, fovOffset[0], fovOffset[1], h, w, f, cv, sv, centers, amp, inFocus,
                detectable, opt.get("observed_sigma_px"), opt.get("observed_gain"), opt.get("shifts"),
                opt.get("illumination"), opt.get("vignette"), opt.get("leakage"), opt.get("bleaching"), k,
                opt.get("neuropil_temporal"), opt.get("neuropil_spatial"), opt.get("neuropil_population"),
                opt.get("vasculature_mask"), opt.get("vessel_overlap_fraction"), focal);

        Map<String, SnapshotData> snaps = new TreeMap<>();
        for (String s : snapshotNames) {
            snaps.put(s, movie(read(store, RecordingStoreWriter.snapshotPath(s), where, 3), where));
        }
        Arr obs = read(store, RecordingLayout.OBSERVED, where, 3);
        SnapshotData observed = movie(obs, where);
        boolean committed = store.exists(RecordingLayout.COMMIT_MARKER);
        return new LoadedStore(specJson, storedKey, gt, observed, obs.meta.dtype().code(), snaps, gtPresent,
                snapshotNames, committed);
    }

    /**
     * Reads frames {@code [t0, t1)} of a movie array ({@code "observed"} or {@code "snapshots/<stage>"}) with
     * bounded memory: only the chunks overlapping the range are decoded.
     *
     * @throws RecordingFormatException when the array is missing or not a float movie
     */
    public static SnapshotData readFrames(ByteStore store, String arrayPath, int t0, int t1) throws IOException {
        String where = store.location();
        ZarrArrayMeta meta = Zarr.readMeta(store, arrayPath);
        if (meta == null) {
            throw new RecordingFormatException(where + ": array '" + arrayPath + "' is missing");
        }
        if (meta.rank() != 3 || !meta.dtype().isFloating()) {
            throw new RecordingFormatException(where + ": array '" + arrayPath + "' is not a float movie: " + meta);
        }
        byte[] b = Zarr.readRange(store, arrayPath, meta, t0, t1);
        return new SnapshotData(t1 - t0, (int) meta.dim(1), (int) meta.dim(2), meta.dtype().toDoubles(b));
    }

    /**
     * The hard compatibility check: root {@code format_version} must be numerically 2.
     *
     * @throws RecordingFormatException mentioning {@code format_version}
     */
    static void checkFormatVersion(Map<String, Object> root, String where) {
        Object v = root.get("format_version");
        if (!(v instanceof Number num) || num.doubleValue() != RecordingLayout.FORMAT_VERSION) {
            String shown = v == null ? "absent" : (v instanceof String ? "'" + v + "'" : String.valueOf(v));
            throw new RecordingFormatException("cannot load " + where + ": its on-disk format_version (" + shown
                    + ") is not readable by this minisim, which reads and writes format_version "
                    + RecordingLayout.FORMAT_VERSION + ". The store layout changed incompatibly and there is no "
                    + "migration: re-simulate the spec.");
        }
    }

    private record Arr(String path, ZarrArrayMeta meta, byte[] bytes) {}

    private static Arr read(ByteStore store, String path, String where, int rank) throws IOException {
        ZarrArrayMeta meta;
        try {
            meta = Zarr.readMeta(store, path);
        } catch (ZarrFormatException e) {
            throw new RecordingFormatException(where + ": " + e.getMessage(), e);
        }
        if (meta == null) {
            throw new RecordingFormatException(where + ": array '" + path + "' is missing");
        }
        if (meta.rank() != rank) {
            throw new RecordingFormatException(where + ": array '" + path + "' has rank " + meta.rank() + " (shape "
                    + Arrays.toString(meta.shape()) + "), expected rank " + rank);
        }
        try {
            return new Arr(path, meta, Zarr.readArray(store, path, meta));
        } catch (ZarrFormatException e) {
            throw new RecordingFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static void requireFloat(Arr a, String where) {
        if (!a.meta.dtype().isFloating()) {
            throw new RecordingFormatException(where + ": array '" + a.path + "' has dtype " + a.meta.dtype().code()
                    + ", a float dtype is required");
        }
    }

    private static void requireInt(Arr a, String where) {
        if (a.meta.dtype() != ZarrDtype.I4) {
            throw new RecordingFormatException(where + ": array '" + a.path + "' has dtype " + a.meta.dtype().code()
                    + ", <i4 is required");
        }
    }

    private static void requireCols(Arr a, int cols, String where) {
        if (a.meta.dim(1) != cols) {
            throw new RecordingFormatException(where + ": array '" + a.path + "' has shape "
                    + Arrays.toString(a.meta.shape()) + ", expected (·, " + cols + ")");
        }
    }

    private static void requireShape(Arr a, long[] expect, String where) {
        if (!Arrays.equals(a.meta.shape(), expect)) {
            throw new RecordingFormatException(where + ": array '" + a.path + "' has shape "
                    + Arrays.toString(a.meta.shape()) + ", expected " + Arrays.toString(expect));
        }
    }

    private static double[] floats(Arr a, String where, long... expect) {
        requireFloat(a, where);
        requireShape(a, expect, where);
        return a.meta.dtype().toDoubles(a.bytes);
    }

    private static float[] toFloats(Arr a, String where) {
        requireFloat(a, where);
        double[] d = a.meta.dtype().toDoubles(a.bytes);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    private static boolean[] bools(Arr a, String where, int n) {
        if (a.meta.dtype() != ZarrDtype.B1) {
            throw new RecordingFormatException(where + ": array '" + a.path + "' has dtype " + a.meta.dtype().code()
                    + ", |b1 (bool) is required");
        }
        requireShape(a, new long[] {n}, where);
        return ZarrDtype.toBooleans(a.bytes);
    }

    private static SnapshotData movie(Arr a, String where) {
        requireFloat(a, where);
        long[] s = a.meta.shape();
        return new SnapshotData((int) s[0], (int) s[1], (int) s[2], a.meta.dtype().toDoubles(a.bytes));
    }

    private static int[] pair(Map<String, Object> attrs, String name, String where) {
        Object v = attrs.get(name);
        if (!(v instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Number a)
                || !(l.get(1) instanceof Number b)) {
            throw new RecordingFormatException(where + ": ground_truth/planted attribute '" + name + "' is "
                    + (v == null ? "missing" : v + ", not a pair of integers"));
        }
        return new int[] {a.intValue(), b.intValue()};
    }

    private static List<String> stringList(Map<String, Object> root, String name, String where) {
        Object v = root.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new RecordingFormatException(where + ": root attribute '" + name + "' is " + v + ", not a list");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw new RecordingFormatException(where + ": root attribute '" + name + "' holds a non-string " + o);
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static String utf8(byte[] b, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new RecordingFormatException(where + ": spec.json is not UTF-8", e);
        }
    }
}
