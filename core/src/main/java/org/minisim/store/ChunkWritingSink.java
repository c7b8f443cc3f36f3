package org.minisim.store;

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
 * Memory: one chunk of float64 per array. The arrays' metadata must already exist in the store (driver).
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
        int next; // next frame expected
        int chunk = -1;
        double[] data;

        Buffer(ZarrArrayMeta meta, int start) {
            this.meta = meta;
            this.frameLen = (int) (meta.dim(1) * meta.dim(2));
            this.next = start;
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
            b = new Buffer(meta, t0);
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
                b.chunk = c;
                b.data = new double[(cEnd - cStart) * b.frameLen];
            }
            int upTo = Math.min(to, cEnd);
            System.arraycopy(frames, (t - from) * b.frameLen, b.data, (t - cStart) * b.frameLen,
                    (upTo - t) * b.frameLen);
            t = upTo;
            if (t == cEnd) {
                write(path, c, b.data);
                b.data = null;
                b.chunk = -1;
            }
        }
        b.next = to;
    }

    private void write(String path, int chunk, double[] data) {
        try {
            if (path.equals(RecordingLayout.OBSERVED)) {
                writer.writeObservedChunk(chunk, data);
            } else {
                writer.writeSnapshotChunk(path.substring(RecordingLayout.SNAPSHOTS.length() + 1), chunk, data);
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
