package org.minisim.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a movie into frame-range work units {@code [t0, t1)} aligned to the observed zarr chunk length, so
 * that every task writes whole chunks and no two tasks touch the same chunk.
 */
public final class FrameRanges {

    /** Default frames per range task: fits a laptop executor and keeps a cluster busy on a long movie. */
    public static final int DEFAULT_FRAMES_PER_TASK = 256;

    /** One range {@code [t0, t1)}. */
    public record Range(int t0, int t1) {
        public int frames() {
            return t1 - t0;
        }
    }

    private FrameRanges() {}

    /**
     * @param requested   requested frames per task (≥ 1)
     * @param chunkFrames the observed chunk length (≥ 1)
     * @return {@code requested} rounded up to a multiple of the chunk length
     */
    public static int alignedFramesPerTask(int requested, int chunkFrames) {
        if (requested < 1 || chunkFrames < 1) {
            throw new IllegalArgumentException("frames per task and chunk length must be >= 1, got " + requested
                    + " and " + chunkFrames);
        }
        long k = ((long) requested + chunkFrames - 1) / chunkFrames;
        return (int) Math.min(Integer.MAX_VALUE / 2, k * chunkFrames);
    }

    /**
     * @return consecutive ranges covering {@code [0, nFrames)}; each starts on a chunk boundary and holds
     *         {@code alignedFramesPerTask(requested, chunkFrames)} frames except the last; none for 0 frames
     */
    public static List<Range> split(int nFrames, int chunkFrames, int requested) {
        return split(nFrames, chunkFrames, requested, 1);
    }

    /**
     * Like {@link #split(int, int, int)}, but a movie that would give fewer than {@code minRanges} ranges is cut
     * into smaller chunk-aligned ranges (as many as its chunks allow), so a sweep with fewer recordings in flight
     * than cores still keeps every core busy; the requested frames per task stays an upper bound.
     *
     * @param minRanges ranges wanted at least (≥ 1), e.g. the cores per recording in flight
     */
    public static List<Range> split(int nFrames, int chunkFrames, int requested, int minRanges) {
        int per = alignedFramesPerTask(requested, chunkFrames);
        if (minRanges > 1 && ((long) nFrames + per - 1) / per < minRanges) {
            int even = (int) Math.max(1, ((long) nFrames + minRanges - 1) / minRanges);
            per = Math.min(per, alignedFramesPerTask(even, chunkFrames));
        }
        List<Range> out = new ArrayList<>();
        for (int t0 = 0; t0 < nFrames; t0 += per) {
            out.add(new Range(t0, (int) Math.min((long) t0 + per, nFrames)));
        }
        return out;
    }
}
