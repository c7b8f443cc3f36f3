package org.minisim.recording.io;

import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ByteStore;
import org.minisim.recording.io.RecordingLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the decoded arrays of two recording stores: every zarr array of either store (found by its
 * {@code .zarray}) must exist in both with the same shape, chunks, dtype and codec, and hold the same decoded
 * bytes (bit-exact, NaN payloads included; a missing chunk decodes as zeros, as zarr reads it). Reads one
 * first-axis chunk slab at a time, so a long movie is compared in bounded memory (one chunk of each store).
 */
public final class StoreDiff {

    /**
     * The outcome of a comparison.
     *
     * @param arrays          every array path compared, sorted (e.g. {@code observed}, {@code ground_truth/C})
     * @param firstDifference null when all arrays are identical, else the first differing array and how
     */
    public record Result(List<String> arrays, String firstDifference) {
        public Result {
            arrays = List.copyOf(arrays);
        }

        /** @return whether every array is identical */
        public boolean identical() {
            return firstDifference == null;
        }

        /** @return the number of compared arrays under {@code ground_truth/} */
        public long groundTruthArrays() {
            return arrays.stream().filter(a -> a.startsWith(RecordingLayout.GROUND_TRUTH + "/")).count();
        }
    }

    private StoreDiff() {}

    /** @return the comparison of every array of {@code a} and {@code b}, stopping at the first difference */
    public static Result compare(ByteStore a, ByteStore b) throws IOException {
        TreeSet<String> pa = arrayPaths(a), pb = arrayPaths(b);
        TreeSet<String> all = new TreeSet<>(pa);
        all.addAll(pb);
        List<String> done = new ArrayList<>();
        for (String path : all) {
            String diff = !pa.contains(path) ? "absent from " + a.location()
                    : !pb.contains(path) ? "absent from " + b.location() : compareArray(a, b, path);
            if (diff != null) {
                return new Result(done, "'" + path + "' " + diff);
            }
            done.add(path);
        }
        return new Result(done, null);
    }

    /** @return the paths of every array in the store (the folders holding a {@code .zarray}), sorted */
    static TreeSet<String> arrayPaths(ByteStore store) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (String key : store.list("")) {
            if (key.equals(".zarray")) {
                out.add("");
            } else if (key.endsWith("/.zarray")) {
                out.add(key.substring(0, key.length() - "/.zarray".length()));
            }
        }
        return out;
    }

    private static String compareArray(ByteStore a, ByteStore b, String path) throws IOException {
        ZarrArrayMeta ma = Zarr.readMeta(a, path), mb = Zarr.readMeta(b, path);
        if (!ma.equals(mb)) {
            return "metadata differs: " + ma + " vs " + mb;
        }
        long rows = ma.dim(0);
        int step = Math.max(1, ma.chunk(0));
        for (long r0 = 0; r0 < rows; r0 += step) {
            long r1 = Math.min(rows, r0 + step);
            byte[] da = Zarr.readRange(a, path, ma, r0, r1), db = Zarr.readRange(b, path, mb, r0, r1);
            int i = Arrays.mismatch(da, db);
            if (i >= 0) {
                long rowBytes = da.length / (r1 - r0);
                return "differs first at index " + (r0 + i / rowBytes) + " along axis 0 (element " + (i % rowBytes)
                        / ma.dtype().size() + " of that row)";
            }
        }
        return null;
    }
}
