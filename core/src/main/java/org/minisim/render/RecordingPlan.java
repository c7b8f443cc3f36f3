package org.minisim.render;

import org.minisim.recording.GroundTruth;
import org.minisim.spec.Geometry;
import org.minisim.spec.Spec;

/**
 * Phase A of a recording (PHYSICS.md §12.1): everything that is a function of the whole recording — cells,
 * footprints, traces, bleaching, optics, neuropil components, vessel mask, motion trajectory, static fields —
 * computed once from a validated spec. Any frame range is then rendered from it by {@link #render}; the
 * result does not depend on how the frames are split into ranges or blocks. Immutable and thread-safe once
 * built.
 */
public final class RecordingPlan {
    private final Spec spec;

    private RecordingPlan(Spec spec) {
        this.spec = spec;
    }

    /** Builds the plan of a validated spec (all random draws of phase A happen here). */
    public static RecordingPlan build(Spec spec) {
        throw new UnsupportedOperationException("RecordingPlan.build: not integrated yet");
    }

    public Spec spec() {
        return spec;
    }

    public Geometry geometry() {
        return spec.geometry();
    }

    /** @return the finalized ground truth (OUTPUT.md §2) */
    public GroundTruth groundTruth() {
        throw new UnsupportedOperationException("RecordingPlan.groundTruth: not integrated yet");
    }

    /**
     * Renders frames {@code [t0, t1)} into the sink, in blocks of at most {@code blockFrames} frames.
     *
     * @param blockFrames frames held in memory at once (bounds memory; never changes the result)
     */
    public void render(int t0, int t1, int blockFrames, FrameSink sink) {
        throw new UnsupportedOperationException("RecordingPlan.render: not integrated yet");
    }
}
