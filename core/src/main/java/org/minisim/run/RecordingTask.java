package org.minisim.run;

import java.io.Serializable;
import org.minisim.spec.Spec;

/**
 * One task of a recording, small and serializable: what an executor (a thread of this JVM or a Spark task)
 * runs with {@link RecordingRunner#run}. The spec travels validated; everything else is rebuilt from it.
 */
public sealed interface RecordingTask extends Serializable {

    /** @return the recording's cache key (its store's name) */
    String cacheKey();

    /** @return its validated spec */
    Spec spec();

    /** @return where its store is */
    StoreLocator stores();

    /** @return frames per chunk of the observed movie (and its snapshots) */
    int chunkFrames();

    /** @return the implementation version recorded in its table rows */
    String implVersion();

    /**
     * A whole recording in one task: reuse the committed store if it matches, else (re)simulate it into its
     * store, write its rows, and commit it — marker last.
     *
     * @param failFirstAttempt test hook: the runner's caller fails this task's first attempt when true
     */
    record Whole(String cacheKey, Spec spec, StoreLocator stores, int chunkFrames, String implVersion,
                 boolean failFirstAttempt) implements RecordingTask {}

    /**
     * The ground truth, spec.json and scene rows of a recording whose movie other tasks render (the driver created
     * the arrays' metadata and commits afterwards).
     */
    record Truth(String cacheKey, Spec spec, StoreLocator stores, int chunkFrames, String implVersion)
            implements RecordingTask {}

    /**
     * Frames {@code [t0, t1)} (chunk aligned) of a recording's observed movie and snapshots, with their render sums.
     *
     * @param failFirstAttempt test hook: the runner's caller fails this task's first attempt when true
     */
    record Range(String cacheKey, Spec spec, StoreLocator stores, int chunkFrames, String implVersion, int t0,
                 int t1, boolean failFirstAttempt) implements RecordingTask {}
}
