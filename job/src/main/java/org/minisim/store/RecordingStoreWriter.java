package org.minisim.store;

import java.io.IOException;
import java.util.List;
import org.minisim.recording.GroundTruth;
import org.minisim.spec.Output;

/** STAND-IN until branch {@code store} lands (deleted then). */
public final class RecordingStoreWriter {
    public RecordingStoreWriter(ByteStore store, ChunkCodec codec) {}

    public void createObserved(int nFrames, int h, int w, Output.StoreDtype dtype, int chunkFrames)
            throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void createSnapshot(String stage, int nFrames, int h, int w, int chunkFrames) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void writeObservedChunk(int chunkIndex, double[] frames) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void writeSnapshotChunk(String stage, int chunkIndex, double[] frames) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void writeGroundTruth(GroundTruth gt) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void writeSpecJson(String json) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void commit(String cacheKey, List<String> gtPresent, List<String> snapshotNames) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public static boolean isComplete(ByteStore store) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
