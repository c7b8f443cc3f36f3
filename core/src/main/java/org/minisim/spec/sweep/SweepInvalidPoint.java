package org.minisim.spec.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import org.minisim.spec.json.SpecIssue;

/**
 * A recording that failed validation under {@code "on_invalid_point": "skip"} (for the manifest, status
 * {@code invalid}); its point index is not reused.
 *
 * @param pointIndex sweep_point_index
 * @param seed       the seed it would have used, or null when the seed itself was unusable
 * @param values     axis path → the value as supplied in the file (compact JSON)
 * @param ruleIds    ids of the failed rules, in report order
 * @param issues     the failures themselves
 */
public record SweepInvalidPoint(int pointIndex, Long seed, LinkedHashMap<String, String> values,
                                List<String> ruleIds, List<SpecIssue> issues) {
}
