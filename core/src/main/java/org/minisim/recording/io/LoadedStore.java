package org.minisim.recording.io;

import org.minisim.recording.io.SnapshotData;
import java.util.List;
import java.util.Map;
import org.minisim.recording.GroundTruth;

/**
 * Everything read from a saved recording (docs/store-format.md#reading-and-checks). The spec is exposed as text:
 * parsing and the cache-key comparison belong to the spec reader.
 *
 * @param specJson       content of {@code spec.json}
 * @param storedCacheKey root {@code spec_cache_key}, or null when absent
 * @param groundTruth    the ground truth (N from the planted stack, F from {@code C}, H × W from {@code fov_shape})
 * @param observed       the {@code observed} movie as float64
 * @param observedDtype  {@code "<f4"} or {@code "<f8"}, as stored
 * @param snapshots      stage → movie, sorted by name (empty when none)
 * @param gtPresent      root {@code gt_present} ([] when absent)
 * @param snapshotNames  root {@code snapshot_names} ([] when absent)
 * @param committed      whether the Java commit marker is present (stores the reference wrote have none)
 */
public record LoadedStore(String specJson, String storedCacheKey, GroundTruth groundTruth, SnapshotData observed,
                          String observedDtype, Map<String, SnapshotData> snapshots, List<String> gtPresent,
                          List<String> snapshotNames, boolean committed) {}
