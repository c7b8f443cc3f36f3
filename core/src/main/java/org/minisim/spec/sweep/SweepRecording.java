package org.minisim.spec.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import org.minisim.spec.Spec;
import org.minisim.spec.json.SpecIssue;

/**
 * One valid recording of a sweep (docs/sweeps.md#what-a-run-writes).
 *
 * @param pointIndex sweep_point_index (replicates share it; with a sample block, point s·G + g is sample point s
 *                   with grid point g of G)
 * @param seed       the recording's master seed
 * @param spec       the validated spec
 * @param cacheKey   its cache key (store name {@code <key>.zarr})
 * @param axesJson   axis path (as in the file; grid axes in file order, then sample axes) → canonical JSON of the
 *                   validated value read back at that path
 * @param axColumns  {@code ax_*} column → value (null for "auto"/null; {@code _lo}/{@code _hi} for pairs)
 * @param warnings   W-rule findings of this spec
 * @param split      {@code train}, {@code validation} or {@code test}: a hash of the cache key against the sweep
 *                   file's split fractions ({@link SplitFractions#of(String)})
 */
public record SweepRecording(int pointIndex, long seed, Spec spec, String cacheKey,
                             LinkedHashMap<String, String> axesJson, LinkedHashMap<String, Double> axColumns,
                             List<SpecIssue> warnings, String split) {
}
