package org.minisim.job.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The explicit schema of the per-cell table (OUTPUT.md §7.2): identity and provenance, recording context, cell
 * geometry, activity, optics, detectability decomposition, confounds and the pipeline-free outcomes. Every
 * column is nullable (null = missing / not applicable; never NaN). The sweep's {@code ax_*} columns (doubles)
 * follow the fixed columns, sorted by name; {@code sweep_id} is the partition column and comes last.
 */
public final class CellTableSchema {

    /** Where a column's value comes from (OUTPUT.md §7.1). */
    public enum Source { F, R, P, FR }

    /** One fixed column. */
    public record Column(String name, DataType type, Source source) {}

    /** Partition column. */
    public static final String SWEEP_ID = "sweep_id";
    /** Prefix of the typed axis columns. */
    public static final String AX_PREFIX = "ax_";
    /** Cosine similarity at or above which two observed footprints count as overlapping neighbours. */
    public static final double OVERLAP_COSINE = 0.1;

    private static final DataType S = DataTypes.StringType;
    private static final DataType I = DataTypes.IntegerType;
    private static final DataType L = DataTypes.LongType;
    private static final DataType D = DataTypes.DoubleType;
    private static final DataType B = DataTypes.BooleanType;
    private static final DataType AXES = DataTypes.createMapType(S, S, true);

    /** Columns set by the driver from the sweep (not stored in the recording's cell file). */
    public static final List<Column> IDENTITY = List.of(
            c("spec_cache_key", S), c("store_uri", S), c("sweep_point_index", I), c("seed", L),
            c("axes", AXES));

    /** Columns computed from (spec, ground truth) — stored per recording and read back for reused stores. */
    public static final List<Column> RECORDING = List.of(
            c("impl_version", S), c("format_version", I), c("detect_snr_threshold", D), c("focus_mode", S),
            c("n_units", I), c("n_detectable", I), c("fov_height_px", I), c("fov_width_px", I), c("n_frames", I),
            c("pixel_size_um", D), c("fps", D), c("duration_s", D), c("na", D), c("focal_depth_um", D),
            c("depth_of_field_um", D), c("photons_per_unit", D), c("quantum_efficiency", D),
            c("read_noise_e", D), c("gain_adu_per_e", D), c("bit_depth", I),
            c("has_optics", B), c("has_sensor", B), c("has_motion", B), c("has_neuropil", B),
            c("has_bleaching", B), c("has_vasculature", B), c("has_illumination", B), c("has_vignette", B),
            c("has_leakage", B), c("motion_rms_px", D));

    /** Per-cell columns (F), then the R and F+R columns that a later stage fills (null for now). */
    public static final List<Column> CELL = List.of(
            c("cell_index", I), c("detectable_index", I), c("depth_um", D), c("y_um", D), c("x_um", D),
            c("row_px", D), c("col_px", D), c("radial_um", D), c("edge_distance_px", D),
            c("fov_visible_fraction", D), c("planted_area_px", I),
            c("amplitude", D), c("peak_dF", D), c("baseline", D), c("spike_count", D),
            c("active_frame_fraction", D), c("bleach_final", D),
            c("in_focus", B), c("focal_eff_um", D), c("defocus_um", D), c("observed_sigma_px", D),
            c("observed_sigma_um", D), c("observed_gain", D), c("sigma0_um", D), c("optical_brightness", D),
            c("observed_peak", D), c("observed_integral", D), c("observed_core_area_px", I),
            c("illumination_at_cell", D), c("vignette_at_cell", D), c("photon_field_at_cell", D),
            c("vessel_transmission_at_cell", D), c("detection_gain_e", D), c("signal_e", D), c("noise_e", D),
            c("detection_snr", D), c("detect_rule", S), c("detectable", B), c("snr_flag_consistent", B),
            c("vessel_overlap_fraction", D), c("nearest_neighbor_lateral_um", D),
            c("nearest_neighbor_3d_um", D), c("max_neighbor_cosine", D), c("n_overlapping_neighbors", I),
            new Column("center_mean_e", D, Source.R), new Column("snr_with_background", D, Source.FR),
            new Column("observed_mean_counts_at_cell", D, Source.R), new Column("roi_trace_corr", D, Source.R),
            new Column("oracle_trace_corr", D, Source.R), new Column("oracle_empirical_snr", D, Source.R));

    private CellTableSchema() {}

    private static Column c(String name, DataType type) {
        return new Column(name, type, Source.F);
    }

    /** @return the fixed columns stored in a recording's cell file, in table order */
    public static List<Column> storedColumns() {
        List<Column> all = new ArrayList<>(RECORDING);
        all.addAll(CELL);
        return all;
    }

    /** @return every column before the axis columns: identity, recording context, cell */
    public static List<Column> fixedColumns() {
        List<Column> all = new ArrayList<>(IDENTITY);
        all.addAll(RECORDING);
        all.addAll(CELL);
        return all;
    }

    /** @return the sorted, de-duplicated {@code ax_*} column names of a sweep */
    public static List<String> axisColumns(Collection<String> names) {
        return new ArrayList<>(new TreeSet<>(names));
    }

    /**
     * @param axisColumns the sweep's {@code ax_*} column names (see {@link #axisColumns})
     * @return the table schema: fixed columns, axis columns, then {@code sweep_id}
     */
    public static StructType schema(List<String> axisColumns) {
        List<StructField> fields = new ArrayList<>();
        for (Column col : fixedColumns()) {
            fields.add(DataTypes.createStructField(col.name(), col.type(), true));
        }
        for (String ax : axisColumns) {
            if (!ax.startsWith(AX_PREFIX)) {
                throw new IllegalArgumentException("axis column without the ax_ prefix: " + ax);
            }
            fields.add(DataTypes.createStructField(ax, D, true));
        }
        fields.add(DataTypes.createStructField(SWEEP_ID, S, false));
        return DataTypes.createStructType(fields);
    }
}
