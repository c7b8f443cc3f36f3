package org.minisim.spec.sweep;

import java.util.List;
import org.minisim.spec.json.SpecIssue;

/** STAND-IN until branch {@code spec} lands (deleted then). */
public class SweepValidationException extends RuntimeException {
    private final transient List<SpecIssue> issues;

    public SweepValidationException(List<SpecIssue> issues) {
        super(issues.size() + " sweep errors");
        this.issues = List.copyOf(issues);
    }

    public List<SpecIssue> getIssues() {
        return issues;
    }
}
