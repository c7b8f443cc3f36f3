package org.minisim.job.report;

import org.minisim.MinisimException;

/** A report that cannot be made: a missing table or sweep, an unreadable sweep file, an unwritable output. */
public class ReportException extends MinisimException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
