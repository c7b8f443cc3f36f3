package org.minisim.job.storage;

import java.io.IOException;

/**
 * A storage operation that failed, naming the operation and the full path or object it was on (file systems' own
 * errors such as {@code No space left on device} do not name the file). The original exception is the cause, so
 * its type (e.g. a {@link java.net.ConnectException}) still classifies the failure.
 */
public final class StorageIOException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String path;

    /**
     * @param operation what was done, as a verb: {@code reading}, {@code writing}, {@code listing}, {@code deleting},
     *                  {@code checking}
     * @param path      the full URI of the file or object
     * @param cause     the file system's exception
     */
    public StorageIOException(String operation, String path, IOException cause) {
        super(operation + " " + path + ": " + firstLine(cause), cause);
        this.operation = operation;
        this.path = path;
    }

    /** @return the operation, as a verb ({@code writing}, ...) */
    public String operation() {
        return operation;
    }

    /** @return the full URI of the file or object */
    public String path() {
        return path;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
