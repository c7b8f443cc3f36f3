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
import org.minisim.recording.StreamedTruth;
import org.minisim.recording.UnitTraceRows;
import org.minisim.recording.UnitTraceStats;
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
 * <p>Memory: the plan holds per-cell scalars, the observed footprint patches, per-frame scalars (motion,
 * neuropil envelopes) and canvas/FOV-sized static fields — never a movie and no {@code N × F} traces: cell
 * traces are regenerated per rendered range ({@link #traceWindow}) and per block of units when the ground truth
 * is written ({@link #streamedTruth}).
 */
public final class RecordingPlan {

    private final Spec spec;
    private final Geometry geometry;
    private final StepKind until;
    private final List<NeuronPlacement.PlacedCell> cells;
    /** Regenerates the cells' traces on demand, or null when cell_activity does not run. */
    private final TraceSource traces;
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
    private final StreamedTruth truth;
    /** The simulated-cell index of each ground-truth unit, ascending. */
    private final int[] unitCells;
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
        CellActivity activityStep = runs(StepKind.CELL_ACTIVITY)
                ? spec.step(CellActivity.class).orElseThrow() : null;
        Bleaching bleachStep = runs(StepKind.BLEACHING) && activityStep != null
                ? spec.step(Bleaching.class).orElseThrow() : null;
        traces = activityStep == null ? null : new TraceSource(
                new CellActivityModel.CellSimulator(activityStep, g.fps(),
                        CellActivityModel.gains(activityStep, n, rs), rs),
                bleachStep, g.fps(), bleachStep == null ? null : BleachingModel.doses(illumContext, g, centres(cells)),
                nFrames);
        // one streaming pass over the cells gathers everything phase A reads of the traces: per-cell summaries
        // (auto focus, detectability, the cell table), Σ_i C_i(t) (neuropil population) and Σ_i B_i(t) (fade)
        UnitTraceStats cellStats = null;
        double[] traceSum = null, bleachSum = null;
        if (traces != null) {
            UnitTraceStats.Builder stats = new UnitTraceStats.Builder(n, traces.bleaches());
            traceSum = new double[nFrames];
            bleachSum = traces.bleaches() ? new double[nFrames] : null;
            TraceSource.Rows rows = traces.new Rows(nFrames);
            for (int i = 0; i < n; i++) {
                rows.load(i, nFrames);
                stats.add(i, rows.c, rows.s, rows.b, 0, nFrames);
                for (int t = 0; t < nFrames; t++) {
                    traceSum[t] += rows.c[t];
                }
                if (bleachSum != null) {
                    for (int t = 0; t < nFrames; t++) {
                        bleachSum[t] += rows.b[t];
                    }
                }
            }
            cellStats = stats.build();
        }
        if (runs(StepKind.OPTICS)) {
            double[] centres = centres(cells);
            boolean extremes = cellStats != null && nFrames > 0;
            focalDepthUm = CellOpticsModel.resolveFocalDepth(spec, centres, extremes ? cellStats.cMin() : null,
                    extremes ? cellStats.cMax() : null, photonField, g);
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
        // cells blur independently (no randomness): spread over the cores, same result in any order
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            Footprint planted = cells.get(i).planted();
            observedFootprints[i] = optics == null ? planted
                    : ObservedFootprint.degrade(planted, optics[i].observedSigmaPx(), optics[i].observedGain());
        });
        List<Integer> rendered = new ArrayList<>();
        if (runs(StepKind.COMPOSITE) && traces != null) {
            for (int i = 0; i < n; i++) {
                if (!cells.get(i).planted().isEmpty()) {
                    rendered.add(i);
                }
            }
        }
        renderedCells = rendered.stream().mapToInt(Integer::intValue).toArray();

        // Tissue, motion and sensor domains: static state, drawn once.
        if (bleachSum != null && n > 0) {
            for (int t = 0; t < nFrames; t++) {
                bleachSum[t] /= n;
            }
        }
        neuropil = runs(StepKind.NEUROPIL)
                ? NeuropilModel.generateFromAggregates(spec.step(Neuropil.class).orElseThrow(), g.canvasHeight(),
                        g.canvasWidth(), g.pixelSizeUm(), g.fps(), nFrames, n > 0 ? traceSum : null,
                        n > 0 ? bleachSum : null, rs)
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
        Finalizer.Finalized fin = Finalizer.finalizeTruth(this, cellStats,
                traces == null ? null : traces.gains());
        unitCells = fin.unitCells();
        truth = new StreamedTruth(fin.statics(), new PlanTraceRows(unitCells.length, nFrames),
                unitStats(cellStats, unitCells, nFrames));
    }

    /** @return the units' summaries: their cells' when activity ran, else those of all-zero traces */
    private UnitTraceStats unitStats(UnitTraceStats cellStats, int[] units, int nFrames) {
        if (cellStats == null) {
            return UnitTraceStats.of(new PlanTraceRows(units.length, nFrames));
        }
        int n = units.length;
        double[] mn = new double[n], mx = new double[n], spikes = new double[n];
        int[] active = new int[n];
        double[] bf = cellStats.bleachFinal() != null && n > 0 ? new double[n] : null;
        for (int u = 0; u < n; u++) {
            int i = units[u];
            mn[u] = cellStats.cMin()[i];
            mx[u] = cellStats.cMax()[i];
            spikes[u] = cellStats.spikeSum()[i];
            active[u] = cellStats.activeFrames()[i];
            if (bf != null) {
                bf[u] = cellStats.bleachFinal()[i];
            }
        }
        return new UnitTraceStats(mn, mx, spikes, active, bf);
    }

    /** The units' (N, F) traces, regenerated from their cells block by block (zeros without cell_activity). */
    private final class PlanTraceRows implements UnitTraceRows {
        private final int nUnits;
        private final int nFrames;

        PlanTraceRows(int nUnits, int nFrames) {
            this.nUnits = nUnits;
            this.nFrames = nFrames;
        }

        @Override
        public int nUnits() {
            return nUnits;
        }

        @Override
        public int nFrames() {
            return nFrames;
        }

        @Override
        public boolean hasBleaching() {
            return traces != null && traces.bleaches() && nUnits > 0;
        }

        @Override
        public void fill(int u0, int u1, double[] c, double[] s, double[] bleaching) {
            int len = (u1 - u0) * nFrames;
            if (traces == null) {
                if (c != null) {
                    java.util.Arrays.fill(c, 0, len, 0.0);
                }
                if (s != null) {
                    java.util.Arrays.fill(s, 0, len, 0.0);
                }
                return;
            }
            TraceSource.Rows rows = traces.new Rows(nFrames);
            for (int u = u0; u < u1; u++) {
                rows.load(unitCells[u], nFrames);
                int off = (u - u0) * nFrames;
                if (c != null) {
                    System.arraycopy(rows.c, 0, c, off, nFrames);
                }
                if (s != null) {
                    System.arraycopy(rows.s, 0, s, off, nFrames);
                }
                if (rows.b != null && bleaching != null) {
                    System.arraycopy(rows.b, 0, bleaching, off, nFrames);
                }
            }
        }
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

    /**
     * @return the finalized ground truth (OUTPUT.md §2) with its (N, F) traces as arrays: built on each call by
     *     regenerating the units' traces (N·F doubles each of C, S and bleaching); long recordings should use
     *     {@link #streamedTruth()}
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
