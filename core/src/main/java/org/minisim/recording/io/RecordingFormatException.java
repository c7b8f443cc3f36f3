package org.minisim.recording.io;

import org.minisim.store.ZarrFormatException;

/**
 * A saved recording that this version cannot load: wrong or missing {@code format_version}, or a layout
 * violation of docs/store-format.md#reading-and-checks (missing required array, listed array absent, missing planted
 * attributes, …).
 */
public class RecordingFormatException extends ZarrFormatException {

    private static final long serialVersionUID = 1L;

    public RecordingFormatException(String message) {
        super(message);
    }

    public RecordingFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
