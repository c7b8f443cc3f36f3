package org.minisim.job;

/**
 * The exit statuses of {@code minisim run} (docs/failures.md#exit-status).
 */
public final class ExitStatus {

    /** Every recording committed (done or reused) and the table written. */
    public static final int OK = 0;
    /** Bad input (an invalid sweep file, an unreadable file) or some recordings failed on their own. */
    public static final int FAILED = 1;
    /** A malformed command line. */
    public static final int USAGE = 2;
    /**
     * A storage location was unavailable — before the run (nothing was run), or during it (the sweep stopped, or the
     * table could not be written). Running the same command again once the storage answers resumes the sweep.
     */
    public static final int STORAGE = 3;

    private ExitStatus() {}

    /** @return the status of a finished run: storage first, then failed recordings */
    public static int of(SweepSummary s) {
        if (s.storageUnavailable()) {
            return STORAGE;
        }
        return s.ok() ? OK : FAILED;
    }
}
