package org.minisim.table;

import static org.minisim.table.ColumnSource.RENDER;
import static org.minisim.table.ColumnSource.SCENE;
import static org.minisim.table.ColumnSource.SCENE_AND_RENDER;
import static org.minisim.table.ColumnSource.SWEEP;
import static org.minisim.table.ColumnType.BOOLEAN;
import static org.minisim.table.ColumnType.DOUBLE;
import static org.minisim.table.ColumnType.INT;
import static org.minisim.table.ColumnType.LONG;
import static org.minisim.table.ColumnType.STRING;
import static org.minisim.table.ColumnType.STRING_MAP;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.minisim.footprint.Footprint;
import org.minisim.physics.Detectability;
import org.minisim.spec.StepKind;

/**
 * The per-cell table: one row per (recording, ground-truth unit), keyed {@code (sweep_id, spec_cache_key,
 * cell_index)} (docs/table.md). Its columns are defined here, once each, in table order: the sweep columns, the
 * stored columns (scene, then render), then the sweep's {@code ax_*} columns (doubles, sorted by name) and the
 * partition column {@code sweep_id}. Null means missing or not applicable; a double is never NaN.
 */
public final class CellTable {

    /** Partition column. */
    public static final String SWEEP_ID = "sweep_id";
    /** The detectability threshold in force: detectable = detection_snr ≥ this. */
    public static final double DETECT_SNR_THRESHOLD = Detectability.DETECT_SNR_THRESHOLD;
    /** Prefix of the typed axis columns. */
    public static final String AX_PREFIX = "ax_";
    /** Description of every {@code ax_*} column. */
    public static final String AX_DESCRIPTION = "the numeric value this recording's sweep point gives the swept "
            + "path (dots become __; a two-element tuple becomes _lo and _hi); null where the value is not a number";
    /** Description of the partition column. */
    public static final String SWEEP_ID_DESCRIPTION = "id of the sweep run (from the sweep file); the table's "
            + "partition column";

    private static final String SNR_RULE = "snr";

    /** Columns set from the sweep, first in the table. */
    public static final List<CellColumn> SWEEP_COLUMNS = List.of(
            sweep("spec_cache_key", STRING, "", "the recording's spec cache key: 16 hex characters of the SHA-256 "
                    + "of its canonical spec JSON; names its store and joins to outcome tables",
                    RecordingIdentity::cacheKey),
            sweep("store_uri", STRING, "", "URI of the recording's zarr store (named after its spec_cache_key)",
                    RecordingIdentity::storeUri),
            sweep("sweep_point_index", INT, "", "index of the recording's point in the sweep (grid axes in file "
                    + "order, last fastest; replicates of one point share it)", RecordingIdentity::pointIndex),
            sweep("seed", LONG, "", "the spec's master seed (separates replicates of one point)",
                    RecordingIdentity::seed),
            sweep("axes", STRING_MAP, "", "every swept path of the recording's point (dotted path → its value as "
                    + "canonical JSON text), whatever the value's type", RecordingIdentity::axesJson),
            sweep("split", STRING, "", "train, validation or test: a deterministic hash of the cache key against "
                    + "the sweep file's split fractions", RecordingIdentity::split));

    /** Provenance and recording context: the same on every row of a recording. */
    private static final List<CellColumn> CONTEXT_COLUMNS = List.of(
            scene("impl_version", STRING, "", "implementation version and commit that simulated the recording",
                    (f, u) -> f.implVersion),
            scene("format_version", INT, "", "layout version of the recording's zarr store (2)",
                    (f, u) -> CellFacts.FORMAT_VERSION),
            scene("detect_snr_threshold", DOUBLE, "1", "the SNR threshold T the stored detectable flag was decided "
                    + "with (detectable = detection_snr ≥ T)", (f, u) -> Detectability.DETECT_SNR_THRESHOLD),
            scene("focus_mode", STRING, "", "auto (the focal plane was chosen to maximise detectable cells, so it "
                    + "depends on the threshold) or fixed", (f, u) ->
                    f.acq.focalDepthInTissueUm().auto() ? "auto" : "fixed"),
            scene("n_units", INT, "", "ground-truth units of the recording (its rows in the table)", (f, u) -> f.n),
            scene("n_detectable", INT, "", "units of the recording whose detectable flag is true",
                    (f, u) -> f.nDetectable),
            scene("fov_height_px", INT, "px", "rows of the field of view (the movie's frame height)",
                    (f, u) -> f.gt.fovHeight()),
            scene("fov_width_px", INT, "px", "columns of the field of view (the movie's frame width)",
                    (f, u) -> f.gt.fovWidth()),
            scene("n_frames", INT, "frames", "frames of the movie", (f, u) -> f.gt.nFrames()),
            scene("pixel_size_um", DOUBLE, "µm", "object-space pixel size (sensor pixel pitch / magnification)",
                    (f, u) -> f.acq.pixelSizeUm()),
            scene("fps", DOUBLE, "Hz", "frame rate", (f, u) -> f.acq.fps()),
            scene("duration_s", DOUBLE, "s", "recording duration", (f, u) -> f.acq.durationS()),
            scene("na", DOUBLE, "1", "numerical aperture of the objective", (f, u) -> f.acq.optics().na()),
            scene("focal_depth_um", DOUBLE, "µm", "the resolved central focal plane (depth below the tissue "
                    + "surface; the spec's value, or the one auto focus chose); null without an optics step",
                    (f, u) -> f.gt.focalDepthUm()),
            scene("depth_of_field_um", DOUBLE, "µm", "the resolved depth of field that in_focus compares with; null "
                    + "without an optics step", (f, u) -> f.hasOptics ? f.acq.optics().resolvedDepthOfFieldUm()
                    : null),
            scene("photons_per_unit", DOUBLE, "photons/a.u.", "photons reaching the sensor per a.u. of movie "
                    + "intensity (the sensor step's exposure); null without a sensor step", (f, u) -> f.photonsPerUnit),
            scene("quantum_efficiency", DOUBLE, "1", "quantum efficiency of the acquisition's image sensor (e⁻ per "
                    + "photon); set even without a sensor step", (f, u) -> f.acq.imageSensor().quantumEfficiency()),
            scene("read_noise_e", DOUBLE, "e⁻", "read noise of the acquisition's image sensor (RMS)",
                    (f, u) -> f.acq.imageSensor().readNoiseE()),
            scene("gain_adu_per_e", DOUBLE, "ADU/e⁻", "conversion gain of the acquisition's image sensor",
                    (f, u) -> f.acq.imageSensor().gainAduPerE()),
            scene("bit_depth", INT, "bits", "ADC bit depth of the image sensor (counts saturate at "
                    + "2^bit_depth − 1 ADU)", (f, u) -> f.acq.imageSensor().bitDepth()),
            scene("has_optics", BOOLEAN, "", "the spec has an optics step", (f, u) -> f.hasOptics),
            scene("has_sensor", BOOLEAN, "", "the spec has a sensor step", (f, u) -> f.hasSensor),
            scene("has_motion", BOOLEAN, "", "the spec has a brain_motion step",
                    (f, u) -> f.spec.has(StepKind.BRAIN_MOTION)),
            scene("has_neuropil", BOOLEAN, "", "the spec has a neuropil step", (f, u) -> f.spec.has(StepKind.NEUROPIL)),
            scene("has_bleaching", BOOLEAN, "", "the spec has a bleaching step",
                    (f, u) -> f.spec.has(StepKind.BLEACHING)),
            scene("has_vasculature", BOOLEAN, "", "the recording has a vessel mask (a vasculature step that drew "
                    + "vessels)", (f, u) -> f.gt.vasculatureMask() != null),
            scene("has_illumination", BOOLEAN, "", "the spec has an illumination_profile step",
                    (f, u) -> f.spec.has(StepKind.ILLUMINATION_PROFILE)),
            scene("has_vignette", BOOLEAN, "", "the spec has a vignette step", (f, u) -> f.spec.has(StepKind.VIGNETTE)),
            scene("has_leakage", BOOLEAN, "", "the spec has a leakage step", (f, u) -> f.spec.has(StepKind.LEAKAGE)),
            scene("motion_rms_px", DOUBLE, "px", "RMS over frames of the content shift's length "
                    + "sqrt(dy² + dx²); null without motion or frames", (f, u) -> f.motionRmsPx()));

    /** Cell identity and geometry. */
    private static final List<CellColumn> GEOMETRY_COLUMNS = List.of(
            scene("cell_index", INT, "", "the unit's index in the store's ground truth (rows of C, S, planted)",
                    (f, u) -> u),
            scene("detectable_index", INT, "", "the unit's position among the detectable units (the index a "
                    + "detectable-subset result uses); null when not detectable",
                    (f, u) -> f.detectableIndex[u] < 0 ? null : f.detectableIndex[u]),
            scene("depth_um", DOUBLE, "µm", "depth z of the cell centre below the tissue surface", CellFacts::z),
            scene("y_um", DOUBLE, "µm", "row-direction position of the centre from the optical axis", CellFacts::y),
            scene("x_um", DOUBLE, "µm", "column-direction position of the centre from the optical axis",
                    CellFacts::x),
            scene("row_px", DOUBLE, "px", "fractional FOV row of the centre: (fov_height_px − 1)/2 + y_um / "
                    + "pixel_size_um", CellFacts::rowPx),
            scene("col_px", DOUBLE, "px", "fractional FOV column of the centre: (fov_width_px − 1)/2 + x_um / "
                    + "pixel_size_um", CellFacts::colPx),
            scene("radial_um", DOUBLE, "µm", "lateral distance of the centre from the optical axis: hypot(y_um, "
                    + "x_um)", (f, u) -> Math.hypot(f.y(u), f.x(u))),
            scene("edge_distance_px", DOUBLE, "px", "distance from the centre to the nearest FOV border (pixel "
                    + "edges; negative outside the FOV)", (f, u) -> edgeDistance(f, u)),
            scene("fov_visible_fraction", DOUBLE, "1", "the planted footprint's integral inside the FOV over its "
                    + "whole integral on the canvas; null for an empty footprint", CellTable::visibleFraction),
            scene("planted_area_px", INT, "px", "non-zero planted pixels inside the FOV (cell size)",
                    (f, u) -> countNonZero(f.plantedFov(u))));

    /** Activity: from the ground-truth traces. */
    private static final List<CellColumn> ACTIVITY_COLUMNS = List.of(
            scene("amplitude", DOUBLE, "1", "the cell's expression gain; null without cell activity",
                    (f, u) -> f.gt.amplitudePerCell()[u]),
            scene("peak_dF", DOUBLE, "a.u.", "max C − min C of the calcium trace (the SNR's signal); null without "
                    + "frames", CellFacts::peakDf),
            scene("baseline", DOUBLE, "a.u.", "min C of the calcium trace (the SNR's shot-noise term); null "
                    + "without frames", CellFacts::baseline),
            scene("spike_count", DOUBLE, "spikes", "total spikes Σ S over the movie", (f, u) -> f.stats.spikeSum()[u]),
            scene("active_frame_fraction", DOUBLE, "1", "fraction of frames with a spike (S > 0); null without "
                    + "frames", (f, u) -> f.gt.nFrames() > 0 ? (double) f.stats.activeFrames()[u] / f.gt.nFrames()
                    : null),
            scene("bleach_final", DOUBLE, "1", "intact-fluorophore fraction at the last frame; null without "
                    + "bleaching", (f, u) -> f.stats.bleachFinal() != null && f.gt.nFrames() > 0
                    ? f.stats.bleachFinal()[u] : null));

    /** Optics: the cell's blur, light loss and focus. */
    private static final List<CellColumn> OPTICS_COLUMNS = List.of(
            scene("in_focus", BOOLEAN, "", "|z − focal_eff_um| ≤ depth_of_field_um (geometric, independent of "
                    + "detectability; true without optics)", (f, u) -> f.gt.inFocus()[u]),
            scene("focal_eff_um", DOUBLE, "µm", "depth of the focal surface at the cell's lateral position: the "
                    + "central focal plane less the field-curvature shift there; null without a focal plane",
                    CellFacts::focalEffUm),
            scene("defocus_um", DOUBLE, "µm", "|depth_um − focal_eff_um|; null without a focal plane",
                    (f, u) -> Math.abs(f.z(u) - f.focalEffUm(u))),
            scene("observed_sigma_px", DOUBLE, "px", "total blur σ of the observed footprint (diffraction, "
                    + "scatter and defocus in quadrature); null without optics",
                    (f, u) -> f.gt.observedSigmaPx() == null ? null : f.gt.observedSigmaPx()[u]),
            scene("observed_sigma_um", DOUBLE, "µm", "observed_sigma_px × pixel_size_um; null without optics",
                    (f, u) -> f.gt.observedSigmaPx() == null ? null
                            : f.gt.observedSigmaPx()[u] * f.acq.pixelSizeUm()),
            scene("observed_gain", DOUBLE, "1", "flat light loss of the observed footprint (attenuation at depth × "
                    + "NA² collection); null without optics",
                    (f, u) -> f.gt.observedGain() == null ? null : f.gt.observedGain()[u]),
            scene("sigma0_um", DOUBLE, "µm", "in-focus blur: diffraction and depth scatter in quadrature; null "
                    + "without optics", (f, u) -> f.hasOptics ? org.minisim.physics.CellOpticsModel.sigma0Um(f.acq,
                    f.z(u)) : null),
            scene("optical_brightness", DOUBLE, "1", "the optics' peak factor in the detection gain: (sigma0_um / "
                    + "observed_sigma_um)² × observed_gain (1 without optics)", (f, u) -> f.opticalBrightness(u)),
            scene("observed_peak", DOUBLE, "1", "maximum of the observed footprint inside the FOV; null when it "
                    + "does not reach the FOV", (f, u) -> f.observedPeak[u]),
            scene("observed_integral", DOUBLE, "px", "sum of the observed footprint over the FOV pixels",
                    (f, u) -> f.observedIntegral[u]),
            scene("observed_core_area_px", INT, "px", "pixels of the observed footprint's 0.9-energy core (what "
                    + "IoU matching compares)", (f, u) -> f.coreArea[u]));

    /** The detectability decomposition: the terms of detection_snr. */
    private static final List<CellColumn> DETECTABILITY_COLUMNS = List.of(
            scene("illumination_at_cell", DOUBLE, "1", "excitation falloff at the centre pixel (1 without an "
                    + "illumination_profile step)", (f, u) -> f.illuminationAtCell[u]),
            scene("vignette_at_cell", DOUBLE, "1", "collection falloff at the centre pixel (1 without a vignette "
                    + "step)", (f, u) -> f.vignetteAtCell[u]),
            scene("photon_field_at_cell", DOUBLE, "1", "the photon field illumination × vignette at the centre "
                    + "pixel", (f, u) -> f.photonAtCell[u]),
            scene("vessel_transmission_at_cell", DOUBLE, "1", "vessel transmission at the centre pixel (1 without "
                    + "vessels)", (f, u) -> f.vesselAtCell[u]),
            scene("detection_gain_e", DOUBLE, "e⁻/a.u.", "detected electrons per a.u. of ΔF at the cell's peak: "
                    + "optical_brightness × photon_field_at_cell × vessel_transmission_at_cell × photons_per_unit "
                    + "× quantum_efficiency; null without a sensor step", (f, u) -> f.gainE[u]),
            scene("signal_e", DOUBLE, "e⁻", "the largest transient in detected electrons: peak_dF × "
                    + "detection_gain_e; null without a sensor step", (f, u) -> f.signalE[u]),
            scene("noise_e", DOUBLE, "e⁻", "noise at the resting level: sqrt(max(baseline, 0) × detection_gain_e "
                    + "+ read_noise_e²); null without a sensor step", (f, u) -> f.noiseE[u]),
            scene("detection_snr", DOUBLE, "1", "signal_e / noise_e, the predicted peak SNR (+∞ with a zero noise "
                    + "floor); null unless detect_rule is snr. detectable(T) = detection_snr ≥ T for any T",
                    (f, u) -> f.snr[u]),
            scene("detect_rule", STRING, "", "how detectable was decided: snr, no_trace (no cell activity: never "
                    + "detectable) or no_sensor_in_focus (no sensor: detectable = in_focus)", (f, u) -> f.detectRule),
            scene("detectable", BOOLEAN, "", "the detectability flag stored with the recording",
                    (f, u) -> f.gt.detectable()[u]),
            scene("snr_flag_consistent", BOOLEAN, "", "for snr rows: (detection_snr ≥ detect_snr_threshold) == "
                    + "detectable, a self-check of the table against the store; null otherwise",
                    CellTable::flagConsistent));

    /** Confounds the SNR model ignores: vessels and crowding. */
    private static final List<CellColumn> CONFOUND_COLUMNS = List.of(
            scene("vessel_overlap_fraction", DOUBLE, "1", "share of the cell's light the vessels absorb, weighted "
                    + "by its observed footprint, in [0, 1); null without vessels", (f, u) ->
                    f.gt.vesselOverlapFraction() == null ? null : f.gt.vesselOverlapFraction()[u]),
            scene("nearest_neighbor_lateral_um", DOUBLE, "µm", "lateral distance to the closest other unit's "
                    + "centre; null when the unit is alone", (f, u) -> f.nearestLateralUm[u]),
            scene("nearest_neighbor_3d_um", DOUBLE, "µm", "3-D distance to the closest other unit's centre; null "
                    + "when the unit is alone", (f, u) -> f.nearest3dUm[u]),
            scene("max_neighbor_cosine", DOUBLE, "1", "largest cosine similarity of the unit's observed footprint "
                    + "with another unit's over the FOV, on the footprints' supports (≥ 1 % of the peak) and, for "
                    + "blurred pairs, on a sampling lattice of blocks no wider than σ (within ~0.02 of the exact "
                    + "cosine); 0 when no other footprint meets it; null when its footprint has no light in the "
                    + "FOV or it is the only unit", (f, u) -> f.overlaps.maxNeighbourCosine(u)),
            scene("n_overlapping_neighbors", INT, "", "other units whose footprint cosine with this one (as in "
                    + "max_neighbor_cosine) is ≥ 0.1; null when its footprint has no light in the FOV",
                    (f, u) -> f.hasLight[u] ? f.overlaps.overlappingNeighbours(u) : null));

    /** Scene columns: known once the scene is built, computed from spec, scene and ground truth. */
    public static final List<CellColumn> SCENE_COLUMNS = concat(CONTEXT_COLUMNS, GEOMETRY_COLUMNS,
            ACTIVITY_COLUMNS, OPTICS_COLUMNS, DETECTABILITY_COLUMNS, CONFOUND_COLUMNS);

    /** Render columns: from the per-cell sums over every frame, merged across frame ranges. */
    public static final List<CellColumn> RENDER_COLUMNS = List.of(
            render("center_mean_e", RENDER, DOUBLE, "e⁻", "mean over frames of the noise-free expected electrons "
                    + "at the centre pixel from all sources (cells, neuropil, leakage): the intensity before the "
                    + "sensor × photons_per_unit × quantum_efficiency; null without a sensor step",
                    (r, rows, u) -> r.centerMeanE()[u]),
            render("snr_with_background", SCENE_AND_RENDER, DOUBLE, "1", "signal_e / sqrt(center_mean_e + "
                    + "read_noise_e²): an SNR whose noise counts all light at the centre, not only the cell's "
                    + "baseline (not the simulator's rule); null without a sensor step",
                    CellTable::snrWithBackground),
            render("observed_mean_counts_at_cell", RENDER, DOUBLE, "ADU", "mean over frames of the observed movie "
                    + "at the centre pixel, noise and saturation included (intensity in a.u. without a sensor step)",
                    (r, rows, u) -> r.observedMeanCountsAtCell()[u]),
            render("roi_trace_corr", RENDER, DOUBLE, "1", "Pearson r of the naive ROI trace with C: per frame, the "
                    + "mean of the observed frame over the pixels where the unit's footprint exceeds 0.18 of its "
                    + "peak (no demixing, no motion correction); null for a constant trace",
                    (r, rows, u) -> r.roiTraceCorr()[u]),
            render("oracle_trace_corr", RENDER, DOUBLE, "1", "Pearson r of the oracle trace with C. Oracle: per "
                    + "frame, the ridge least-squares fit of the frame's block sums over a window around the unit "
                    + "by the true footprints of the unit and its 24 most similar neighbours plus a constant (λ = "
                    + "1e-4 of each footprint's energy); the unit's coefficient. Null for a constant trace",
                    (r, rows, u) -> r.oracleTraceCorr()[u]),
            render("oracle_empirical_snr", RENDER, DOUBLE, "1", "a measured peak SNR: the oracle trace fitted as "
                    + "k·C + m by least squares over frames, k × peak_dF / std(residual); null for a constant trace",
                    (r, rows, u) -> r.oracleEmpiricalSnr()[u]));

    /** A group of columns, in table order, as docs/table.md lists them. */
    public record Section(String title, List<CellColumn> columns) {}

    /**
     * The fixed columns in table order, grouped: sweep, recording context, cell geometry, activity, optics,
     * detectability, confounds, render (together exactly {@link #FIXED}).
     */
    public static final List<Section> SECTIONS = List.of(
            new Section("Sweep", SWEEP_COLUMNS),
            new Section("Recording context", CONTEXT_COLUMNS),
            new Section("Cell identity and geometry", GEOMETRY_COLUMNS),
            new Section("Activity", ACTIVITY_COLUMNS),
            new Section("Optics", OPTICS_COLUMNS),
            new Section("Detectability", DETECTABILITY_COLUMNS),
            new Section("Confounds the SNR ignores", CONFOUND_COLUMNS),
            new Section("Render", RENDER_COLUMNS));

    /** The columns stored per recording (its cell file) and shipped from tasks: scene, then render. */
    public static final List<CellColumn> STORED;
    /** Every fixed column in table order (sweep, scene, render); the ax_* columns and sweep_id follow. */
    public static final List<CellColumn> FIXED;
    private static final Map<String, Integer> STORED_INDEX = new HashMap<>();

    static {
        List<CellColumn> stored = new ArrayList<>(SCENE_COLUMNS);
        stored.addAll(RENDER_COLUMNS);
        STORED = List.copyOf(stored);
        List<CellColumn> fixed = new ArrayList<>(SWEEP_COLUMNS);
        fixed.addAll(STORED);
        FIXED = List.copyOf(fixed);
        for (int c = 0; c < STORED.size(); c++) {
            STORED_INDEX.put(STORED.get(c).name(), c);
        }
    }

    private CellTable() {}

    /** @return the index of a stored column in {@link #STORED} */
    public static int storedIndex(String name) {
        Integer i = STORED_INDEX.get(name);
        if (i == null) {
            throw new IllegalArgumentException("not a stored column of the cell table: " + name);
        }
        return i;
    }

    /** @return the sorted, de-duplicated {@code ax_*} column names of a sweep */
    public static List<String> axisColumns(Collection<String> names) {
        for (String ax : names) {
            if (!ax.startsWith(AX_PREFIX)) {
                throw new IllegalArgumentException("axis column without the ax_ prefix: " + ax);
            }
        }
        return new ArrayList<>(new TreeSet<>(names));
    }

    /**
     * @return the scene columns of one recording's rows (render columns null)
     */
    public static CellRows sceneRows(CellFacts facts) {
        CellRows rows = new CellRows(facts.size());
        for (int c = 0; c < SCENE_COLUMNS.size(); c++) {
            CellColumn.SceneValue v = ((CellColumn.OfScene) SCENE_COLUMNS.get(c).value()).of();
            for (int u = 0; u < facts.size(); u++) {
                rows.set(c, u, finite(v.of(facts, u)));
            }
        }
        return rows;
    }

    /** Fills the render columns of rows from {@link #sceneRows} with the merged render sums of all frames. */
    public static void fillRender(CellRows rows, RenderStatistics.Sums sums) {
        int n = rows.size();
        if (n != sums.units()) {
            throw new IllegalArgumentException(n + " rows but sums of " + sums.units() + " units");
        }
        int peak = storedIndex("peak_dF"), ppu = storedIndex("photons_per_unit"), qe = storedIndex(
                "quantum_efficiency");
        double[] peakDf = new double[n];
        double epu = Double.NaN;
        for (int u = 0; u < n; u++) {
            peakDf[u] = rows.getDouble(peak, u);
            if (!rows.isNull(ppu, u) && !rows.isNull(qe, u)) {
                epu = rows.getDouble(ppu, u) * rows.getDouble(qe, u);
            }
        }
        RenderStatistics.Columns r = sums.finish(peakDf, epu);
        int first = SCENE_COLUMNS.size();
        for (int c = 0; c < RENDER_COLUMNS.size(); c++) {
            CellColumn.RenderValue v = ((CellColumn.OfRender) RENDER_COLUMNS.get(c).value()).of();
            for (int u = 0; u < n; u++) {
                rows.set(first + c, u, finite(v.of(r, rows, u)));
            }
        }
    }

    /** NaN → null (the table never holds NaN); ±∞ and everything else unchanged. */
    private static Object finite(Object v) {
        return v instanceof Double d && d.isNaN() ? null : v;
    }

    @SafeVarargs
    private static List<CellColumn> concat(List<CellColumn>... parts) {
        List<CellColumn> all = new ArrayList<>();
        for (List<CellColumn> p : parts) {
            all.addAll(p);
        }
        return List.copyOf(all);
    }

    private static CellColumn sweep(String name, ColumnType type, String unit, String description,
                                    Function<RecordingIdentity, Object> value) {
        return new CellColumn(name, type, unit, SWEEP, description, new CellColumn.OfSweep(value));
    }

    private static CellColumn scene(String name, ColumnType type, String unit, String description,
                                    CellColumn.SceneValue value) {
        return new CellColumn(name, type, unit, SCENE, description, new CellColumn.OfScene(value));
    }

    private static CellColumn render(String name, ColumnSource source, ColumnType type, String unit,
                                     String description, CellColumn.RenderValue value) {
        return new CellColumn(name, type, unit, source, description, new CellColumn.OfRender(value));
    }


    private static double edgeDistance(CellFacts f, int u) {
        double row = f.rowPx(u), col = f.colPx(u);
        int h = f.gt.fovHeight(), w = f.gt.fovWidth();
        return Math.min(Math.min(row + 0.5, h - 0.5 - row), Math.min(col + 0.5, w - 0.5 - col));
    }

    private static Object visibleFraction(CellFacts f, int u) {
        Footprint planted = f.gt.planted().get(u);
        double total = planted.sum();
        return total > 0 ? f.plantedFov(u).sum() / total : null;
    }

    private static int countNonZero(Footprint fp) {
        int k = 0;
        for (float v : fp.patch()) {
            k += v != 0f ? 1 : 0;
        }
        return k;
    }

    private static Object flagConsistent(CellFacts f, int u) {
        double snr = f.snr[u];
        return SNR_RULE.equals(f.detectRule) && !Double.isNaN(snr)
                ? Detectability.isDetectable(snr) == f.gt.detectable()[u] : null;
    }


    private static Object snrWithBackground(RenderStatistics.Columns r, CellRows rows, int u) {
        double ce = r.centerMeanE()[u];
        Object sig = rows.get("signal_e", u), rd = rows.get("read_noise_e", u);
        if (Double.isNaN(ce) || !(sig instanceof Double s) || !(rd instanceof Double read)) {
            return null;
        }
        double v = s / Math.sqrt(ce + read * read);
        return Double.isFinite(v) ? v : null;
    }
}
