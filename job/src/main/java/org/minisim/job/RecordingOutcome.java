package org.minisim.job;

import org.minisim.spec.sweep.SweepRecording;

/**
 * How one recording of a sweep ended in this run.
 *
 * @param recording the sweep recording
 * @param storeUri  its store
 * @param status    reused, done, failed, or not started (the sweep was stopped first)
 * @param frames    frames of the movie
 * @param pxFrames  FOV pixels × frames simulated in this run (0 when reused or failed)
 * @param cells     ground-truth units (0 when failed)
 * @param detectable detectable units
 * @param seconds   wall seconds spent on it by the driver
 * @param message   why it failed, or a note (e.g. a re-simulated mismatching store); null otherwise
 * @param times     where its tasks' time went (summed over its tasks)
 */
public record RecordingOutcome(SweepRecording recording, String storeUri, Status status, int frames, long pxFrames,
                               int cells, int detectable, double seconds, String message,
                               org.minisim.run.TaskTimes times) {

    /** Final state of a recording. */
    public enum Status {
        REUSED, DONE, FAILED,
        /** Not run: the sweep was stopped (a storage location became unavailable) before it started. */
        NOT_STARTED;

        /** @return the manifest spelling */
        public String manifestName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return whether the store is committed (its rows belong in the table) */
    public boolean committed() {
        return status == Status.DONE || status == Status.REUSED;
    }
}
