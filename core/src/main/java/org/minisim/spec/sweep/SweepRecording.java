package org.minisim.spec.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import org.minisim.spec.Spec;
import org.minisim.spec.json.SpecIssue;

/**
 * One valid recording of a sweep (SPEC.md §6.5).
 *
 * @param pointIndex sweep_point_index (replicates share it)
 * @param seed       the recording's master seed
 * @param spec       the validated spec
 * @param cacheKey   its cache key (store name {@code <key>.zarr})
 * @param axesJson   axis path (as in the file) → canonical JSON of the validated value read back at that path
 * @param axColumns  {@code ax_*} column → value (null for "auto"/null; {@code _lo}/{@code _hi} for pairs)
 * @param warnings   W-rule findings of this spec
 */
public record SweepRecording(int pointIndex, long seed, Spec spec, String cacheKey,
                             LinkedHashMap<String, String> axesJson, LinkedHashMap<String, Double> axColumns,
                             List<SpecIssue> warnings) {
}
