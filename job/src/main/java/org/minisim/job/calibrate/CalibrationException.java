package org.minisim.job.calibrate;

import org.minisim.MinisimException;

/** A calibration that cannot run on its input: a missing table or column, an unknown id, no rows left. */
public class CalibrationException extends MinisimException {

    private static final long serialVersionUID = 1L;

    public CalibrationException(String message) {
        super(message);
    }

    public CalibrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
