package org.minisim.job.calibrate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.minisim.job.table.CellTableSchema;
import org.minisim.job.table.OutcomeTableSchema;
import scala.collection.JavaConverters;

/**
 * Reads what a calibration needs from the per-cell table (and, for the pipeline outcome, the outcome table
 * joined on {@code (sweep_id, spec_cache_key, cell_index)}), counting the rows each filter leaves out:
 * rows not decided by the SNR rule ({@code detect_rule ≠ 'snr'}), cells without an outcome row, cells with a
 * null {@code oracle_trace_corr}. Cells from auto-focus recordings are kept and counted. The kept cells are
 * collected to the driver in key order, a few numbers each.
 */
public final class CalibrationInput {

    /** Cell-table columns the calibration reads (besides the {@code ax_*} columns). */
    public static final List<String> CELL_COLUMNS = List.of(CellTableSchema.SWEEP_ID, "spec_cache_key", "cell_index",
            "detect_rule", "focus_mode", "impl_version", "detect_snr_threshold", "detection_snr",
            "snr_with_background", "oracle_empirical_snr", "oracle_trace_corr", "depth_um", "vessel_overlap_fraction",
            "max_neighbor_cosine", "has_motion");

    private static final String OUTCOME = "calibration_outcome__";

    private CalibrationInput() {}

    /**
     * @throws CalibrationException naming the table, column or id when the input cannot be calibrated
     */
    public static CalibrationData load(SparkSession spark, CalibrationOptions o) {
        LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Dataset<Row> cells = readCells(spark, o.cellsUri());
        // one pass for every count: sweep × rule × focus mode × whether the oracle correlation is null
        List<Row> groups = cells.groupBy(col(CellTableSchema.SWEEP_ID), col("detect_rule"), col("focus_mode"),
                col("oracle_trace_corr").isNull()).count().collectAsList();
        TreeSet<String> allSweeps = new TreeSet<>();
        for (Row g : groups) {
            allSweeps.add(g.getString(0));
        }
        List<String> sweeps = new ArrayList<>(allSweeps);
        if (o.sweepId() != null) {
            if (!allSweeps.contains(o.sweepId())) {
                throw new CalibrationException("sweep_id '" + o.sweepId() + "' is not in the cell table "
                        + o.cellsUri() + " (sweeps: " + list(sweeps) + ")");
            }
            cells = cells.filter(col(CellTableSchema.SWEEP_ID).equalTo(o.sweepId()));
            sweeps = List.of(o.sweepId());
        }
        Map<String, Long> byRule = new TreeMap<>();
        long total = 0, auto = 0, nullCorr = 0;
        for (Row g : groups) {
            if (!sweeps.contains(g.getString(0))) {
                continue;
            }
            String rule = g.isNullAt(1) ? "null" : g.getString(1);
            long c = g.getLong(4);
            byRule.merge(rule, c, Long::sum);
            total += c;
            if (rule.equals("snr")) {
                auto += "auto".equals(g.getString(2)) ? c : 0;
                nullCorr += g.getBoolean(3) ? c : 0;
            }
        }
        counts.put("cells", total);
        long snrRows = byRule.getOrDefault("snr", 0L);
        counts.put("detect_rule_snr", snrRows);
        byRule.forEach((rule, n) -> {
            if (!rule.equals("snr")) {
                counts.put("excluded_detect_rule_" + rule, n);
            }
        });
        Dataset<Row> snr = cells.filter(col("detect_rule").equalTo("snr"));
        counts.put("auto_focus", auto);
        if (auto > 0) {
            warnings.add(auto + " of " + snrRows + " SNR-rule cells come from auto-focus recordings (focus_mode = "
                    + "'auto'): their focal plane depended on the threshold, so the calibration is approximate; "
                    + "pin the focal depth in calibration sweeps");
        }

        String pipeline = null;
        Dataset<Row> kept;
        if (o.outcome() instanceof OutcomeRule.Recovered) {
            Dataset<Row> outcomes = readOutcomes(spark, o.outcomesUri())
                    .filter(col(OutcomeTableSchema.SWEEP_ID).isin(sweeps.toArray()));
            List<String> pipelines = distinctStrings(outcomes, OutcomeTableSchema.PIPELINE_ID);
            pipeline = choosePipeline(o, pipelines, sweeps);
            Dataset<Row> rec = outcomes.filter(col(OutcomeTableSchema.PIPELINE_ID).equalTo(pipeline))
                    .filter(col("recovered").isNotNull())
                    .select(col(OutcomeTableSchema.SWEEP_ID), col("spec_cache_key"), col("cell_index"),
                            col("recovered").as(OUTCOME));
            // cells without an outcome are collected too (a null outcome), and counted on the driver
            kept = snr.join(rec, JavaConverters.asScalaBuffer(OutcomeTableSchema.JOIN_KEY).toList(), "left");
        } else {
            double r0 = ((OutcomeRule.OracleCorr) o.outcome()).minCorr();
            counts.put("null_oracle_trace_corr", nullCorr);
            if (nullCorr > 0) {
                warnings.add(nullCorr + " of " + snrRows + " SNR-rule cells have a null oracle_trace_corr (e.g. "
                        + "silent cells) and are left out");
            }
            kept = snr.filter(col("oracle_trace_corr").isNotNull())
                    .withColumn(OUTCOME, col("oracle_trace_corr").geq(lit(r0)));
        }

        List<String> axisColumns = new ArrayList<>();
        for (String f : kept.columns()) {
            if (f.startsWith(CellTableSchema.AX_PREFIX)) {
                axisColumns.add(f);
            }
        }
        axisColumns.sort(null);
        List<Column> select = new ArrayList<>();
        for (String c : List.of(CellTableSchema.SWEEP_ID, "spec_cache_key", "impl_version", "detect_snr_threshold",
                "detection_snr", "snr_with_background", "oracle_empirical_snr", OUTCOME, "depth_um",
                "vessel_overlap_fraction", "max_neighbor_cosine", "has_motion")) {
            select.add(col(c));
        }
        for (String a : axisColumns) {
            select.add(col("`" + a + "`").cast(DataTypes.DoubleType));
        }
        List<Row> collected = kept.orderBy(CellTableSchema.SWEEP_ID, "spec_cache_key", "cell_index")
                .select(select.toArray(Column[]::new)).collectAsList();
        List<Row> rows = new ArrayList<>(collected.size());
        for (Row r : collected) {
            if (!r.isNullAt(7)) {
                rows.add(r);
            }
        }
        if (o.outcome() instanceof OutcomeRule.Recovered) {
            long without = collected.size() - rows.size();
            counts.put("without_outcome", without);
            if (without > 0) {
                warnings.add(without + " of " + snrRows + " SNR-rule cells have no outcome for pipeline " + pipeline
                        + " and are left out");
            }
        }
        counts.put("with_outcome", (long) rows.size());

        int n = rows.size();
        Map<String, Integer> recIndex = new HashMap<>();
        List<String> recNames = new ArrayList<>();
        long[] recording = new long[n];
        double[] det = new double[n], bg = new double[n], orc = new double[n];
        double[] depth = new double[n], vessel = new double[n], cosine = new double[n], motion = new double[n];
        boolean[] y = new boolean[n];
        LinkedHashMap<String, double[]> axes = new LinkedHashMap<>();
        for (String a : axisColumns) {
            axes.put(a, new double[n]);
        }
        TreeSet<String> versions = new TreeSet<>();
        TreeSet<Double> thresholds = new TreeSet<>();
        TreeSet<String> usedSweeps = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            String name = r.getString(0) + "/" + r.getString(1);
            usedSweeps.add(r.getString(0));
            Integer idx = recIndex.get(name);
            if (idx == null) {
                idx = recNames.size();
                recIndex.put(name, idx);
                recNames.add(name);
            }
            recording[i] = idx;
            if (!r.isNullAt(2)) {
                versions.add(r.getString(2));
            }
            if (!r.isNullAt(3)) {
                thresholds.add(r.getDouble(3));
            }
            det[i] = dbl(r, 4);
            bg[i] = dbl(r, 5);
            orc[i] = dbl(r, 6);
            y[i] = r.getBoolean(7);
            depth[i] = dbl(r, 8);
            vessel[i] = dbl(r, 9);
            cosine[i] = dbl(r, 10);
            motion[i] = r.isNullAt(11) ? Double.NaN : r.getBoolean(11) ? 1 : 0;
            for (int k = 0; k < axisColumns.size(); k++) {
                axes.get(axisColumns.get(k))[i] = dbl(r, 12 + k);
            }
        }
        Map<String, double[]> strata = new LinkedHashMap<>();
        strata.put(Stratum.DEPTH.column(), depth);
        strata.put(Stratum.VESSEL.column(), vessel);
        strata.put(Stratum.CROWDING.column(), cosine);
        strata.put(Stratum.MOTION.column(), motion);
        CalibrationData.Inputs inputs = new CalibrationData.Inputs(o.cellsUri(),
                o.outcome() instanceof OutcomeRule.Recovered ? o.outcomesUri() : null, pipeline,
                o.outcome().describe(), new ArrayList<>(usedSweeps.isEmpty() ? new TreeSet<>(sweeps) : usedSweeps),
                new ArrayList<>(versions), new ArrayList<>(thresholds), counts, warnings);
        return new CalibrationData(recNames, recording, det, bg, orc, y, strata, axes, inputs);
    }

    private static double dbl(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }

    private static String choosePipeline(CalibrationOptions o, List<String> pipelines, List<String> sweeps) {
        if (o.pipelineId() != null) {
            if (!pipelines.contains(o.pipelineId())) {
                throw new CalibrationException("pipeline_id '" + o.pipelineId() + "' is not in the outcome table "
                        + o.outcomesUri() + " for sweep " + list(sweeps) + " (pipelines: " + list(pipelines) + ")");
            }
            return o.pipelineId();
        }
        if (pipelines.isEmpty()) {
            throw new CalibrationException("the outcome table " + o.outcomesUri() + " has no rows for sweep "
                    + list(sweeps));
        }
        if (pipelines.size() > 1) {
            throw new CalibrationException("the outcome table " + o.outcomesUri() + " holds several pipelines ("
                    + list(pipelines) + "): choose one with --pipeline-id");
        }
        return pipelines.get(0);
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static List<String> distinctStrings(Dataset<Row> d, String column) {
        List<String> out = new ArrayList<>();
        for (Row r : d.select(col(column)).distinct().collectAsList()) {
            if (!r.isNullAt(0)) {
                out.add(r.getString(0));
            }
        }
        out.sort(null);
        return out;
    }

    private static Dataset<Row> readCells(SparkSession spark, String uri) {
        requireTable(spark, uri, "cell table");
        Dataset<Row> d;
        try {
            d = spark.read().option("mergeSchema", "true").parquet(uri);
        } catch (RuntimeException e) {
            throw new CalibrationException("the cell table " + uri + " cannot be read as Parquet: "
                    + firstLine(e.getMessage()), e);
        }
        List<String> have = List.of(d.columns());
        List<String> missing = CELL_COLUMNS.stream().filter(c -> !have.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new CalibrationException("the cell table " + uri + " lacks the column"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
        }
        return d;
    }

    private static Dataset<Row> readOutcomes(SparkSession spark, String uri) {
        requireTable(spark, uri, "outcome table");
        try {
            return spark.read().schema(OutcomeTableSchema.schema()).parquet(uri);
        } catch (RuntimeException e) {
            throw new CalibrationException("the outcome table " + uri + " cannot be read as Parquet: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static void requireTable(SparkSession spark, String uri, String what) {
        try {
            Path p = new Path(uri);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                throw new CalibrationException("the " + what + " " + uri + " does not exist");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new CalibrationException("the " + what + " " + uri + " cannot be opened: " + firstLine(
                    e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}
