package org.minisim.store;

/** A zarr store (metadata, chunk or layout) that cannot be read; the message names the key or array. */
public class ZarrFormatException extends org.minisim.MinisimException {

    private static final long serialVersionUID = 1L;

    public ZarrFormatException(String message) {
        super(message);
    }

    public ZarrFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
