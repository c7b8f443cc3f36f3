package org.minisim;

/**
 * The root of minisim's own errors: unchecked, with a message that names what it is about (the spec field and
 * rule, the sweep point, the store key or path, the storage location). Catch this to handle every failure the
 * product reports itself; anything else is a bug or an error of the platform underneath.
 */
public class MinisimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MinisimException(String message) {
        super(message);
    }

    public MinisimException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For subclasses that build their message lazily or suppress the stack trace. */
    protected MinisimException(String message, Throwable cause, boolean enableSuppression,
                               boolean writableStackTrace) {
        super(message, cause, enableSuppression, writableStackTrace);
    }
}
