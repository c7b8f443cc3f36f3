package org.minisim.job.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minisim.footprint.Footprint;
import org.minisim.physics.Detectability;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.StreamedTruth;
import org.minisim.recording.UnitTraceStats;
import org.minisim.render.CellRenderStats;
import org.minisim.spec.Acquisition;
import org.minisim.spec.Optics;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;

/**
 * The F columns of the per-cell table (OUTPUT.md §7.2) of one recording, computed from its spec and finalized
 * ground truth only — so they can be recomputed from a saved store. One map per unit, keys = the stored
 * columns of {@link CellTableSchema#storedColumns()} in order; a missing or not-applicable value is null,
 * never NaN. R / F+R columns are present and null here; {@link #fillRenderColumns} fills them from the merged
 * render-time sums.
 */
public final class CellMetrics {

    /** The detectability threshold in force (OUTPUT.md §2.6). */
    public static final double DETECT_SNR_THRESHOLD = Detectability.DETECT_SNR_THRESHOLD;
    /** Store layout version written by this implementation. */
    public static final int FORMAT_VERSION = 2;
    /** Energy fraction of the IoU core mask (OUTPUT.md §3.1). */
    public static final double ENERGY_FRAC = 0.9;

    private CellMetrics() {}

    /**
     * @param spec        the recording's validated spec
     * @param gt          its finalized ground truth
     * @param implVersion implementation version + commit
     * @return one row per unit, in unit order
     */
    public static List<LinkedHashMap<String, Object>> compute(Spec spec, GroundTruth gt, String implVersion) {
        return compute(spec, StreamedTruth.of(gt), implVersion);
    }

    /**
     * @param spec        the recording's validated spec
     * @param truth       its finalized ground truth, traces summarised per unit (no N·F arrays needed)
     * @param implVersion implementation version + commit
     * @return one row per unit, in unit order
     */
    public static List<LinkedHashMap<String, Object>> compute(Spec spec, StreamedTruth truth, String implVersion) {
        GroundTruth gt = truth.statics();
        UnitTraceStats stats = truth.stats();
        Acquisition acq = spec.acquisition();
        Optics optics = acq.optics();
        double px = acq.pixelSizeUm();
        int n = gt.nUnits(), nf = gt.nFrames(), h = gt.fovHeight(), w = gt.fovWidth();
        boolean hasOptics = spec.has(StepKind.OPTICS);
        boolean hasSensor = spec.has(StepKind.SENSOR);
        boolean hasTrace = spec.has(StepKind.CELL_ACTIVITY);
        Double ppu = spec.step(Sensor.class).map(Sensor::photonsPerUnit).orElse(null);
        double qe = acq.imageSensor().quantumEfficiency();
        double read = acq.imageSensor().readNoiseE();

        int nDetectable = 0;
        for (boolean d : gt.detectable()) {
            nDetectable += d ? 1 : 0;
        }
        LinkedHashMap<String, Object> rec = new LinkedHashMap<>();
        rec.put("impl_version", implVersion);
        rec.put("format_version", FORMAT_VERSION);
        rec.put("detect_snr_threshold", DETECT_SNR_THRESHOLD);
        rec.put("focus_mode", acq.focalDepthInTissueUm().auto() ? "auto" : "fixed");
        rec.put("n_units", n);
        rec.put("n_detectable", nDetectable);
        rec.put("fov_height_px", h);
        rec.put("fov_width_px", w);
        rec.put("n_frames", nf);
        rec.put("pixel_size_um", num(px));
        rec.put("fps", num(acq.fps()));
        rec.put("duration_s", num(acq.durationS()));
        rec.put("na", num(optics.na()));
        rec.put("focal_depth_um", gt.focalDepthUm() == null ? null : num(gt.focalDepthUm()));
        rec.put("depth_of_field_um", hasOptics ? num(optics.resolvedDepthOfFieldUm()) : null);
        rec.put("photons_per_unit", ppu == null ? null : num(ppu));
        rec.put("quantum_efficiency", num(qe));
        rec.put("read_noise_e", num(read));
        rec.put("gain_adu_per_e", num(acq.imageSensor().gainAduPerE()));
        rec.put("bit_depth", acq.imageSensor().bitDepth());
        rec.put("has_optics", hasOptics);
        rec.put("has_sensor", hasSensor);
        rec.put("has_motion", spec.has(StepKind.BRAIN_MOTION));
        rec.put("has_neuropil", spec.has(StepKind.NEUROPIL));
        rec.put("has_bleaching", spec.has(StepKind.BLEACHING));
        rec.put("has_vasculature", gt.vasculatureMask() != null);
        rec.put("has_illumination", spec.has(StepKind.ILLUMINATION_PROFILE));
        rec.put("has_vignette", spec.has(StepKind.VIGNETTE));
        rec.put("has_leakage", spec.has(StepKind.LEAKAGE));
        rec.put("motion_rms_px", motionRms(gt.shifts(), nf));

        Footprint[] obs = new Footprint[n];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            obs[i] = ObservedFootprints.fov(gt, i);
            double s2 = 0.0;
            for (float v : obs[i].patch()) {
                s2 += (double) v * v;
            }
            norms[i] = Math.sqrt(s2);
        }
        double[] photonField = org.minisim.physics.PhotonField.of(gt.illumination(), gt.vignette());
        double[] cu = gt.centersUm();

        List<LinkedHashMap<String, Object>> rows = new ArrayList<>(n);
        int detectableIndex = 0;
        for (int i = 0; i < n; i++) {
            double z = cu[3 * i], y = cu[3 * i + 1], x = cu[3 * i + 2];
            LinkedHashMap<String, Object> r = new LinkedHashMap<>(rec);
            r.put("cell_index", i);
            boolean det = gt.detectable()[i];
            r.put("detectable_index", det ? detectableIndex++ : null);
            r.put("depth_um", num(z));
            r.put("y_um", num(y));
            r.put("x_um", num(x));
            double row = (h - 1) / 2.0 + y / px, col = (w - 1) / 2.0 + x / px;
            r.put("row_px", num(row));
            r.put("col_px", num(col));
            double radial = Math.hypot(y, x);
            r.put("radial_um", num(radial));
            r.put("edge_distance_px", num(Math.min(Math.min(row + 0.5, h - 0.5 - row),
                    Math.min(col + 0.5, w - 0.5 - col))));
            Footprint planted = gt.planted().get(i);
            Footprint plantedFov = planted.crop(gt.fovTop(), gt.fovLeft(), h, w);
            double total = planted.sum();
            r.put("fov_visible_fraction", total > 0 ? num(plantedFov.sum() / total) : null);
            r.put("planted_area_px", countNonZero(plantedFov));

            // activity
            double cMin = stats.cMin()[i], cMax = stats.cMax()[i], sSum = stats.spikeSum()[i];
            int active = stats.activeFrames()[i];
            Double peakDf = nf > 0 ? num(cMax - cMin) : null;
            Double baseline = nf > 0 ? num(cMin) : null;
            r.put("amplitude", num(gt.amplitudePerCell()[i]));
            r.put("peak_dF", peakDf);
            r.put("baseline", baseline);
            r.put("spike_count", num(sSum));
            r.put("active_frame_fraction", nf > 0 ? num((double) active / nf) : null);
            r.put("bleach_final", stats.bleachFinal() != null && nf > 0 ? num(stats.bleachFinal()[i]) : null);

            // optics
            r.put("in_focus", gt.inFocus()[i]);
            Double focal = gt.focalDepthUm();
            Double focalEff = focal == null ? null : num(focal - optics.curvatureShiftUm(radial));
            r.put("focal_eff_um", focalEff);
            r.put("defocus_um", focalEff == null ? null : num(Math.abs(z - focalEff)));
            Double sigmaPx = gt.observedSigmaPx() == null ? null : num(gt.observedSigmaPx()[i]);
            Double gain = gt.observedGain() == null ? null : num(gt.observedGain()[i]);
            r.put("observed_sigma_px", sigmaPx);
            r.put("observed_sigma_um", sigmaPx == null ? null : num(sigmaPx * px));
            r.put("observed_gain", gain);
            Double sigma0 = hasOptics
                    ? num(Math.hypot(optics.diffractionSigmaUm(), acq.tissue().scatterSigmaUm(z))) : null;
            r.put("sigma0_um", sigma0);
            double opticalBrightness = 1.0;
            if (hasOptics && sigmaPx != null && gain != null && sigma0 != null) {
                double ratio = sigma0 / (sigmaPx * px);
                opticalBrightness = gain * (ratio * ratio);
            }
            r.put("optical_brightness", num(opticalBrightness));
            Footprint o = obs[i];
            r.put("observed_peak", o.isEmpty() ? null : num(o.max()));
            r.put("observed_integral", num(o.sum()));
            r.put("observed_core_area_px", ObservedFootprints.energyMaskSize(o, ENERGY_FRAC));

            // detectability decomposition
            double illum = Detectability.sampleField(gt.illumination(), h, w, y, x, px);
            double vig = Detectability.sampleField(gt.vignette(), h, w, y, x, px);
            double pf = Detectability.sampleField(photonField, h, w, y, x, px);
            double vt = Detectability.sampleField(gt.vasculatureMask(), h, w, y, x, px);
            r.put("illumination_at_cell", num(illum));
            r.put("vignette_at_cell", num(vig));
            r.put("photon_field_at_cell", num(pf));
            r.put("vessel_transmission_at_cell", num(vt));
            String rule = !hasTrace ? "no_trace" : !hasSensor ? "no_sensor_in_focus" : "snr";
            Double gainE = null, signal = null, noise = null, snr = null;
            if (ppu != null) {
                double g = (((opticalBrightness * pf) * vt) * ppu) * qe;
                gainE = num(g);
                if (peakDf != null) {
                    double sig = peakDf * g;
                    double nse = Math.sqrt(Math.max(baseline, 0.0) * g + read * read);
                    signal = num(sig);
                    noise = num(nse);
                    if ("snr".equals(rule)) {
                        snr = num(Detectability.snr(peakDf, baseline, g, read));
                    }
                }
            }
            r.put("detection_gain_e", gainE);
            r.put("signal_e", signal);
            r.put("noise_e", noise);
            r.put("detection_snr", snr);
            r.put("detect_rule", rule);
            r.put("detectable", det);
            r.put("snr_flag_consistent", "snr".equals(rule) && snr != null
                    ? Detectability.isDetectable(snr) == det : null);

            // confounds
            r.put("vessel_overlap_fraction",
                    gt.vesselOverlapFraction() == null ? null : num(gt.vesselOverlapFraction()[i]));
            double nnLat = Double.POSITIVE_INFINITY, nn3 = Double.POSITIVE_INFINITY;
            double maxCos = n > 1 ? 0.0 : Double.NaN;
            int overlapping = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dz = cu[3 * j] - z, dy = cu[3 * j + 1] - y, dx = cu[3 * j + 2] - x;
                nnLat = Math.min(nnLat, Math.hypot(dy, dx));
                nn3 = Math.min(nn3, Math.sqrt(dz * dz + dy * dy + dx * dx));
                if (norms[i] > 0 && norms[j] > 0) {
                    double cos = dot(o, obs[j]) / (norms[i] * norms[j]);
                    maxCos = Math.max(maxCos, cos);
                    overlapping += cos >= CellTableSchema.OVERLAP_COSINE ? 1 : 0;
                }
            }
            r.put("nearest_neighbor_lateral_um", n > 1 ? num(nnLat) : null);
            r.put("nearest_neighbor_3d_um", n > 1 ? num(nn3) : null);
            r.put("max_neighbor_cosine", norms[i] > 0 ? num(maxCos) : null);
            r.put("n_overlapping_neighbors", norms[i] > 0 ? overlapping : null);
            for (String name : List.of("center_mean_e", "snr_with_background", "observed_mean_counts_at_cell",
                    "roi_trace_corr", "oracle_trace_corr", "oracle_empirical_snr")) {
                r.put(name, null);
            }
            rows.add(r);
        }
        return rows;
    }

    /**
     * Fills the R and F+R columns of one recording's rows (from {@link #compute}, unit order) from the merged
     * render-time sums of all its frames: {@code center_mean_e}, {@code observed_mean_counts_at_cell},
     * {@code roi_trace_corr}, {@code oracle_trace_corr}, {@code oracle_empirical_snr} and
     * {@code snr_with_background = signal_e / sqrt(center_mean_e + read²)}. Undefined values stay null.
     */
    public static void fillRenderColumns(List<? extends Map<String, Object>> rows, CellRenderStats.Sums sums) {
        if (rows.size() != sums.units()) {
            throw new IllegalArgumentException(rows.size() + " rows but sums of " + sums.units() + " units");
        }
        int n = rows.size();
        double[] peak = new double[n];
        Double epu = null;
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = rows.get(i);
            peak[i] = r.get("peak_dF") instanceof Number p ? p.doubleValue() : Double.NaN;
            if (r.get("photons_per_unit") instanceof Number ppu && r.get("quantum_efficiency") instanceof Number qe) {
                epu = ppu.doubleValue() * qe.doubleValue();
            }
        }
        CellRenderStats.Columns c = sums.finish(peak, epu);
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = rows.get(i);
            Double ce = c.centerMeanE()[i];
            r.put("center_mean_e", ce);
            r.put("observed_mean_counts_at_cell", c.observedMeanCountsAtCell()[i]);
            r.put("roi_trace_corr", c.roiTraceCorr()[i]);
            r.put("oracle_trace_corr", c.oracleTraceCorr()[i]);
            r.put("oracle_empirical_snr", c.oracleEmpiricalSnr()[i]);
            Double swb = null;
            if (ce != null && r.get("signal_e") instanceof Number sig && r.get("read_noise_e") instanceof Number rd) {
                double read = rd.doubleValue();
                double v = sig.doubleValue() / Math.sqrt(ce + read * read);
                swb = Double.isFinite(v) ? v : null;
            }
            r.put("snr_with_background", swb);
        }
    }

    /** @return the number of detectable units in rows from {@link #compute} */
    public static int countDetectable(List<? extends Map<String, Object>> rows) {
        int k = 0;
        for (Map<String, Object> r : rows) {
            k += Boolean.TRUE.equals(r.get("detectable")) ? 1 : 0;
        }
        return k;
    }

    /** NaN → null; everything else (including ±Infinity) unchanged. */
    static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static Double motionRms(double[] shifts, int nf) {
        if (shifts == null || nf == 0) {
            return null;
        }
        double s = 0.0;
        for (int t = 0; t < nf; t++) {
            s += shifts[2 * t] * shifts[2 * t] + shifts[2 * t + 1] * shifts[2 * t + 1];
        }
        return num(Math.sqrt(s / nf));
    }


    static int countNonZero(Footprint f) {
        int k = 0;
        for (float v : f.patch()) {
            k += v != 0f ? 1 : 0;
        }
        return k;
    }

    /** Dot product of two footprints on the same canvas (zero where they do not overlap). */
    static double dot(Footprint a, Footprint b) {
        int ya = Math.max(a.y0(), b.y0()), yb = Math.min(a.y0() + a.ph(), b.y0() + b.ph());
        int xa = Math.max(a.x0(), b.x0()), xb = Math.min(a.x0() + a.pw(), b.x0() + b.pw());
        double s = 0.0;
        for (int yy = ya; yy < yb; yy++) {
            int ra = (yy - a.y0()) * a.pw() - a.x0(), rb = (yy - b.y0()) * b.pw() - b.x0();
            for (int xx = xa; xx < xb; xx++) {
                s += (double) a.patch()[ra + xx] * b.patch()[rb + xx];
            }
        }
        return s;
    }
}
