package org.minisim.spec.sweep;

import java.util.List;
import org.minisim.spec.json.SpecIssue;

/** A sweep file was rejected as a whole; carries every error found (docs/sweeps.md#sweep-file-errors). */
public class SweepValidationException extends org.minisim.MinisimException {
    private final transient List<SpecIssue> issues;

    public SweepValidationException(List<SpecIssue> issues) {
        super(summary(issues));
        this.issues = List.copyOf(issues);
    }

    /** @return every error, in report order */
    public List<SpecIssue> getIssues() {
        return issues;
    }

    private static String summary(List<SpecIssue> issues) {
        StringBuilder sb = new StringBuilder("sweep file rejected: ").append(issues.size()).append(" error(s)");
        for (SpecIssue i : issues) {
            sb.append("\n  ").append(i.describe());
        }
        return sb.toString();
    }
}
