package org.minisim.spec.json;

import java.util.List;

/** A spec was rejected; carries every error found (docs/spec.md#validation), never just the first. */
public class SpecValidationException extends org.minisim.MinisimException {
    private final transient List<SpecIssue> issues;

    public SpecValidationException(List<SpecIssue> issues) {
        super(summary(issues));
        this.issues = List.copyOf(issues);
    }

    /** @return every error, in report order */
    public List<SpecIssue> getIssues() {
        return issues;
    }

    static String summary(List<SpecIssue> issues) {
        StringBuilder sb = new StringBuilder();
        sb.append(issues.size()).append(issues.size() == 1 ? " validation error" : " validation errors");
        for (SpecIssue i : issues) {
            sb.append("\n  ").append(i.describe());
        }
        return sb.toString();
    }
}
