package org.minisim.recording.io;

import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ZarrDtype;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minisim.render.FrameSink;

/**
 * A {@link FrameSink} that turns rendered blocks of any size into whole zarr chunks: it buffers at most one
 * chunk per array (observed and each snapshot stage) and writes each chunk through a
 * {@link RecordingStoreWriter} as soon as it is complete. A Spark task renders a chunk-aligned frame range
 * {@code [t0, t1)} into one sink and calls {@link #finish()}; the bytes written do not depend on the block size.
 * Memory: one chunk per array, allocated once and reused for every chunk of the range — float32 for an
 * {@code <f4} observed array (the values are cast when they arrive, exactly as the store would cast them, so the
 * bytes are unchanged), float64 otherwise. Copies every block it receives (the renderer reuses its arrays). The
 * arrays' metadata must already exist in the store (driver).
 */
public final class ChunkWritingSink implements FrameSink {

    private final RecordingStoreWriter writer;
    private final int t0;
    private final int t1;
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();

    /** One array's current chunk. */
    private static final class Buffer {
        final ZarrArrayMeta meta;
        final int frameLen;
        /** The chunk is held as float32: the {@code <f4} observed array. */
        final boolean float32;
        int next; // next frame expected
        int chunk = -1;
        /** The current chunk's values (float64 arrays), reused while the chunk length stays the same. */
        double[] doubles;
        /** The current chunk's values cast to float32 ({@link #float32} arrays), reused likewise. */
        float[] floats;

        Buffer(ZarrArrayMeta meta, int start, boolean float32) {
            this.meta = meta;
            this.frameLen = (int) (meta.dim(1) * meta.dim(2));
            this.float32 = float32;
            this.next = start;
        }

        /** Starts chunk {@code c} of {@code values} values, reusing the arrays when the length matches. */
        void start(int c, int values) {
            chunk = c;
            if (float32 && (floats == null || floats.length != values)) {
                floats = new float[values];
            } else if (!float32 && (doubles == null || doubles.length != values)) {
                doubles = new double[values];
            }
        }

        /** Copies {@code len} values of {@code src} from {@code from} into the chunk at {@code at}. */
        void put(double[] src, int from, int at, int len) {
            if (float32) {
                float[] f = floats;
                for (int k = 0; k < len; k++) {
                    f[at + k] = (float) src[from + k];
                }
            } else {
                System.arraycopy(src, from, doubles, at, len);
            }
        }
    }

    /**
     * @param writer writer of the target store
     * @param t0     first frame of the task's range; a multiple of the chunk length
     * @param t1     end of the range; a multiple of the chunk length, or the movie's frame count
     */
    public ChunkWritingSink(RecordingStoreWriter writer, int t0, int t1) {
        this.writer = writer;
        this.t0 = t0;
        this.t1 = t1;
        buffer(RecordingLayout.OBSERVED);
    }

    private Buffer buffer(String path) {
        Buffer b = buffers.get(path);
        if (b == null) {
            ZarrArrayMeta meta;
            try {
                meta = writer.movieMeta(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int cf = meta.chunk(0);
            long nf = meta.dim(0);
            if (t0 < 0 || t1 < t0 || t1 > nf || t0 % cf != 0 || (t1 % cf != 0 && t1 != nf)) {
                throw new IllegalArgumentException("frame range [" + t0 + ", " + t1 + ") is not aligned with the "
                        + cf + "-frame chunks of '" + path + "' (" + nf + " frames)");
            }
            b = new Buffer(meta, t0, path.equals(RecordingLayout.OBSERVED) && meta.dtype() == ZarrDtype.F4);
            buffers.put(path, b);
        }
        return b;
    }

    @Override
    public void observed(int from, int to, double[] frames) {
        accept(RecordingLayout.OBSERVED, from, to, frames, -1, -1);
    }

    @Override
    public void snapshot(String stage, int from, int to, int height, int width, double[] frames) {
        accept(RecordingStoreWriter.snapshotPath(stage), from, to, frames, height, width);
    }

    private void accept(String path, int from, int to, double[] frames, int height, int width) {
        Buffer b = buffer(path);
        if (height >= 0 && (height != b.meta.dim(1) || width != b.meta.dim(2))) {
            throw new IllegalArgumentException("'" + path + "' frames are " + b.meta.dim(1) + " x " + b.meta.dim(2)
                    + ", got " + height + " x " + width);
        }
        if (from != b.next || to < from || to > t1) {
            throw new IllegalArgumentException("'" + path + "': got frames [" + from + ", " + to + "), expected the next "
                    + "block to start at " + b.next + " and end by " + t1);
        }
        if (frames.length < (long) (to - from) * b.frameLen) {
            throw new IllegalArgumentException("'" + path + "': block [" + from + ", " + to + ") holds "
                    + frames.length + " values, needs " + (long) (to - from) * b.frameLen);
        }
        int cf = b.meta.chunk(0);
        int nf = (int) b.meta.dim(0);
        int t = from;
        while (t < to) {
            int c = t / cf;
            int cStart = c * cf;
            int cEnd = Math.min(nf, cStart + cf);
            if (b.chunk != c) {
                b.start(c, (cEnd - cStart) * b.frameLen);
            }
            int upTo = Math.min(to, cEnd);
            b.put(frames, (t - from) * b.frameLen, (t - cStart) * b.frameLen, (upTo - t) * b.frameLen);
            t = upTo;
            if (t == cEnd) {
                write(path, c, b);
                b.chunk = -1;
            }
        }
        b.next = to;
    }

    private void write(String path, int chunk, Buffer b) {
        try {
            if (b.float32) {
                writer.writeObservedChunk(chunk, b.floats);
            } else if (path.equals(RecordingLayout.OBSERVED)) {
                writer.writeObservedChunk(chunk, b.doubles);
            } else {
                writer.writeSnapshotChunk(path.substring(RecordingLayout.SNAPSHOTS.length() + 1), chunk, b.doubles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing chunk " + chunk + " of '" + path + "' to "
                    + writer.store().location() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that every array received every frame of the range (so every chunk of the range was written).
     *
     * @throws IllegalStateException naming the array and the first missing frame
     */
    public void finish() {
        for (Map.Entry<String, Buffer> e : buffers.entrySet()) {
            if (e.getValue().next != t1) {
                throw new IllegalStateException("'" + e.getKey() + "' received frames up to " + e.getValue().next
                        + " of [" + t0 + ", " + t1 + ")");
            }
        }
    }

    @Override
    public String toString() {
        return "ChunkWritingSink[" + t0 + ", " + t1 + ") " + Arrays.toString(buffers.keySet().toArray());
    }
}
