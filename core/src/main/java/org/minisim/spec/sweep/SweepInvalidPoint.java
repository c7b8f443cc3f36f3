package org.minisim.spec.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.minisim.spec.json.SpecIssue;

/**
 * A recording that failed validation under {@code "on_invalid_point": "skip"} (manifest status {@code invalid});
 * its point index is not reused.
 *
 * @param pointIndex sweep_point_index
 * @param seed       the seed it would have used; −1 when a swept {@code seed} value is itself not a valid seed
 * @param axesJson   axis path → the value <em>as supplied</em> in the file (compact JSON; there is no validated
 *                   value to read back)
 * @param issues     the failures, in report order
 */
public record SweepInvalidPoint(int pointIndex, long seed, LinkedHashMap<String, String> axesJson,
                                List<SpecIssue> issues) {
    public SweepInvalidPoint {
        issues = List.copyOf(issues);
    }

    /** @return the ids of the failed rules, in report order */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        issues.forEach(i -> ids.add(i.ruleId()));
        return ids;
    }
}
