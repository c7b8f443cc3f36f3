package org.minisim.export;

import org.minisim.MinisimException;

/**
 * A movie export that cannot be done as asked: a missing store or array, a spec without the fields the export
 * needs, an existing output file, an invalid grey range, a value that is not a sensor count. The message is one
 * line naming the store, file, field or value.
 */
public class ExportException extends MinisimException {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
