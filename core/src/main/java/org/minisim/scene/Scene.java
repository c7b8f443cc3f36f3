package org.minisim.scene;

import java.util.ArrayList;
import java.util.List;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintPatch;
import org.minisim.physics.CellOpticsModel;
import org.minisim.physics.NeuronPlacement;
import org.minisim.physics.NeuropilFields;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.StreamedTruth;
import org.minisim.spec.Domain;
import org.minisim.spec.Geometry;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.StepKind;

/**
 * Phase A of a recording (docs/physics.md#rendering-in-frame-ranges) as an immutable value: everything that is a
 * function of the whole recording — cells, footprints, trace generators, optics, neuropil components, vessel mask,
 * motion trajectory, static fields and the finalized ground truth — computed once from a validated spec by
 * {@link SceneBuilder}. The renderer ({@code org.minisim.render.Renderer}) reads it to render any frame range; the
 * result does not depend on how frames are split into ranges or blocks, because every temporal quantity is fixed here
 * and every per-frame operation (including the sensor noise, drawn from the frame's own addressed stream) is
 * frame-local. Thread-safe.
 *
 * <p>Memory: per-cell scalars, the observed footprint patches, per-frame scalars (motion, neuropil envelopes) and
 * canvas/FOV-sized static fields — never a movie and no {@code N × F} traces: cell traces are regenerated per
 * rendered range ({@link #traceWindow}) and per block of units when the ground truth is written
 * ({@link #streamedTruth}). Arrays returned by the accessors are shared, never modify them.
 */
public final class Scene {

    private final Spec spec;
    private final Geometry geometry;
    private final StepKind until;
    private final List<NeuronPlacement.PlacedCell> cells;
    private final TraceSource traces;
    private final Double focalDepthUm;
    private final CellOpticsModel.CellOpticsResult[] optics;
    private final FootprintPatch[] observedFootprints;
    private final int[] renderedCells;
    private final CompositeRows compositeRows;
    private final NeuropilFields neuropil;
    private final double neuropilAmplitude;
    private final double[] vesselMask;
    private final double[] shifts;
    private final double[] illumination;
    private final double[] vignette;
    private final double[] leakage;
    private final Sensor sensor;
    private final StreamedTruth truth;
    /** The simulated-cell index of each ground-truth unit, ascending. */
    private final int[] unitCells;

    /** From a finished builder: copies its parts (the builder is not kept). */
    Scene(SceneBuilder b, StreamedTruth truth, int[] unitCells) {
        this.spec = b.spec;
        this.geometry = b.geometry;
        this.until = b.until;
        this.cells = List.copyOf(b.cells);
        this.traces = b.traces;
        this.focalDepthUm = b.focalDepthUm;
        this.optics = b.optics;
        this.observedFootprints = b.observedFootprints;
        this.renderedCells = b.renderedCells;
        this.compositeRows = b.compositeRows;
        this.neuropil = b.neuropil;
        this.neuropilAmplitude = b.neuropilAmplitude;
        this.vesselMask = b.vesselMask;
        this.shifts = b.shifts;
        this.illumination = b.illumination;
        this.vignette = b.vignette;
        this.leakage = b.leakage;
        this.sensor = b.sensor;
        this.truth = truth;
        this.unitCells = unitCells;
    }

    /** Builds the scene of a validated spec: all steps run (all random draws of phase A happen here). */
    public static Scene build(Spec spec) {
        return new SceneBuilder(spec, null).build();
    }

    /**
     * Builds the scene of a validated spec with a chosen footprint storage (the scene's values are the same with
     * any): its observed footprints are stored when they total at most {@code storedFootprintBytes}, else each is
     * kept as its blur's factors where that is smaller ({@link FootprintPatch}). {@link #build(Spec)} stores them
     * when they fit the JVM's allowance (a third of the heap, shared by the scenes alive at once).
     */
    public static Scene build(Spec spec, long storedFootprintBytes) {
        return new SceneBuilder(spec, null, storedFootprintBytes).build();
    }

    /**
     * Builds a partial scene that stops after the named stage ({@code until},
     * docs/physics.md#snapshots-and-partial-runs): a stage name ({@code cells_only}) or a step kind
     * ({@code composite}); steps after it do not run.
     *
     * @throws IllegalArgumentException if no step of the spec has that stage name or kind (the message lists them)
     */
    public static Scene build(Spec spec, String until) {
        if (until == null) {
            return build(spec);
        }
        for (Step s : spec.steps()) {
            if (s.kind().stageName().equals(until) || s.kind().jsonName().equals(until)) {
                return new SceneBuilder(spec, s.kind()).build();
            }
        }
        List<String> names = spec.steps().stream().map(s -> s.kind().stageName()).toList();
        throw new IllegalArgumentException("until='" + until + "' matches no step of this spec; its stages are "
                + names);
    }

    /** @return whether a step of that kind is in the spec and runs (not cut off by {@code until}) */
    public boolean runs(StepKind kind) {
        return spec.has(kind) && (until == null || kind.rank() <= until.rank());
    }

    /** @return whether any movie is materialised (a non-cell step runs); otherwise observed is (0, H, W) */
    public boolean hasMovie() {
        for (Step s : spec.steps()) {
            if (s.kind().domain() != Domain.CELL && runs(s.kind())) {
                return true;
            }
        }
        return false;
    }

    /** @return the number of observed frames: F with a movie, else 0 */
    public int observedFrames() {
        return hasMovie() ? geometry.nFrames() : 0;
    }

    /** @return the stage names that produce snapshots, in pipeline order (empty unless saving intermediates) */
    public List<String> snapshotStages() {
        List<String> stages = new ArrayList<>();
        if (spec.output().saveIntermediates()) {
            for (Step s : spec.steps()) {
                if (s.kind().domain() != Domain.CELL && runs(s.kind())) {
                    stages.add(s.kind().stageName());
                }
            }
        }
        return stages;
    }

    /** @return {height, width} of a snapshot stage, px: canvas before motion, FOV from brain_motion on */
    public int[] snapshotShape(String stage) {
        StepKind k = StepKind.fromStageOrKind(stage).orElseThrow(
                () -> new IllegalArgumentException("unknown stage " + stage));
        boolean fov = k.rank() >= StepKind.BRAIN_MOTION.rank();
        return fov ? new int[] {geometry.fovHeight(), geometry.fovWidth()}
                : new int[] {geometry.canvasHeight(), geometry.canvasWidth()};
    }

    public Spec spec() {
        return spec;
    }

    public Geometry geometry() {
        return geometry;
    }

    /**
     * @return the finalized ground truth (docs/store-format.md#ground_truth) with its (N, F) traces as arrays:
     *     built on each call by regenerating the units' traces (N·F doubles each of C, S and bleaching); long
     *     recordings should use {@link #streamedTruth()}
     */
    public GroundTruth groundTruth() {
        return truth.materialize();
    }

    /** @return the finalized ground truth with its unit traces served block by block (no N·F arrays held) */
    public StreamedTruth streamedTruth() {
        return truth;
    }

    /** @return the simulated-cell index of each ground-truth unit, ascending */
    public int[] unitCells() {
        return unitCells.clone();
    }

    /**
     * The cell traces of frames {@code [t0, t1)}: emissions of the rendered cells and calcium of the units,
     * regenerated (cost ∝ cells × t1); null when cell_activity does not run.
     */
    public TraceWindow traceWindow(int t0, int t1) {
        if (t0 < 0 || t1 > geometry.nFrames() || t0 > t1) {
            throw new IllegalArgumentException("frame range [" + t0 + ", " + t1 + ") outside [0, "
                    + geometry.nFrames() + ")");
        }
        return traces == null ? null : traces.window(t0, t1, renderedCells, unitCells);
    }

    /** @return the simulated cells, placement order */
    public List<NeuronPlacement.PlacedCell> cells() {
        return cells;
    }

    /** @return the resolved focal depth, µm, or null when optics did not run */
    public Double focalDepthUm() {
        return focalDepthUm;
    }

    /** @return per-cell optics scalars, or null when optics did not run */
    public CellOpticsModel.CellOpticsResult[] optics() {
        return optics;
    }

    /**
     * @return per-cell observed footprints on the canvas (the planted ones when optics did not run): stored, or
     *     as their blur's factors when a scene's footprints would not fit stored ({@link FootprintPatch}); shared,
     *     read only
     */
    public FootprintPatch[] observedFootprints() {
        return observedFootprints;
    }

    /** @return indices of the cells the composite renders (footprint and trace present, composite runs) */
    public int[] renderedCells() {
        return renderedCells;
    }

    /** @return the canvas-row index of the rendered cells' observed patches (for the composite) */
    public CompositeRows compositeRows() {
        return compositeRows;
    }

    public NeuropilFields neuropil() {
        return neuropil;
    }

    /** @return the neuropil amplitude, a.u. (0 without neuropil) */
    public double neuropilAmplitude() {
        return neuropilAmplitude;
    }

    /** @return the canvas vessel transmission (Hc, Wc), dimensionless in (0, 1], or null */
    public double[] vesselMask() {
        return vesselMask;
    }

    /** @return (F, 2) content shifts (dy, dx), px, or null without motion */
    public double[] shifts() {
        return shifts;
    }

    /** @return the FOV excitation falloff (H, W), dimensionless, or null */
    public double[] illumination() {
        return illumination;
    }

    /** @return the FOV collection falloff (H, W), dimensionless, or null */
    public double[] vignette() {
        return vignette;
    }

    /** @return the FOV additive glow (H, W), a.u., or null */
    public double[] leakage() {
        return leakage;
    }

    /** @return the sensor step if it runs, else null */
    public Sensor sensor() {
        return sensor;
    }
}
