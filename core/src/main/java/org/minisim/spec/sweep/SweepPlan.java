package org.minisim.spec.sweep;

import java.util.List;

/**
 * A validated, fully expanded sweep (SPEC.md §6.2–6.5): what the Spark driver runs.
 *
 * @param sweepId        table partition key
 * @param description    free text (ignored)
 * @param storesUri      directory of the {@code <key>.zarr} stores
 * @param tableUri       root of the per-cell table
 * @param onInvalidPoint fail or skip
 * @param seedMode       shared or distinct replicate seeds
 * @param maxRecordings  explosion guard
 * @param pointCount     number of grid points (product of the dimension lengths; 1 without axes)
 * @param axisPaths      the swept paths in file order (zip members in place)
 * @param recordings     valid recordings in expansion order (point-major, seed-minor)
 * @param invalidPoints  recordings that failed validation (only with skip)
 */
public record SweepPlan(String sweepId, String description, String storesUri, String tableUri,
                        OnInvalidPoint onInvalidPoint, SeedMode seedMode, int maxRecordings, int pointCount,
                        List<String> axisPaths, List<SweepRecording> recordings,
                        List<SweepInvalidPoint> invalidPoints) {
    public SweepPlan {
        axisPaths = List.copyOf(axisPaths);
        recordings = List.copyOf(recordings);
        invalidPoints = List.copyOf(invalidPoints);
    }
}
