package org.minisim.scene;

import java.util.ArrayList;
import java.util.List;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintPatch;
import org.minisim.footprint.ObservedFootprint;
import org.minisim.physics.BleachingModel;
import org.minisim.physics.CellActivityModel;
import org.minisim.physics.CellOpticsModel;
import org.minisim.physics.LeakageField;
import org.minisim.physics.MotionTrajectory;
import org.minisim.physics.NeuronPlacement;
import org.minisim.physics.NeuropilFields;
import org.minisim.physics.NeuropilModel;
import org.minisim.physics.PhotonField;
import org.minisim.physics.RadialFalloff;
import org.minisim.physics.VesselMask;
import org.minisim.random.RandomStreams;
import org.minisim.recording.StreamedTruth;
import org.minisim.recording.UnitTraceStats;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.Bleaching;
import org.minisim.spec.BrainMotion;
import org.minisim.spec.CellActivity;
import org.minisim.spec.Geometry;
import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.Leakage;
import org.minisim.spec.Neuropil;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;
import org.minisim.spec.Vasculature;
import org.minisim.spec.Vignette;

/**
 * Builds a {@link Scene} (phase A, docs/physics.md#rendering-in-frame-ranges) from a validated spec: one method per
 * step kind, called in pipeline order by {@link #build()}, each reading what the earlier steps left and drawing its
 * random numbers from its own addressed streams; then the ground truth is finalized and the immutable scene is made. A
 * step that is absent from the spec, or cut off by {@code until}, leaves its part empty. Single use, not thread-safe
 * (the scene it builds is).
 */
final class SceneBuilder {

    final Spec spec;
    final Geometry geometry;
    final StepKind until;
    private final RandomStreams streams;
    private final int nFrames;

    /** Illumination and vignette fields from the spec alone (FOV, dimensionless): context for auto focus. */
    private double[] illuminationContext, vignetteContext, photonContext;

    List<NeuronPlacement.PlacedCell> cells = List.of();
    private CellActivity activityStep;
    private Bleaching bleachStep;
    /** Regenerates the cells' traces, or null without cell_activity. */
    TraceSource traces;
    /** Per-cell trace summaries (placement order), or null without cell_activity. */
    UnitTraceStats cellStats;
    /** Σ_i C_i(t) over cells (a.u.), and the mean intact fraction over cells, per frame; null when not needed. */
    private double[] traceSum, bleachMean;
    Double focalDepthUm;
    CellOpticsModel.CellOpticsResult[] optics;
    FootprintPatch[] observedFootprints = new FootprintPatch[0];
    int[] renderedCells = new int[0];
    CompositeRows compositeRows;
    NeuropilFields neuropil;
    double neuropilAmplitude;
    double[] vesselMask;
    double[] shifts;
    double[] illumination, vignette, leakage;
    Sensor sensor;

    /**
     * Bytes up to which the observed footprints are stored rather than kept as their blur's factors; negative:
     * as the JVM-wide allowance grants ({@link StoredFootprintBudget}).
     */
    private final long storedFootprintBytes;

    SceneBuilder(Spec spec, StepKind until) {
        this(spec, until, -1);
    }

    SceneBuilder(Spec spec, StepKind until, long storedFootprintBytes) {
        this.spec = spec;
        this.until = until;
        this.storedFootprintBytes = storedFootprintBytes;
        this.geometry = spec.geometry();
        this.streams = new RandomStreams(spec.seed());
        this.nFrames = geometry.nFrames();
    }

    /** @return whether a step of that kind is in the spec and runs (not cut off by {@code until}) */
    boolean runs(StepKind kind) {
        return spec.has(kind) && (until == null || kind.rank() <= until.rank());
    }

    /** Runs every step in pipeline order, finalizes the ground truth and returns the scene. */
    Scene build() {
        context();
        placeNeurons();
        cellActivity();
        bleaching();
        traces();
        optics();
        composite();
        neuropil();
        vasculature();
        brainMotion();
        illuminationProfile();
        vignette();
        leakage();
        sensor();
        Finalizer.Finalized fin = Finalizer.finalizeTruth(this);
        StreamedTruth truth = new StreamedTruth(fin.statics(),
                new SceneTraceRows(traces, fin.unitCells(), nFrames),
                unitStats(fin.unitCells()));
        return new Scene(this, truth, fin.unitCells());
    }

    /** The pipeline context (docs/physics.md#pipeline-context): the radial fields, whether or not their steps run. */
    private void context() {
        Geometry g = geometry;
        illuminationContext = spec.step(IlluminationProfile.class).map(s -> RadialFalloff.field(s.falloff(),
                s.exponent(), s.centerOffsetUm(), g.fovHeight(), g.fovWidth(), g.pixelSizeUm())).orElse(null);
        vignetteContext = spec.step(Vignette.class).map(s -> RadialFalloff.field(s.falloff(), s.exponent(),
                s.centerOffsetUm(), g.fovHeight(), g.fovWidth(), g.pixelSizeUm())).orElse(null);
        photonContext = PhotonField.of(illuminationContext, vignetteContext);
    }

    /** place_neurons: cell centres (µm), planted footprints on the canvas. */
    private void placeNeurons() {
        if (runs(StepKind.PLACE_NEURONS)) {
            cells = NeuronPlacement.place(spec.step(PlaceNeurons.class).orElseThrow(), geometry, streams);
        }
    }

    /** cell_activity: the activity model of every cell (its traces are regenerated on demand). */
    private void cellActivity() {
        if (runs(StepKind.CELL_ACTIVITY)) {
            activityStep = spec.step(CellActivity.class).orElseThrow();
        }
    }

    /** bleaching: the bleach envelope's parameters (only with cell activity). */
    private void bleaching() {
        if (runs(StepKind.BLEACHING) && activityStep != null) {
            bleachStep = spec.step(Bleaching.class).orElseThrow();
        }
    }

    /**
     * The cells' trace source and one streaming pass over the cells for everything phase A reads of the traces:
     * per-cell summaries (auto focus, detectability, the cell table), Σ_i C_i(t) (the neuropil population driver)
     * and Σ_i B_i(t) (the neuropil fade).
     */
    private void traces() {
        if (activityStep == null) {
            return;
        }
        int n = cells.size();
        double fps = geometry.fps();
        traces = new TraceSource(new CellActivityModel.CellSimulator(activityStep, fps,
                CellActivityModel.gains(activityStep, n, streams), streams), bleachStep, fps,
                bleachStep == null ? null : BleachingModel.doses(illuminationContext, geometry, centres(cells)),
                nFrames);
        UnitTraceStats.Builder stats = new UnitTraceStats.Builder(n, traces.bleaches());
        traceSum = new double[nFrames];
        double[] bleachSum = traces.bleaches() ? new double[nFrames] : null;
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
        if (bleachSum != null && n > 0) {
            for (int t = 0; t < nFrames; t++) {
                bleachSum[t] /= n;
            }
        }
        bleachMean = bleachSum;
    }

    /** optics: the focal plane (auto or fixed), per-cell optics and the observed (blurred) footprints. */
    private void optics() {
        int n = cells.size();
        if (runs(StepKind.OPTICS)) {
            boolean extremes = cellStats != null && nFrames > 0;
            focalDepthUm = CellOpticsModel.resolveFocalDepth(spec, centres(cells),
                    extremes ? cellStats.cMin() : null, extremes ? cellStats.cMax() : null, photonContext,
                    geometry);
            optics = new CellOpticsModel.CellOpticsResult[n];
            for (int i = 0; i < n; i++) {
                NeuronPlacement.PlacedCell c = cells.get(i);
                optics[i] = CellOpticsModel.perCell(spec.acquisition(), c.zUm(), c.yUm(), c.xUm(), focalDepthUm);
            }
        }
        FootprintPatch[] observed = new FootprintPatch[n];
        // cells blur independently (no randomness): spread over the cores, same result in any order
        org.minisim.Parallel.forEach(n, i -> {
            Footprint planted = cells.get(i).planted();
            observed[i] = optics == null ? planted
                    : ObservedFootprint.observe(planted, optics[i].observedSigmaPx(), optics[i].observedGain());
        });
        long stored = 0;
        for (FootprintPatch f : observed) {
            stored += f.denseBytes();
        }
        boolean store = storedFootprintBytes >= 0 ? stored <= storedFootprintBytes
                : StoredFootprintBudget.tryReserve(stored, observed);
        if (store) {
            // they fit stored: the composite then copies each row instead of computing it (the same values)
            org.minisim.Parallel.forEach(n, i -> observed[i] = observed[i].dense());
        }
        observedFootprints = observed;
    }

    /** composite: which cells render (a footprint and a trace) and the canvas-row index of their patches. */
    private void composite() {
        List<Integer> rendered = new ArrayList<>();
        if (runs(StepKind.COMPOSITE) && traces != null) {
            for (int i = 0; i < cells.size(); i++) {
                if (!cells.get(i).planted().isEmpty()) {
                    rendered.add(i);
                }
            }
        }
        renderedCells = rendered.stream().mapToInt(Integer::intValue).toArray();
        compositeRows = new CompositeRows(geometry.canvasHeight(), renderedCells, observedFootprints);
    }

    /** neuropil: the spatial components and their envelopes (driven by the cells' population activity). */
    private void neuropil() {
        if (!runs(StepKind.NEUROPIL)) {
            return;
        }
        Neuropil step = spec.step(Neuropil.class).orElseThrow();
        boolean any = !cells.isEmpty();
        neuropil = NeuropilModel.generateFromAggregates(step, geometry.canvasHeight(), geometry.canvasWidth(),
                geometry.pixelSizeUm(), geometry.fps(), nFrames, any ? traceSum : null, any ? bleachMean : null,
                streams);
        neuropilAmplitude = step.amplitude();
    }

    /** vasculature: the canvas transmission mask of the vessel trees. */
    private void vasculature() {
        Vasculature vasc = spec.step(Vasculature.class).orElse(null);
        if (runs(StepKind.VASCULATURE) && vasc != null && vasc.isEffective()) {
            vesselMask = VesselMask.build(vasc, geometry.canvasHeight(), geometry.canvasWidth(),
                    geometry.pixelSizeUm(), spec.acquisition().optics(), spec.acquisition().tissue(),
                    vesselFocalDepth(), streams);
        }
    }

    /** brain_motion: the (F, 2) content shifts, px, checked against the canvas margin. */
    private void brainMotion() {
        if (!runs(StepKind.BRAIN_MOTION)) {
            return;
        }
        Geometry g = geometry;
        shifts = MotionTrajectory.generate(spec.step(BrainMotion.class).orElseThrow(), nFrames, g.pixelSizeUm(),
                g.fps(), streams);
        MotionTrajectory.checkSymmetricMargin(g.canvasHeight(), g.canvasWidth(), g.fovHeight(), g.fovWidth());
        MotionTrajectory.checkWithinMargin(shifts, g.margin(), g.margin());
    }

    /** illumination_profile: the excitation falloff over the FOV. */
    private void illuminationProfile() {
        illumination = runs(StepKind.ILLUMINATION_PROFILE) ? illuminationContext : null;
    }

    /** vignette: the collection falloff over the FOV. */
    private void vignette() {
        vignette = runs(StepKind.VIGNETTE) ? vignetteContext : null;
    }

    /** leakage: the additive glow over the FOV, a.u. */
    private void leakage() {
        if (runs(StepKind.LEAKAGE)) {
            leakage = LeakageField.field(spec.step(Leakage.class).orElseThrow(), geometry.fovHeight(),
                    geometry.fovWidth(), geometry.pixelSizeUm());
        }
    }

    /** sensor: the digitisation settings (its noise is drawn per frame while rendering). */
    private void sensor() {
        sensor = runs(StepKind.SENSOR) ? spec.step(Sensor.class).orElseThrow() : null;
    }

    /** @return the units' summaries: their cells' when activity ran, else those of all-zero traces */
    private UnitTraceStats unitStats(int[] units) {
        if (cellStats == null) {
            return UnitTraceStats.of(new SceneTraceRows(null, units, nFrames));
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

    /** @return per-cell expression gains (dimensionless), or null without cell activity */
    double[] gains() {
        return traces == null ? null : traces.gains();
    }

    /** @return the photon field (illumination × vignette) of the scene's running steps, or null */
    double[] photonField() {
        return PhotonField.of(illumination, vignette);
    }

    /** Focal depth for the vessel blur (µm): optics' value, else a numeric acquisition depth, else median z. */
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

    /** @return (N, 3) cell centres (z, y, x), µm */
    static double[] centres(List<NeuronPlacement.PlacedCell> cells) {
        double[] c = new double[3 * cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            c[3 * i] = cells.get(i).zUm();
            c[3 * i + 1] = cells.get(i).yUm();
            c[3 * i + 2] = cells.get(i).xUm();
        }
        return c;
    }
}
