package org.minisim.job.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The explicit schema of the pipeline outcome table (docs/table.md#outcome-table): keyed
 * {@code (sweep_id, spec_cache_key, cell_index, pipeline_id)}, joined to the per-cell table on
 * {@code (sweep_id, spec_cache_key, cell_index)}. Partitioned by {@code sweep_id} then {@code pipeline_id}, which
 * come last (where Spark puts partition columns when reading). Null = missing / not applicable; never NaN.
 *
 * <p>Its columns are defined once, in {@link #COLUMNS}: each field of {@link #schema()} carries its description
 * and unit as {@code comment} metadata, which Spark writes into every file's footer schema (so {@code DESCRIBE}
 * shows it), and docs/table.md's outcome dictionary is generated from the same definitions.
 */
public final class OutcomeTableSchema {

    /** First partition column (shared with the cell table). */
    public static final String SWEEP_ID = CellTableSchema.SWEEP_ID;
    /** Second partition column. */
    public static final String PIPELINE_ID = "pipeline_id";
    /** The row key. */
    public static final List<String> KEY = List.of(SWEEP_ID, "spec_cache_key", "cell_index", PIPELINE_ID);
    /** The columns joined on with the cell table. */
    public static final List<String> JOIN_KEY = List.of(SWEEP_ID, "spec_cache_key", "cell_index");
    /** The partition columns, in directory order. */
    public static final List<String> PARTITION_COLUMNS = List.of(SWEEP_ID, PIPELINE_ID);

    /**
     * One column of the outcome table.
     *
     * @param name        column name
     * @param type        Spark type
     * @param nullable    whether a row may leave it null
     * @param unit        unit of the value ("1" for a dimensionless number, "" where no unit applies)
     * @param description what it means and when it is null
     */
    public record Column(String name, DataType type, boolean nullable, String unit, String description) {

        /** @return the description with the unit, as the field's {@code comment} metadata shows it */
        public String comment() {
            return unit.isEmpty() ? description : description + " [" + unit + "]";
        }

        StructField field() {
            Metadata m = new MetadataBuilder().putString("comment", comment()).build();
            return DataTypes.createStructField(name, type, nullable, m);
        }
    }

    private static final DataType S = DataTypes.StringType;
    private static final DataType I = DataTypes.IntegerType;
    private static final DataType D = DataTypes.DoubleType;
    private static final DataType B = DataTypes.BooleanType;

    /** Every column in table order: key, outcome columns, then the partition columns. */
    public static final List<Column> COLUMNS = List.of(
            key("spec_cache_key", S, "", "the scored recording's spec cache key (its store's name); with sweep_id "
                    + "and cell_index, joins to the cell table"),
            key("cell_index", I, "", "the ground-truth unit's index in the scored store (the cell table's "
                    + "cell_index); every unit of the recording has a row, detectable or not"),
            c("match_metric", S, "", "footprint similarity the matching used: iou (of the 0.9-energy masks), "
                    + "weighted_jaccard or cosine"),
            c("match_threshold", D, "1", "similarity at or above which a matched pair counts as recovered"),
            c("matched_est_index", I, "", "index of the estimated unit that the one-to-one assignment (against "
                    + "every ground-truth unit, not only the detectable ones) paired with this unit; null when "
                    + "unpaired"),
            c("match_similarity", D, "1", "footprint similarity of that pair, after the footprint shift; null "
                    + "when unpaired"),
            c("recovered", B, "", "paired and match_similarity ≥ match_threshold: the binary outcome a calibration "
                    + "fits"),
            c("best_similarity", D, "1", "largest similarity of this unit's footprint with any estimated one, "
                    + "assignment-free; null when the estimate has no units"),
            c("trace_corr", D, "1", "Pearson r of the paired estimate's trace with the unit's true calcium trace "
                    + "C; null when unpaired, without estimated traces, or for a constant trace"),
            c("activity_corr", D, "1", "Pearson r of the paired estimate's activity with the unit's true spikes S; "
                    + "null when unpaired, without estimated activity, or for a constant series"),
            c("activity_variance_explained", D, "1", "share of the variance of S explained by the least-squares "
                    + "fit S ≈ α·estimate + β with α ≥ 0; null when unpaired, without estimated activity, or for "
                    + "a constant S"),
            c("activity_scale", D, "1", "the scale α ≥ 0 of that fit; null when unpaired or without estimated "
                    + "activity"),
            c("footprint_shift_dy", I, "px", "global shift applied to the estimated footprints before matching, "
                    + "rows (positive moves them down); the same on every row of the recording"),
            c("footprint_shift_dx", I, "px", "global shift applied to the estimated footprints before matching, "
                    + "columns (positive moves them right); the same on every row of the recording"),
            c("n_est", I, "", "estimated units of the recording (repeated on every row)"),
            c("n_false_positive", I, "", "estimated units not matched to any ground-truth unit at "
                    + "match_threshold (repeated on every row)"),
            key(SWEEP_ID, S, "", "id of the sweep the scored recording belongs to; the first partition column"),
            key(PIPELINE_ID, S, "", "the pipeline that produced the estimate: name + version + parameter hash; "
                    + "the second partition column"));

    private static final StructType SCHEMA;

    static {
        List<StructField> fields = new ArrayList<>();
        for (Column c : COLUMNS) {
            fields.add(c.field());
        }
        SCHEMA = DataTypes.createStructType(fields);
    }

    private OutcomeTableSchema() {}

    private static Column key(String name, DataType type, String unit, String description) {
        return new Column(name, type, false, unit, description);
    }

    private static Column c(String name, DataType type, String unit, String description) {
        return new Column(name, type, true, unit, description);
    }

    /**
     * @return the table schema: key and outcome columns, then the partition columns {@code sweep_id, pipeline_id};
     *     every field with its {@code comment}
     */
    public static StructType schema() {
        return SCHEMA;
    }

    /** @return the column names in schema order */
    public static List<String> columns() {
        return new ArrayList<>(List.of(SCHEMA.fieldNames()));
    }
}
