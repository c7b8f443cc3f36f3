package org.minisim.job;

import java.io.Serializable;
import org.minisim.job.storage.StoreRoot;

/**
 * One Spark task of a recording: its truth unit (plan → ground truth, spec.json, per-cell rows) or one
 * frame range {@code [t0, t1)} of the observed movie (and its snapshots). Small and serializable: the spec
 * travels as its JSON text, the store as a {@link StoreRoot}; executors rebuild everything else.
 *
 * @param kind        truth, range or both
 * @param cacheKey    the recording's cache key (names its store)
 * @param specJson    the spec.json text (pretty canonical JSON) of the recording
 * @param stores      the stores directory
 * @param t0          first frame (range units)
 * @param t1          one past the last frame (range units)
 * @param chunkFrames observed (and snapshot) chunk length, frames
 * @param blockFrames frames rendered at once (bounds task memory)
 * @param implVersion implementation version recorded in the table rows
 * @param failHook    test hook {@code <key>:<t0>}: that range's first attempt fails (null = off)
 */
public record WorkUnit(Kind kind, String cacheKey, String specJson, StoreRoot stores, int t0, int t1,
                       int chunkFrames, int blockFrames, String implVersion, String failHook)
        implements Serializable {

    /**
     * What a unit does: the ground truth, one frame range, or both at once (a movie that fits one range: a short
     * recording costs one task and one plan build).
     */
    public enum Kind {
        TRUTH, RANGE, WHOLE;

        boolean writesTruth() {
            return this != RANGE;
        }

        boolean renders() {
            return this != TRUTH;
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TRUTH -> cacheKey + " truth";
            case RANGE -> cacheKey + " frames [" + t0 + ", " + t1 + ")";
            case WHOLE -> cacheKey + " truth and frames [" + t0 + ", " + t1 + ")";
        };
    }
}
