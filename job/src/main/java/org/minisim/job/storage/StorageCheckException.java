package org.minisim.job.storage;

import java.net.URI;

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
    private final URI location;
    private final String detail;

    StorageCheckException(Problem problem, String message, Throwable cause) {
        this(problem, message, null, null);
    }

    StorageCheckException(Problem problem, String message, URI location, String detail) {
        super(message, null, false, false);
        this.problem = problem;
        this.location = location;
        this.detail = detail;
    }

    /**
     * @return the one-line form used when a sweep stops on it: {@code storage <location> unreachable: connection
     *     refused (127.0.0.1:9000)}, {@code storage <location> full: no space left on device}, ...; the whole message
     *     when the location or the short cause is not known
     */
    public String line() {
        if (location == null || detail == null) {
            return "storage " + getMessage();
        }
        StorageFailure f = StorageFailure.parse(detail);
        String state = switch (problem) {
            case UNREACHABLE -> f != null && f.kind() == StorageFailure.Kind.TIMEOUT
                    || detail.startsWith("no answer") ? "not answering" : "unreachable";
            case NOT_WRITABLE -> f != null && f.kind() == StorageFailure.Kind.NO_SPACE ? "full" : "not writable";
            case ACCESS_DENIED -> "access denied";
            case NO_SUCH_BUCKET -> "has no bucket";
            case NO_CREDENTIALS -> "has no credentials";
            case INVALID_LOCATION -> "unusable";
        };
        return "storage " + location + " " + state + ": " + detail;
    }

    /** @return what went wrong */
    public Problem problem() {
        return problem;
    }
}
