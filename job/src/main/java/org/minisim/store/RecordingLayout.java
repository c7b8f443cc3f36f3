package org.minisim.store;

import org.minisim.spec.Output;

/** STAND-IN until branch {@code store} lands (deleted then). */
public final class RecordingLayout {
    private RecordingLayout() {}

    public static int observedChunkFrames(int h, int w, Output.StoreDtype dtype) {
        throw new UnsupportedOperationException("stand-in: RecordingLayout.observedChunkFrames");
    }
}
