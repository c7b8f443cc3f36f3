package org.minisim.job.exec;

import org.minisim.MinisimException;

/**
 * Thrown by a store of a sweep the driver has stopped (a storage location became unavailable): a task that had not
 * started yet never starts, one that was writing stops at its next store operation. Its message says which.
 */
public final class SweepStoppedException extends MinisimException {

    private static final long serialVersionUID = 1L;

    /** Message of a task stopped before its first store operation. */
    public static final String NOT_STARTED = "not started: the sweep was stopped (a storage location is unavailable)";
    /** Message of a task stopped between two store operations. */
    public static final String INTERRUPTED = "interrupted: the sweep was stopped (a storage location is unavailable)";

    public SweepStoppedException(String message) {
        super(message, null, false, false);
    }

    /** @return whether a failure message is that of a task stopped before it started */
    public static boolean notStarted(String message) {
        return message != null && message.contains(NOT_STARTED);
    }

    /** @return whether a failure message is that of a task stopped by the sweep (started or not) */
    public static boolean stopped(String message) {
        return message != null && (message.contains(NOT_STARTED) || message.contains(INTERRUPTED));
    }
}
