package org.minisim.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.ObservedFootprint;
import org.minisim.physics.BleachingModel;
import org.minisim.physics.CellActivityModel;
import org.minisim.physics.CellOpticsModel;
import org.minisim.physics.LeakageField;
import org.minisim.physics.MotionTrajectory;
import org.minisim.physics.NeuronPlacement;
import org.minisim.physics.NeuropilFields;
import org.minisim.physics.NeuropilModel;
import org.minisim.physics.RadialFalloff;
import org.minisim.physics.VesselMask;
import org.minisim.random.RandomStreams;
import org.minisim.recording.Finalizer;
import org.minisim.recording.GroundTruth;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.Bleaching;
import org.minisim.spec.BrainMotion;
import org.minisim.spec.CellActivity;
import org.minisim.spec.Domain;
import org.minisim.spec.Geometry;
import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.Leakage;
import org.minisim.spec.Neuropil;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.StepKind;
import org.minisim.spec.Vasculature;
import org.minisim.spec.Vignette;

/**
 * Phase A of a recording (PHYSICS.md §12.1): everything that is a function of the whole recording — cells,
 * footprints, traces, bleaching, optics, neuropil components, vessel mask, motion trajectory, static fields and
 * the finalized ground truth — computed once from a validated spec. Any frame range is then rendered from it by
 * {@link #render}; the result does not depend on how frames are split into ranges or blocks, because every
 * temporal quantity is precomputed here and every per-frame operation (including the sensor noise, drawn from
 * the frame's own addressed stream) is frame-local. Immutable and thread-safe once built.
 *
 * <p>Memory: the plan holds per-cell traces ({@code N × F} doubles), the observed footprint patches, and
 * canvas/FOV-sized static fields — never a movie.
 */
public final class RecordingPlan {

    private final Spec spec;
    private final Geometry geometry;
    private final StepKind until;
    private final List<NeuronPlacement.PlacedCell> cells;
    /** Released (null) once the ground truth holds the units' traces; the renderer uses {@link #emission}. */
    private CellActivityModel.ActivityTraces activity;
    /** Released (null) once the ground truth holds the units' envelopes. */
    private double[] bleach;
    /** (N, F) float32 emissions C·B of the rendered cells (0 for the others), or null without a composite. */
    private final float[] emission;
    private final Double focalDepthUm;
    private final CellOpticsModel.CellOpticsResult[] optics;
    private final Footprint[] observedFootprints;
    private final int[] renderedCells;
    private final NeuropilFields neuropil;
    private final double[] vesselMask;
    private final double[] shifts;
    private final double[] illumination;
    private final double[] vignette;
    private final double[] leakage;
    private final GroundTruth truth;
    private final Renderer renderer;

    private RecordingPlan(Spec spec, StepKind until) {
        this.spec = spec;
        this.until = until;
        this.geometry = spec.geometry();
        Geometry g = geometry;
        RandomStreams rs = new RandomStreams(spec.seed());
        int nFrames = g.nFrames();

        // Pipeline context (PHYSICS §1.5), resolved from the spec alone.
        Optional<IlluminationProfile> illumSpec = spec.step(IlluminationProfile.class);
        Optional<Vignette> vignetteSpec = spec.step(Vignette.class);
        double[] illumContext = illumSpec.map(s -> RadialFalloff.field(s.falloff(), s.exponent(),
                s.centerOffsetUm(), g.fovHeight(), g.fovWidth(), g.pixelSizeUm())).orElse(null);
        double[] vignetteContext = vignetteSpec.map(s -> RadialFalloff.field(s.falloff(), s.exponent(),
                s.centerOffsetUm(), g.fovHeight(), g.fovWidth(), g.pixelSizeUm())).orElse(null);
        double[] photonField = org.minisim.physics.PhotonField.of(illumContext, vignetteContext);

        // Cell domain.
        cells = runs(StepKind.PLACE_NEURONS)
                ? NeuronPlacement.place(spec.step(PlaceNeurons.class).orElseThrow(), g, rs)
                : List.of();
        int n = cells.size();
        activity = runs(StepKind.CELL_ACTIVITY)
                ? CellActivityModel.simulate(spec.step(CellActivity.class).orElseThrow(), n, nFrames, g.fps(), rs)
                : null;
        if (runs(StepKind.BLEACHING) && activity != null) {
            double[] dose = BleachingModel.doses(illumContext, g, centres(cells));
            bleach = BleachingModel.envelopes(spec.step(Bleaching.class).orElseThrow(), activity.c(), n, nFrames,
                    g.fps(), dose);
        } else {
            bleach = null;
        }
        if (runs(StepKind.OPTICS)) {
            double[] centres = centres(cells);
            focalDepthUm = CellOpticsModel.resolveFocalDepth(spec, centres, activity == null ? null : activity.c(),
                    nFrames, photonField, g);
            optics = new CellOpticsModel.CellOpticsResult[n];
            for (int i = 0; i < n; i++) {
                NeuronPlacement.PlacedCell c = cells.get(i);
                optics[i] = CellOpticsModel.perCell(spec.acquisition(), c.zUm(), c.yUm(), c.xUm(), focalDepthUm);
            }
        } else {
            focalDepthUm = null;
            optics = null;
        }
        observedFootprints = new Footprint[n];
        for (int i = 0; i < n; i++) {
            Footprint planted = cells.get(i).planted();
            observedFootprints[i] = optics == null ? planted
                    : ObservedFootprint.degrade(planted, optics[i].observedSigmaPx(), optics[i].observedGain());
        }
        List<Integer> rendered = new ArrayList<>();
        if (runs(StepKind.COMPOSITE) && activity != null) {
            for (int i = 0; i < n; i++) {
                if (!cells.get(i).planted().isEmpty()) {
                    rendered.add(i);
                }
            }
        }
        renderedCells = rendered.stream().mapToInt(Integer::intValue).toArray();

        // Tissue, motion and sensor domains: static state, drawn once.
        neuropil = runs(StepKind.NEUROPIL)
                ? NeuropilModel.generate(spec.step(Neuropil.class).orElseThrow(), g.canvasHeight(), g.canvasWidth(),
                        g.pixelSizeUm(), g.fps(), nFrames, activity == null ? null : activity.c(), n, bleach, rs)
                : null;
        Vasculature vasc = spec.step(Vasculature.class).orElse(null);
        vesselMask = runs(StepKind.VASCULATURE) && vasc != null && vasc.isEffective()
                ? VesselMask.build(vasc, g.canvasHeight(), g.canvasWidth(), g.pixelSizeUm(),
                        spec.acquisition().optics(), spec.acquisition().tissue(), vesselFocalDepth(), rs)
                : null;
        if (runs(StepKind.BRAIN_MOTION)) {
            shifts = MotionTrajectory.generate(spec.step(BrainMotion.class).orElseThrow(), nFrames,
                    g.pixelSizeUm(), g.fps(), rs);
            MotionTrajectory.checkSymmetricMargin(g.canvasHeight(), g.canvasWidth(), g.fovHeight(), g.fovWidth());
            MotionTrajectory.checkWithinMargin(shifts, g.margin(), g.margin());
        } else {
            shifts = null;
        }
        illumination = runs(StepKind.ILLUMINATION_PROFILE) ? illumContext : null;
        vignette = runs(StepKind.VIGNETTE) ? vignetteContext : null;
        leakage = runs(StepKind.LEAKAGE)
                ? LeakageField.field(spec.step(Leakage.class).orElseThrow(), g.fovHeight(), g.fovWidth(),
                        g.pixelSizeUm())
                : null;
        renderer = new Renderer(this);
        truth = Finalizer.finalizeTruth(this);
        emission = emissions(renderedCells, activity, bleach, n, nFrames);
        // the ground truth now holds the units' traces; keep only the float emissions the composite needs, so a
        // long recording's plan holds one (N, F) float array instead of three double ones
        activity = null;
        bleach = null;
    }

    /** @return (N, F) float32 {@code C·B} for the rendered cells (the reference's single-precision emissions) */
    private static float[] emissions(int[] rendered, CellActivityModel.ActivityTraces act, double[] bleach, int n,
                                     int nFrames) {
        if (rendered.length == 0) {
            return null;
        }
        float[] e = new float[Math.multiplyExact(n, nFrames)];
        double[] c = act.c();
        for (int cell : rendered) {
            int row = cell * nFrames;
            for (int t = 0; t < nFrames; t++) {
                e[row + t] = (float) (bleach == null ? c[row + t] : c[row + t] * bleach[row + t]);
            }
        }
        return e;
    }

    /** Builds the plan of a validated spec: all steps run (all random draws of phase A happen here). */
    public static RecordingPlan build(Spec spec) {
        return new RecordingPlan(spec, null);
    }

    /**
     * Builds a partial plan that stops after the named stage (PHYSICS.md §4.1 {@code until}): a stage name
     * ({@code cells_only}) or a step kind ({@code composite}); steps after it do not run.
     *
     * @throws IllegalArgumentException if no step of the spec has that stage name or kind (the message lists them)
     */
    public static RecordingPlan build(Spec spec, String until) {
        if (until == null) {
            return build(spec);
        }
        for (Step s : spec.steps()) {
            if (s.kind().stageName().equals(until) || s.kind().jsonName().equals(until)) {
                return new RecordingPlan(spec, s.kind());
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

    /** @return {height, width} of a snapshot stage: canvas before motion, FOV from brain_motion on */
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

    /** @return the finalized ground truth (OUTPUT.md §2) */
    public GroundTruth groundTruth() {
        return truth;
    }

    /**
     * Renders frames {@code [t0, t1)} into the sink, in blocks of at most {@code blockFrames} frames.
     *
     * @param blockFrames frames held in memory at once (bounds memory; never changes the result)
     */
    public void render(int t0, int t1, int blockFrames, FrameSink sink) {
        if (t0 < 0 || t1 > observedFrames() || t0 > t1) {
            throw new IllegalArgumentException("frame range [" + t0 + ", " + t1 + ") outside [0, "
                    + observedFrames() + ")");
        }
        renderer.render(t0, t1, Math.max(1, blockFrames), sink);
    }

    // ---- accessors for the renderer and the finalizer (package-level views of the plan) ----

    public List<NeuronPlacement.PlacedCell> cells() {
        return cells;
    }

    /**
     * @return the activity traces of all simulated cells while the plan is being finalized; null without
     *     cell_activity and after construction (the ground truth holds the units' traces)
     */
    public CellActivityModel.ActivityTraces activity() {
        return activity;
    }

    /** @return (N, F) bleaching envelopes of all simulated cells while finalizing; null otherwise */
    public double[] bleach() {
        return bleach;
    }

    /** @return (N, F) float32 emissions {@code C·B} of the rendered cells (row-major), or null when none render */
    public float[] emission() {
        return emission;
    }

    /** @return the resolved focal depth, µm, or null when optics did not run */
    public Double focalDepthUm() {
        return focalDepthUm;
    }

    /** @return per-cell optics scalars, or null when optics did not run */
    public CellOpticsModel.CellOpticsResult[] optics() {
        return optics;
    }

    /** @return per-cell observed footprints on the canvas (the planted ones when optics did not run) */
    public Footprint[] observedFootprints() {
        return observedFootprints;
    }

    /** @return indices of the cells the composite renders (footprint and trace present, composite runs) */
    public int[] renderedCells() {
        return renderedCells;
    }

    public NeuropilFields neuropil() {
        return neuropil;
    }

    /** @return the neuropil amplitude, a.u. (0 without neuropil) */
    public double neuropilAmplitude() {
        return neuropil == null ? 0.0 : spec.step(Neuropil.class).orElseThrow().amplitude();
    }

    /** @return the canvas vessel transmission (Hc, Wc), or null */
    public double[] vesselMask() {
        return vesselMask;
    }

    /** @return (F, 2) shifts in px, or null without motion */
    public double[] shifts() {
        return shifts;
    }

    public double[] illumination() {
        return illumination;
    }

    public double[] vignette() {
        return vignette;
    }

    public double[] leakage() {
        return leakage;
    }

    /** @return the sensor step if it runs, else null */
    public Sensor sensor() {
        return runs(StepKind.SENSOR) ? spec.step(Sensor.class).orElseThrow() : null;
    }

    // ---- helpers ----

    /** Focal depth for the vessel blur (PHYSICS §8): optics' value, else numeric acquisition, else median z. */
    private double vesselFocalDepth() {
        if (focalDepthUm != null) {
            return focalDepthUm;
        }
        AutoDouble f = spec.acquisition().focalDepthInTissueUm();
        if (f.isNumber()) {
            return f.value();
        }
        if (cells.isEmpty()) {
            return 0.0;
        }
        return CellOpticsModel.median(cells.stream().mapToDouble(NeuronPlacement.PlacedCell::zUm).toArray());
    }

    private static double[] centres(List<NeuronPlacement.PlacedCell> cells) {
        double[] c = new double[3 * cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            c[3 * i] = cells.get(i).zUm();
            c[3 * i + 1] = cells.get(i).yUm();
            c[3 * i + 2] = cells.get(i).xUm();
        }
        return c;
    }

}
