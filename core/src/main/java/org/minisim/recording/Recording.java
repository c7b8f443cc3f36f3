package org.minisim.recording;

import java.util.Map;
import java.util.TreeMap;
import org.minisim.spec.Spec;

/**
 * An in-memory recording: the spec, the observed movie, its ground truth and (optionally) stage snapshots.
 *
 * @param spec      the validated spec
 * @param observed  (frames, H, W) row-major: ADC counts with a sensor step, intensity without; as float64
 *                  values before the cast to the spec's store dtype
 * @param frames    number of observed frames (F, or 0 when no movie was materialised)
 * @param truth     the ground truth
 * @param snapshots stage name → snapshot, sorted by name (empty unless saving intermediates)
 */
public record Recording(Spec spec, double[] observed, int frames, GroundTruth truth, Map<String, Snapshot> snapshots) {

    public Recording {
        snapshots = java.util.Collections.unmodifiableMap(new TreeMap<>(snapshots));
    }

    /** @return FOV rows H */
    public int height() {
        return truth.fovHeight();
    }

    /** @return FOV columns W */
    public int width() {
        return truth.fovWidth();
    }

    /**
     * @return the snapshot of a stage, looked up by stage name or step kind ({@code composite} ⇒ {@code cells_only})
     * @throws java.util.NoSuchElementException naming save_intermediates and the available stages
     */
    public Snapshot snapshot(String stageOrKind) {
        String stage = org.minisim.spec.StepKind.fromStageOrKind(stageOrKind).map(k -> k.stageName())
                .orElse(stageOrKind);
        Snapshot s = snapshots.get(stage);
        if (s == null) {
            throw new java.util.NoSuchElementException("no snapshot '" + stageOrKind + "': enable "
                    + "output.save_intermediates to keep stage snapshots; available: " + snapshots.keySet());
        }
        return s;
    }

    /**
     * One stage's movie.
     *
     * @param frames frames
     * @param height rows (canvas before motion, FOV after)
     * @param width  columns
     * @param data   (frames, height, width) row-major, float64
     */
    public record Snapshot(int frames, int height, int width, double[] data) {}
}
