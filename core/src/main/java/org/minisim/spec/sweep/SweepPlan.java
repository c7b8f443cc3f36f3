package org.minisim.spec.sweep;

import java.util.List;

/**
 * A validated, fully expanded sweep (docs/sweeps.md): what the Spark driver runs.
 *
 * @param sweepId        table partition key
 * @param description    free text (ignored)
 * @param storesUri      directory of the {@code <key>.zarr} stores
 * @param tableUri       root of the per-cell table
 * @param onInvalidPoint fail or skip
 * @param seedMode       shared or distinct replicate seeds
 * @param maxRecordings  explosion guard
 * @param pointCount     number of points: sample count (1 without a sample block) × the grid's points (product of
 *                       the dimension lengths; 1 without axes)
 * @param axisPaths      the swept paths: grid axes in file order (zip members in place), then sample axes
 * @param recordings     valid recordings in expansion order (point-major, seed-minor)
 * @param invalidPoints  recordings that failed validation (only with skip)
 * @param sampleCount    the sample block's count, 0 without a sample block
 * @param split          the train / validation / test fractions (default 0.8 / 0.1 / 0.1)
 */
public record SweepPlan(String sweepId, String description, String storesUri, String tableUri,
                        OnInvalidPoint onInvalidPoint, SeedMode seedMode, int maxRecordings, int pointCount,
                        List<String> axisPaths, List<SweepRecording> recordings,
                        List<SweepInvalidPoint> invalidPoints, int sampleCount, SplitFractions split) {
    public SweepPlan {
        axisPaths = List.copyOf(axisPaths);
        recordings = List.copyOf(recordings);
        invalidPoints = List.copyOf(invalidPoints);
    }
}
