package org.minisim.job.storage;

/**
 * A storage location that cannot be used, with one clear message naming the location and the cause (never a
 * secret). Thrown by {@link StorageCheck} on the driver before any task runs.
 */
public final class StorageCheckException extends org.minisim.MinisimException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Problem {
        /** The location is not a usable URI, or its scheme has no file system. */
        INVALID_LOCATION,
        /** The endpoint or name node cannot be reached (connection refused, unknown host, timeout). */
        UNREACHABLE,
        /** The bucket does not exist. */
        NO_SUCH_BUCKET,
        /** No credentials were found by any provider. */
        NO_CREDENTIALS,
        /** The server refused the credentials or denied access (HTTP 403). */
        ACCESS_DENIED,
        /** Reachable and authorised, but writing a probe object/file under the location failed. */
        NOT_WRITABLE
    }

    private final Problem problem;

    StorageCheckException(Problem problem, String message, Throwable cause) {
        super(message, cause, false, false);
        this.problem = problem;
    }

    /** @return what went wrong */
    public Problem problem() {
        return problem;
    }
}
