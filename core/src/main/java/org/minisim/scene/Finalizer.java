package org.minisim.scene;

import org.minisim.recording.UnitTraceStats;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.StreamedTruth;
import java.util.ArrayList;
import java.util.List;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintPatch;
import org.minisim.footprint.FootprintStack;
import org.minisim.physics.CellOpticsModel;
import org.minisim.physics.Detectability;
import org.minisim.physics.NeuronPlacement;
import org.minisim.physics.NeuropilFields;
import org.minisim.spec.Geometry;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;

/**
 * finalize (docs/physics.md#ground-truth): turns a scene's cells and side-channel fields into the
 * {@link GroundTruth}: unit selection (cells wholly inside the motion margin are dropped), per-unit arrays with
 * their defaults, detectability (the SNR rule with {@link Detectability#DETECT_SNR_THRESHOLD}), vessel overlap,
 * and the per-effect fields cropped to the FOV.
 */
final class Finalizer {

    private Finalizer() {}

    /**
     * The finalized ground truth without its trace arrays, and which simulated cell each unit is.
     *
     * @param statics   the ground truth with {@code c}, {@code s} and {@code bleaching} null (they stream from
     *                  the plan's cells; see {@link StreamedTruth})
     * @param unitCells the simulated-cell index of each unit, ascending
     */
    public record Finalized(GroundTruth statics, int[] unitCells) {}

    /**
     * Finalizes the cells and fields of a scene whose steps have all run.
     *
     * @param plan the builder after its last step (cells, optics, fields; the cells' trace summaries and gains,
     *             null when cell_activity did not run)
     * @return the statics of the truth and its units' cells
     */
    static Finalized finalizeTruth(SceneBuilder plan) {
        UnitTraceStats cellStats = plan.cellStats;
        double[] gains = plan.gains();
        Spec spec = plan.spec;
        Geometry g = plan.geometry;
        int nFrames = g.nFrames();
        int h = g.fovHeight(), w = g.fovWidth();
        List<NeuronPlacement.PlacedCell> cells = plan.cells;
        int hc = cells.isEmpty() ? h : cells.get(0).planted().canvasH();
        int wc = cells.isEmpty() ? w : cells.get(0).planted().canvasW();
        int top = (hc - h) / 2, left = (wc - w) / 2;

        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).planted().crop(top, left, h, w).isEmpty()) {
                units.add(i);
            }
        }
        int n = units.size();
        boolean act = cellStats != null;
        CellOpticsModel.CellOpticsResult[] optics = plan.optics;

        List<Footprint> planted = new ArrayList<>(n);
        double[] centres = new double[3 * n];
        double[] amplitude = new double[n];
        boolean[] inFocus = new boolean[n];
        double[] sigma = optics != null && n > 0 ? new double[n] : null;
        double[] gain = sigma != null ? new double[n] : null;
        for (int u = 0; u < n; u++) {
            int i = units.get(u);
            NeuronPlacement.PlacedCell cell = cells.get(i);
            planted.add(cell.planted());
            amplitude[u] = act ? gains[i] : Double.NaN;
            centres[3 * u] = cell.zUm();
            centres[3 * u + 1] = cell.yUm();
            centres[3 * u + 2] = cell.xUm();
            inFocus[u] = optics == null || optics[i].inFocus();
            if (sigma != null) {
                sigma[u] = optics[i].observedSigmaPx();
                gain[u] = optics[i].observedGain();
            }
        }

        double[] mask = plan.vesselMask;
        double[] maskFov = mask == null ? null : crop(mask, 1, hc, wc, top, left, h, w);
        double[] photon = plan.photonField();
        boolean[] detectable = new boolean[n];
        Sensor sensor = spec.step(Sensor.class).orElse(null);
        ImageSensor hw = spec.acquisition().imageSensor();
        for (int u = 0; u < n; u++) {
            int i = units.get(u);
            if (!act) {
                detectable[u] = false;
            } else if (sensor == null) {
                detectable[u] = inFocus[u];
            } else {
                double y = centres[3 * u + 1], x = centres[3 * u + 2];
                double brightness = optics == null ? 1.0 : optics[i].opticalBrightness();
                double detGain = Detectability.gain(brightness,
                        Detectability.sampleField(photon, h, w, y, x, g.pixelSizeUm()),
                        Detectability.sampleField(maskFov, h, w, y, x, g.pixelSizeUm()), sensor.photonsPerUnit(),
                        hw.quantumEfficiency());
                detectable[u] = Detectability.isDetectable(Detectability.snr(
                        cellStats.cMax()[i] - cellStats.cMin()[i], cellStats.cMin()[i], detGain, hw.readNoiseE()));
            }
        }

        double[] overlap = null;
        if (mask != null) {
            overlap = new double[n];
            FootprintPatch[] obs = plan.observedFootprints;
            for (int u = 0; u < n; u++) {
                overlap[u] = vesselOverlap(obs[units.get(u)], mask, wc);
            }
        }

        NeuropilFields np = plan.neuropil;
        GroundTruth statics = new GroundTruth(new FootprintStack(planted, hc, wc), top, left, h, w, nFrames, null,
                null, centres, amplitude, inFocus, detectable, sigma, gain, copy(plan.shifts),
                copy(plan.illumination), copy(plan.vignette), copy(plan.leakage), null,
                np == null ? 0 : np.k(),
                np == null ? null : np.temporal().clone(),
                np == null ? null : crop(np.spatial(), np.k(), np.canvasH(), np.canvasW(), (np.canvasH() - h) / 2,
                        (np.canvasW() - w) / 2, h, w),
                np == null || np.population() == null ? null : np.population().clone(), maskFov, overlap,
                plan.focalDepthUm);
        return new Finalized(statics, units.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Footprint-weighted vessel burden (docs/physics.md#vessel-overlap): {@code 1 − Σ(A·M)/Σ(A)} over the observed
     * patch on the canvas; 0 for an empty footprint or a non-positive sum.
     */
    public static double vesselOverlap(FootprintPatch observed, double[] canvasMask, int canvasWidth) {
        if (observed.isEmpty()) {
            return 0.0;
        }
        float[] p = new float[observed.pw()];
        double sumA = 0.0, sumAm = 0.0;
        for (int a = 0; a < observed.ph(); a++) {
            int row = (observed.y0() + a) * canvasWidth + observed.x0();
            observed.copyWindow(a, a + 1, 0, observed.pw(), p, 0);
            for (int b = 0; b < observed.pw(); b++) {
                double v = p[b];
                sumA += v;
                sumAm += v * canvasMask[row + b];
            }
        }
        return sumA <= 0.0 ? 0.0 : 1.0 - sumAm / sumA;
    }

    /** Centre-crops {@code k} stacked (hc, wc) images to (h, w) at (top, left). */
    static double[] crop(double[] src, int k, int hc, int wc, int top, int left, int h, int w) {
        double[] out = new double[k * h * w];
        for (int j = 0; j < k; j++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(src, j * hc * wc + (top + r) * wc + left, out, j * h * w + r * w, w);
            }
        }
        return out;
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }
}
