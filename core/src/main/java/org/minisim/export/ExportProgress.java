package org.minisim.export;

/** Receives the progress of an export, after every chunk of frames (called from the exporting thread). */
@FunctionalInterface
public interface ExportProgress {

    /** Reports nothing. */
    ExportProgress NONE = (done, total) -> {};

    /**
     * @param framesDone frames written to every output so far
     * @param totalFrames frames of the movie
     */
    void frames(int framesDone, int totalFrames);
}
