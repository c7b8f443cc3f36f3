package org.minisim.job.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.table.CellTableSchema;
import org.minisim.job.testing.SharedSpark;

/**
 * The rows a calibration keeps and the counts of those it leaves out, on a cell table fabricated from the
 * schema: rules other than {@code snr}, auto-focus recordings, null oracle correlations, infinite and zero
 * SNRs, and the {@code --sweep-id} filter.
 */
class CalibrationInputTest {

    @TempDir
    Path dir;

    /** Recording r of 4 (r = 3 in sweep "b"), cell i of 30. */
    private static Map<String, Object> cell(int r, int i) {
        Map<String, Object> v = new HashMap<>();
        v.put("sweep_id", r == 3 ? "b" : "a");
        v.put("spec_cache_key", "000000000000000" + r);
        v.put("cell_index", i);
        v.put("impl_version", "minisim-spark test");
        v.put("detect_snr_threshold", 5.0);
        v.put("focus_mode", r < 2 ? "auto" : "fixed");
        boolean snrRule = i % 10 != 9;
        v.put("detect_rule", snrRule ? "snr" : "no_trace");
        double snr = Math.exp(-2 + 4.0 * i / 29);
        if (snrRule) {
            v.put("detection_snr", r == 0 && i == 5 ? Double.POSITIVE_INFINITY : i == 6 ? 0.0 : snr);
            v.put("snr_with_background", snr * 0.8);
            v.put("oracle_empirical_snr", snr * 1.1);
        }
        v.put("oracle_trace_corr", i % 7 == 3 ? null : Math.tanh(snr / 2 - 0.5 + 0.3 * ((i * 7 + r) % 5 - 2)));
        v.put("depth_um", 60.0 + i);
        v.put("max_neighbor_cosine", (i % 4) / 4.0);
        v.put("has_motion", r == 2);
        return v;
    }

    private String table(SparkSession spark) {
        StructType schema = CellTableSchema.schema(List.of());
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < 30; i++) {
                Map<String, Object> v = cell(r, i);
                Object[] values = new Object[schema.size()];
                StructField[] f = schema.fields();
                for (int k = 0; k < f.length; k++) {
                    values[k] = v.get(f[k].name());
                }
                rows.add(RowFactory.create(values));
            }
        }
        String uri = dir.resolve("cells").toUri().toString();
        spark.createDataFrame(rows, schema).write().partitionBy("sweep_id").parquet(uri);
        return uri;
    }

    @Test
    void leftOutRowsAreCountedAndWarnedAbout() {
        SparkSession spark = SharedSpark.session();
        String uri = table(spark);
        CalibrationOptions o = CalibrationOptions.oracle(uri, 0.5).withFit(FitSettings.DEFAULTS.withReplicates(50));
        CalibrationResult r = Calibration.run(spark, o);
        Map<String, Long> c = r.inputs().rowCounts();
        assertEquals(120, c.get("cells"));
        assertEquals(108, c.get("detect_rule_snr"));
        assertEquals(12, c.get("excluded_detect_rule_no_trace"));
        assertEquals(54, c.get("auto_focus"), "recordings 0 and 1, SNR-rule cells");
        // null oracle among SNR-rule cells: i in {3, 10, 17, 24} per recording (none has i % 10 == 9)
        assertEquals(16, c.get("null_oracle_trace_corr"));
        assertEquals(92, c.get("with_outcome"));
        assertEquals(1, c.get("infinite_detection_snr"));
        assertEquals(4, c.get("nonpositive_detection_snr"));
        assertEquals(87, c.get("used"));
        assertEquals(87, r.overall().nCells());
        assertEquals(4, r.overall().nRecordings());
        assertEquals(List.of("a", "b"), r.inputs().sweepIds());
        assertEquals(List.of("minisim-spark test"), r.inputs().cellImplVersions());
        assertEquals(List.of(5.0), r.inputs().detectSnrThresholds());
        String w = String.join("\n", r.warnings());
        for (String s : List.of("54 of 108 SNR-rule cells come from auto-focus", "16 of 108 SNR-rule cells have a "
                + "null oracle_trace_corr", "1 cells have an infinite detection_snr", "4 cells have detection_snr ≤ 0")) {
            assertTrue(w.contains(s), s + " in " + w);
        }
        List<CalibrationResult.StratumFit> motion = r.strata().get(Stratum.MOTION);
        assertEquals(r.overall().nCells() - motion.get(1).fit().nCells(), motion.get(0).fit().nCells());
        assertEquals(1, motion.get(1).fit().nRecordings(), "only recording 2 moves");
        assertTrue(motion.get(1).fit().ciReason().contains("at least 2 recordings"), motion.get(1).fit().ciReason());
        assertTrue(r.written().isEmpty(), "no output directory, nothing written");

        CalibrationResult b = Calibration.run(spark, o.withSweepId("b"));
        assertEquals(30, b.inputs().rowCounts().get("cells"));
        assertEquals(0, b.inputs().rowCounts().get("auto_focus"));
        assertEquals(List.of("b"), b.inputs().sweepIds());
        assertEquals(1, b.overall().nRecordings());
    }
}
