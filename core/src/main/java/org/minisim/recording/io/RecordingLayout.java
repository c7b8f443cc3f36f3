package org.minisim.recording.io;

import org.minisim.store.ZarrDtype;
import org.minisim.recording.io.RecordingStoreWriter;
import java.util.List;

/** Names and chunking rules of a saved recording (docs/store-format.md, format_version 2). */
public final class RecordingLayout {

    private RecordingLayout() {}

    /** The on-disk format this code reads and writes. */
    public static final int FORMAT_VERSION = 2;
    /** Commit marker at the store root, written last (after the root {@code .zattrs}). */
    public static final String COMMIT_MARKER = ".minisim-complete";
    public static final String SPEC_JSON = "spec.json";
    public static final String OBSERVED = "observed";
    public static final String GROUND_TRUTH = "ground_truth";
    public static final String PLANTED = "ground_truth/planted";
    public static final String SNAPSHOTS = "snapshots";
    /** The six ground-truth arrays every store holds, in write order. */
    public static final List<String> REQUIRED_GT = List.of("C", "S", "centers_um", "amplitude_per_cell",
            "in_focus", "detectable");
    /** Target uncompressed size of one frame-range chunk, bytes (8 MiB). */
    public static final long TARGET_CHUNK_BYTES = 8L << 20;

    /**
     * The chunk length along frames of a movie array, as a function of the frame size only (never of a job's
     * partitioning): the most frames whose uncompressed chunk stays within 8 MiB, at least 1. A Spark job
     * should make its frame ranges multiples of this so each task writes whole chunks; it should pass the same
     * value to {@link RecordingStoreWriter#createSnapshot} so the snapshots are chunked like observed.
     *
     * @param h     frame rows, px
     * @param w     frame columns, px
     * @param dtype {@code "<f4"} or {@code "<f8"}
     */
    public static int observedChunkFrames(int h, int w, String dtype) {
        if (h < 0 || w < 0) {
            throw new IllegalArgumentException("frame size must be non-negative: " + h + " x " + w);
        }
        long frameBytes = (long) Math.max(1, h) * Math.max(1, w) * ZarrDtype.floatOf(dtype).size();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TARGET_CHUNK_BYTES / frameBytes));
    }

    /**
     * @param specStoreDtype the spec's {@code output.store_dtype}: {@code "float32"} or {@code "float64"}
     * @return the zarr dtype of {@code observed}: {@code "<f4"} or {@code "<f8"}
     */
    public static String observedDtype(String specStoreDtype) {
        return switch (specStoreDtype == null ? "" : specStoreDtype) {
            case "float32" -> "<f4";
            case "float64" -> "<f8";
            default -> throw new IllegalArgumentException("output.store_dtype must be \"float32\" or \"float64\", got "
                    + specStoreDtype);
        };
    }

    /** @return the number of frame-range chunks of a movie of {@code nFrames} frames (0 for an empty movie) */
    public static int chunkCount(int nFrames, int chunkFrames) {
        if (nFrames < 0 || chunkFrames < 1) {
            throw new IllegalArgumentException("nFrames " + nFrames + " / chunkFrames " + chunkFrames);
        }
        return (int) (((long) nFrames + chunkFrames - 1) / chunkFrames);
    }

    /**
     * Chunks of a ground-truth or planted array: the whole array in one chunk when it fits 8 MiB, else
     * ranges along the first axis of at most 8 MiB (at least one row); zero-length dimensions get length 1.
     */
    public static int[] smallArrayChunks(long[] shape, int elemSize) {
        return smallArrayChunks(shape, elemSize, TARGET_CHUNK_BYTES);
    }

    /** Target uncompressed size of one chunk of a per-unit trace array ({@code C}, {@code S}, bleaching), bytes. */
    public static final long UNIT_ROWS_CHUNK_BYTES = 2L << 20;

    /**
     * Chunks of an (N, F) per-unit trace array: blocks of whole unit rows of at most 2 MiB (at least one row), so
     * a writer regenerating the rows holds little at a time.
     */
    public static int[] unitRowChunks(long nUnits, long nFrames) {
        return smallArrayChunks(new long[] {nUnits, nFrames}, 8, UNIT_ROWS_CHUNK_BYTES);
    }

    private static int[] smallArrayChunks(long[] shape, int elemSize, long targetBytes) {
        int[] c = new int[shape.length];
        long rowBytes = elemSize;
        for (int d = 0; d < shape.length; d++) {
            c[d] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, shape[d]));
            if (d > 0) {
                rowBytes *= c[d];
            }
        }
        if (shape.length > 0 && rowBytes * c[0] > targetBytes) {
            c[0] = (int) Math.max(1, Math.min(c[0], targetBytes / rowBytes));
        }
        return c;
    }
}
