package org.minisim.job.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The explicit schema of the pipeline outcome table (OUTPUT.md §7.3): keyed
 * {@code (sweep_id, spec_cache_key, cell_index, pipeline_id)}, joined to the per-cell table on
 * {@code (sweep_id, spec_cache_key, cell_index)}. Partitioned by {@code sweep_id} then {@code pipeline_id}, which
 * come last (where Spark puts partition columns when reading). Null = missing / not applicable; never NaN.
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

    private static final DataType S = DataTypes.StringType;
    private static final DataType I = DataTypes.IntegerType;
    private static final DataType D = DataTypes.DoubleType;
    private static final DataType B = DataTypes.BooleanType;

    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            f("spec_cache_key", S, false), f("cell_index", I, false),
            f("match_metric", S, true), f("match_threshold", D, true),
            f("matched_est_index", I, true), f("match_similarity", D, true), f("recovered", B, true),
            f("best_similarity", D, true), f("trace_corr", D, true), f("activity_corr", D, true),
            f("activity_variance_explained", D, true), f("activity_scale", D, true),
            f("footprint_shift_dy", I, true), f("footprint_shift_dx", I, true),
            f("n_est", I, true), f("n_false_positive", I, true),
            f(SWEEP_ID, S, false), f(PIPELINE_ID, S, false)));

    private OutcomeTableSchema() {}

    private static StructField f(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** @return the table schema: key and §7.3 columns, then the partition columns {@code sweep_id, pipeline_id} */
    public static StructType schema() {
        return SCHEMA;
    }

    /** @return the column names in schema order */
    public static List<String> columns() {
        return new ArrayList<>(List.of(SCHEMA.fieldNames()));
    }
}
