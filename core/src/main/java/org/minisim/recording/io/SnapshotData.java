package org.minisim.recording.io;

/**
 * A movie {@code (nFrames, height, width)} held in memory as float64, row-major: a stage snapshot, or the
 * observed movie of a loaded store.
 *
 * @param nFrames frames F
 * @param height  rows h, px
 * @param width   columns w, px
 * @param frames  F·h·w values, C order
 */
public record SnapshotData(int nFrames, int height, int width, double[] frames) {

    public SnapshotData {
        if (nFrames < 0 || height < 0 || width < 0 || frames.length != (long) nFrames * height * width) {
            throw new IllegalArgumentException("movie of " + frames.length + " values does not have shape ("
                    + nFrames + ", " + height + ", " + width + ")");
        }
    }

    /** @return the shape {F, h, w} */
    public long[] shape() {
        return new long[] {nFrames, height, width};
    }
}
