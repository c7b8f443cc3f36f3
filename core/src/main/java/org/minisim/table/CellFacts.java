package org.minisim.table;

import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintPatch;
import org.minisim.physics.CellOpticsModel;
import org.minisim.physics.Detectability;
import org.minisim.physics.PhotonField;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.StreamedTruth;
import org.minisim.recording.UnitTraceStats;
import org.minisim.scene.Scene;
import org.minisim.spec.Acquisition;
import org.minisim.spec.Optics;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;

/**
 * What the scene columns of one recording's rows are computed from (docs/table.md): the spec, the scene's
 * optics per cell, the finalized ground truth and its trace summaries, the units' FOV footprints and their
 * overlaps. Each per-unit quantity is computed once here, by the same physics the simulation used
 * ({@link CellOpticsModel}, {@link Detectability}), so the table restates the simulation rather than
 * recomputing it its own way. Immutable.
 */
public final class CellFacts {

    /** The store layout version this implementation writes. */
    public static final int FORMAT_VERSION = 2;
    /** Energy fraction of the core mask ({@code observed_core_area_px}). */
    public static final double CORE_ENERGY = 0.9;

    final Spec spec;
    final Acquisition acq;
    final GroundTruth gt;
    final UnitTraceStats stats;
    final String implVersion;
    final int n;
    final int nDetectable;
    final boolean hasOptics, hasSensor, hasTrace;
    /** Photons per a.u. of the sensor step, or NaN without one. */
    final double photonsPerUnit;
    final FovFootprint[] observed;
    /** Per unit its footprint on its support (values ≥ 1 % of the peak): what the overlap statistics use. */
    final FovFootprint[] support;
    final FootprintOverlaps overlaps;
    /** Per unit: the cell's optics (null without optics). */
    final CellOpticsModel.CellOpticsResult[] optics;
    /** Per unit: the photon field (illumination × vignette) and vessel transmission at the centre. */
    final double[] photonAtCell, vesselAtCell, illuminationAtCell, vignetteAtCell;
    /** Per unit: detection gain (e⁻ per a.u.; NaN without sensor) and the SNR decomposition. */
    final double[] gainE, signalE, noiseE, snr;
    final String detectRule;
    /** Per unit FOV footprint summaries. */
    final double[] observedPeak, observedIntegral;
    final int[] coreArea;
    /** Per unit: whether its observed footprint has light in the FOV (Σ a² > 0). */
    final boolean[] hasLight;
    /** Per unit: its index among the detectable units, or −1. */
    final int[] detectableIndex;
    /** Per unit: lateral and 3-D distance to the closest other unit, µm (NaN when alone). */
    final double[] nearestLateralUm, nearest3dUm;

    /**
     * @param scene       the recording's built scene
     * @param implVersion implementation version + commit recorded in every row
     * @return the facts of the scene's units
     */
    public static CellFacts of(Scene scene, String implVersion) {
        int[] units = scene.unitCells();
        FootprintPatch[] canvas = scene.observedFootprints();
        FootprintPatch[] observed = new FootprintPatch[units.length];
        CellOpticsModel.CellOpticsResult[] optics = scene.optics() == null ? null
                : new CellOpticsModel.CellOpticsResult[units.length];
        for (int u = 0; u < units.length; u++) {
            observed[u] = canvas[units[u]];
            if (optics != null) {
                optics[u] = scene.optics()[units[u]];
            }
        }
        return new CellFacts(scene.spec(), scene.streamedTruth(), observed, optics, implVersion);
    }

    /**
     * @param spec        the recording's validated spec
     * @param truth       its finalized ground truth (traces summarised per unit)
     * @param observed    per unit its observed footprint on the canvas (the planted one without optics)
     * @param optics      per unit its optics, or null when the optics step did not run
     * @param implVersion implementation version + commit recorded in every row
     */
    public CellFacts(Spec spec, StreamedTruth truth, FootprintPatch[] observed,
                     CellOpticsModel.CellOpticsResult[] optics, String implVersion) {
        this.spec = spec;
        this.acq = spec.acquisition();
        this.gt = truth.statics();
        this.stats = truth.stats();
        this.implVersion = implVersion;
        this.n = gt.nUnits();
        int det = 0;
        for (boolean d : gt.detectable()) {
            det += d ? 1 : 0;
        }
        nDetectable = det;
        hasOptics = spec.has(StepKind.OPTICS);
        hasSensor = spec.has(StepKind.SENSOR);
        hasTrace = spec.has(StepKind.CELL_ACTIVITY);
        photonsPerUnit = spec.step(Sensor.class).map(Sensor::photonsPerUnit).orElse(Double.NaN);
        detectRule = !hasTrace ? "no_trace" : !hasSensor ? "no_sensor_in_focus" : "snr";
        this.optics = optics;
        this.observed = new FovFootprint[n];
        for (int u = 0; u < n; u++) {
            this.observed[u] = new FovFootprint(observed[u], gt.fovTop(), gt.fovLeft(), gt.fovHeight(),
                    gt.fovWidth());
        }
        overlaps = FootprintOverlaps.of(this.observed, gt.observedSigmaPx(), gt.fovHeight(), gt.fovWidth());
        support = new FovFootprint[n];
        for (int u = 0; u < n; u++) {
            support[u] = overlaps.unit(u).support();
        }

        int h = gt.fovHeight(), w = gt.fovWidth();
        double px = acq.pixelSizeUm();
        double[] photon = PhotonField.of(gt.illumination(), gt.vignette());
        double[] cu = gt.centersUm();
        photonAtCell = new double[n];
        vesselAtCell = new double[n];
        illuminationAtCell = new double[n];
        vignetteAtCell = new double[n];
        gainE = new double[n];
        signalE = new double[n];
        noiseE = new double[n];
        snr = new double[n];
        observedPeak = new double[n];
        observedIntegral = new double[n];
        coreArea = new int[n];
        hasLight = new boolean[n];
        nearestLateralUm = new double[n];
        nearest3dUm = new double[n];
        detectableIndex = new int[n];
        int k = 0;
        for (int u = 0; u < n; u++) {
            detectableIndex[u] = gt.detectable()[u] ? k++ : -1;
        }
        double qe = acq.imageSensor().quantumEfficiency(), read = acq.imageSensor().readNoiseE();
        org.minisim.Parallel.forEach(n, u -> {
            double y = cu[3 * u + 1], x = cu[3 * u + 2];
            illuminationAtCell[u] = Detectability.sampleField(gt.illumination(), h, w, y, x, px);
            vignetteAtCell[u] = Detectability.sampleField(gt.vignette(), h, w, y, x, px);
            photonAtCell[u] = Detectability.sampleField(photon, h, w, y, x, px);
            vesselAtCell[u] = Detectability.sampleField(gt.vasculatureMask(), h, w, y, x, px);
            gainE[u] = signalE[u] = noiseE[u] = snr[u] = Double.NaN;
            if (!Double.isNaN(photonsPerUnit)) {
                double g = Detectability.gain(opticalBrightness(u), photonAtCell[u], vesselAtCell[u],
                        photonsPerUnit, qe);
                gainE[u] = g;
                double peak = peakDf(u), base = baseline(u);
                if (!Double.isNaN(peak)) {
                    signalE[u] = peak * g;
                    noiseE[u] = Math.sqrt(Math.max(base, 0.0) * g + read * read);
                    if ("snr".equals(detectRule)) {
                        snr[u] = Detectability.snr(peak, base, g, read);
                    }
                }
            }
            UnitFootprint unit = overlaps.unit(u);
            FootprintSummary summary = unit.summary();
            observedPeak[u] = unit.full().isEmpty() ? Double.NaN : summary.peak();
            observedIntegral[u] = summary.integral();
            coreArea[u] = summary.coreArea();
            hasLight[u] = unit.energy()[0] > 0;
            double lat = Double.POSITIVE_INFINITY, all = Double.POSITIVE_INFINITY;
            double z = cu[3 * u];
            for (int j = 0; j < n; j++) {
                if (j != u) {
                    double dz = cu[3 * j] - z, dy = cu[3 * j + 1] - y, dx = cu[3 * j + 2] - x;
                    double l2 = dy * dy + dx * dx;
                    lat = Math.min(lat, l2);
                    all = Math.min(all, l2 + dz * dz);
                }
            }
            nearestLateralUm[u] = n > 1 ? Math.sqrt(lat) : Double.NaN;
            nearest3dUm[u] = n > 1 ? Math.sqrt(all) : Double.NaN;
        });
    }

    /** @return the number of units (rows) */
    public int size() {
        return n;
    }

    /** @return the units' FOV footprints on their supports ({@link FootprintOverlaps#SUPPORT_REL}) */
    public FovFootprint[] footprints() {
        return support;
    }

    /** @return per unit its ROI mask as row runs ({@link RenderStatistics#runs}) */
    int[][] roiRuns() {
        int[][] runs = new int[n][];
        for (int u = 0; u < n; u++) {
            runs[u] = overlaps.unit(u).roiRuns();
        }
        return runs;
    }

    /** @return the units' footprint overlaps (neighbour columns and the oracle's neighbourhoods) */
    public FootprintOverlaps overlaps() {
        return overlaps;
    }

    /** @return unit u's optics peak factor (1 without optics), dimensionless */
    double opticalBrightness(int u) {
        return optics == null ? 1.0 : optics[u].opticalBrightness();
    }

    /** @return {@code max C − min C} of unit u, a.u. (NaN without frames) */
    double peakDf(int u) {
        return gt.nFrames() > 0 ? stats.peakDf(u) : Double.NaN;
    }

    /** @return {@code min C} of unit u, a.u. (NaN without frames) */
    double baseline(int u) {
        return gt.nFrames() > 0 ? stats.cMin()[u] : Double.NaN;
    }

    /** @return unit u's depth z, µm */
    double z(int u) {
        return gt.centersUm()[3 * u];
    }

    /** @return unit u's row-direction position in the optical-centre frame, µm */
    double y(int u) {
        return gt.centersUm()[3 * u + 1];
    }

    /** @return unit u's column-direction position, µm */
    double x(int u) {
        return gt.centersUm()[3 * u + 2];
    }

    /** @return unit u's fractional FOV row, px */
    double rowPx(int u) {
        return (gt.fovHeight() - 1) / 2.0 + y(u) / acq.pixelSizeUm();
    }

    /** @return unit u's fractional FOV column, px */
    double colPx(int u) {
        return (gt.fovWidth() - 1) / 2.0 + x(u) / acq.pixelSizeUm();
    }

    /** @return the curvature-corrected focal plane at unit u, µm, or NaN without a focal plane */
    double focalEffUm(int u) {
        Double f = gt.focalDepthUm();
        return f == null ? Double.NaN : CellOpticsModel.effectiveFocalDepthUm(acq.optics(), f, y(u), x(u));
    }

    /** @return the RMS of the content shifts, px, or NaN without motion or frames */
    double motionRmsPx() {
        double[] s = gt.shifts();
        int nf = gt.nFrames();
        if (s == null || nf == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int t = 0; t < nf; t++) {
            sum += s[2 * t] * s[2 * t] + s[2 * t + 1] * s[2 * t + 1];
        }
        return Math.sqrt(sum / nf);
    }

    /** @return the planted footprint of unit u cropped to the FOV */
    Footprint plantedFov(int u) {
        return gt.planted().get(u).crop(gt.fovTop(), gt.fovLeft(), gt.fovHeight(), gt.fovWidth());
    }

    /** @return the centre pixel index {@code row·W + col} of every unit (rounded half-even, clipped to the FOV) */
    public int[] centerPixels() {
        int h = gt.fovHeight(), w = gt.fovWidth();
        int[] c = new int[n];
        for (int u = 0; u < n; u++) {
            int row = clip(Math.rint(rowPx(u)), h);
            int col = clip(Math.rint(colPx(u)), w);
            c[u] = row * w + col;
        }
        return c;
    }

    /** @return the optics of the spec */
    Optics opticsSpec() {
        return acq.optics();
    }

    private static int clip(double v, int len) {
        return (int) Math.min(Math.max(v, 0.0), len - 1.0);
    }
}
