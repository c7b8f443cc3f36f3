package org.minisim.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.minisim.render.FrameSink;
import org.minisim.store.RecordingStoreWriter;

/**
 * A {@link FrameSink} that gathers rendered blocks into whole zarr chunks (length {@code chunkFrames} along
 * time; the movie's last chunk may be shorter) and writes each chunk once it is full — observed and, when
 * the spec saves intermediates, every snapshot stage. The frame range it serves must start on a chunk
 * boundary and end on one or at the movie's end; {@link #finish()} checks that nothing is left half-filled.
 */
final class ChunkSink implements FrameSink {

    /** Where whole chunks go. */
    interface ChunkWriter {
        void observed(int chunkIndex, double[] frames) throws IOException;

        void snapshot(String stage, int chunkIndex, double[] frames) throws IOException;

        /** @return a writer into a recording store whose arrays exist */
        static ChunkWriter of(RecordingStoreWriter w) {
            return new ChunkWriter() {
                @Override
                public void observed(int chunkIndex, double[] frames) throws IOException {
                    w.writeObservedChunk(chunkIndex, frames);
                }

                @Override
                public void snapshot(String stage, int chunkIndex, double[] frames) throws IOException {
                    w.writeSnapshotChunk(stage, chunkIndex, frames);
                }
            };
        }
    }

    private final ChunkWriter writer;
    private final int chunkFrames;
    private final int nFrames;
    private final Buffer observed = new Buffer(null);
    private final Map<String, Buffer> snapshots = new HashMap<>();
    private int chunksWritten;

    /**
     * @param writer      writes the chunks (metadata already created by the driver)
     * @param chunkFrames chunk length along time
     * @param nFrames     frames of the whole movie
     */
    ChunkSink(ChunkWriter writer, int chunkFrames, int nFrames) {
        this.writer = writer;
        this.chunkFrames = chunkFrames;
        this.nFrames = nFrames;
    }

    @Override
    public void observed(int t0, int t1, double[] frames) {
        observed.accept(t0, t1, frames);
    }

    @Override
    public void snapshot(String stage, int t0, int t1, int height, int width, double[] frames) {
        snapshots.computeIfAbsent(stage, Buffer::new).accept(t0, t1, frames);
    }

    /** @return chunks written so far (all arrays) */
    int chunksWritten() {
        return chunksWritten;
    }

    /** @throws IllegalStateException if a chunk was left incomplete */
    void finish() {
        observed.checkEmpty();
        snapshots.values().forEach(Buffer::checkEmpty);
    }

    /** One array's chunk being filled. */
    private final class Buffer {
        private final String stage;
        private double[] data;
        private int chunk = -1;
        private int filled;
        private int frameSize;

        Buffer(String stage) {
            this.stage = stage;
        }

        void accept(int t0, int t1, double[] frames) {
            int n = t1 - t0;
            if (n <= 0) {
                return;
            }
            int fs = frames.length / n;
            for (int t = t0; t < t1; t++) {
                int c = t / chunkFrames;
                if (c != chunk) {
                    checkEmpty();
                    chunk = c;
                    filled = 0;
                    frameSize = fs;
                    int len = Math.min(chunkFrames, nFrames - c * chunkFrames);
                    if (data == null || data.length != len * fs) {
                        data = new double[len * fs];
                    }
                }
                int at = t - chunk * chunkFrames;
                if (at != filled) {
                    throw new IllegalStateException(name() + ": frame " + t + " arrived out of order");
                }
                System.arraycopy(frames, (t - t0) * fs, data, at * fs, fs);
                filled++;
                if (filled * frameSize == data.length) {
                    write();
                }
            }
        }

        private void write() {
            try {
                if (stage == null) {
                    writer.observed(chunk, data);
                } else {
                    writer.snapshot(stage, chunk, data);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + name() + " chunk " + chunk, e);
            }
            chunksWritten++;
            chunk = -1;
            filled = 0;
        }

        void checkEmpty() {
            if (chunk >= 0 && filled > 0) {
                throw new IllegalStateException(name() + " chunk " + chunk + " left with " + filled + " of its "
                        + data.length / frameSize + " frames: frame ranges must be chunk-aligned");
            }
        }

        private String name() {
            return stage == null ? "observed" : "snapshots/" + stage;
        }
    }
}
