package org.minisim.job.calibrate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.cli.CalibrateCommand;
import org.minisim.job.cli.RunCommand;
import org.minisim.job.table.OutcomeTableWriter;
import org.minisim.job.testing.SharedSpark;

/**
 * {@code minisim calibrate} over a real simulated sweep (8 recordings of a 64 × 64 px, 2 s spec with its cells
 * in a 60 µm band around the focal plane, NA swept over 0.3 and 0.6): outcomes fabricated from a known law are
 * recovered inside the interval, which shrinks with more recordings; the pipeline-free outcome end to end; and
 * every bad input refused with one line and nothing written.
 */
class CalibrateCommandTest {

    /** The fabricated law: P(recovered) = σ(K · (ln snr − ln T0)). */
    static final double T0 = 1.5, K = 2.0;
    static final String PIPELINE = "fabricated-1", OTHER = "other-0", EMPTY = "empty-0";

    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "calib",
             "base": {"acquisition": {"optics": {"na": 0.45, "magnification": 2.0},
                        "image_sensor": {"n_px_height": 64, "n_px_width": 64, "pixel_pitch_um": 8.0},
                        "fps": 10.0, "duration_s": 2.0, "focal_depth_in_tissue_um": 80.0},
                      "seed": 0,
                      "steps": [{"kind": "place_neurons", "depth_range_um": [50.0, 110.0],
                                 "density_per_mm3": 40000.0, "min_distance_um": 10.0},
                                {"kind": "cell_activity"}, {"kind": "optics"}, {"kind": "composite"},
                                {"kind": "sensor"}]},
             "axes": [{"path": "acquisition.optics.na", "values": [0.3, 0.6]}],
             "seeds": {"start": 0, "count": 4},
             "output": {"stores": "stores", "table": "cells"}}
            """;

    @TempDir
    static Path shared;

    /** Copies of each simulated recording in the "many recordings" table (own key, own outcome draws). */
    static final int COPIES = 4;

    static String cells, cellsSmall, cellsMany, outcomes;
    static int withoutOutcome;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void simulateAndFabricate() throws IOException {
        SparkSession spark = SharedSpark.session();
        Path sweep = shared.resolve("sweep.json");
        Files.writeString(sweep, SWEEP);
        cells = shared.resolve("cells").toString();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = RunCommand.run(new String[] {sweep.toString(), "--stores", shared.resolve("stores").toString(),
                "--table", cells}, quiet, quiet);
        assertEquals(0, code, () -> log.toString(StandardCharsets.UTF_8));

        Dataset<Row> t = spark.read().parquet(cells);
        List<String> keys = t.select("spec_cache_key").distinct().orderBy("spec_cache_key").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(8, keys.size());
        cellsSmall = shared.resolve("cells-small").toString();
        t.filter(col("spec_cache_key").isin(keys.get(0), keys.get(3), keys.get(6))).write().partitionBy("sweep_id")
                .parquet(cellsSmall);
        cellsMany = shared.resolve("cells-many").toString();
        Dataset<Row> many = t;
        for (int copy = 1; copy < COPIES; copy++) {
            many = many.unionByName(t.withColumn("spec_cache_key", functions.concat(col("spec_cache_key"),
                    functions.lit("-copy" + copy))));
        }
        many.write().partitionBy("sweep_id").parquet(cellsMany);

        List<Row> rows = new ArrayList<>();
        for (Row r : spark.read().parquet(cellsMany).select("sweep_id", "spec_cache_key", "cell_index",
                "detection_snr").collectAsList()) {
            String sweepId = r.getString(0), key = r.getString(1);
            int cell = r.getInt(2);
            if (cell % 40 == 7 && !key.contains("-copy")) {
                withoutOutcome++; // no outcome row: counted and left out
                continue;
            }
            double snr = r.isNullAt(3) ? 0 : r.getDouble(3);
            double p = snr > 0 ? LogisticRegression.sigmoid(K * (Math.log(snr) - Math.log(T0))) : 0;
            boolean rec = new SplittableRandom(key.hashCode() * 1_000_003L + cell).nextDouble() < p;
            rows.add(outcome(sweepId, key, cell, PIPELINE, rec));
            if (!key.contains("-copy")) {
                rows.add(outcome(sweepId, key, cell, OTHER, !rec));
            }
        }
        rows.add(outcome("calib", "0000000000000000", 0, EMPTY, true)); // a pipeline with no cell of the table
        outcomes = shared.resolve("outcomes").toString();
        OutcomeTableWriter.write(spark, rows, shared.resolve("outcomes").toUri().toString(), true);
    }

    private static Row outcome(String sweep, String key, int cell, String pipeline, boolean rec) {
        return RowFactory.create(key, cell, "iou", 0.5, rec ? 0 : null, rec ? 0.8 : null, rec, rec ? 0.8 : 0.1,
                null, null, null, null, 0, 0, 10, 0, sweep, pipeline);
    }

    private String[] result;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = CalibrateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        result = new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        return code;
    }

    private static double width(JsonNode ci) {
        return ci.get(1).asDouble() - ci.get(0).asDouble();
    }

    /**
     * Three calibrations of the same fabricated law: the 8 simulated recordings, 3 of them, and 32 recordings
     * (each simulated recording 4 times under its own key, every copy with its own outcome draws — independent
     * recordings as far as the outcome is concerned). Each interval holds T0; 32 recordings give a narrower
     * interval than 8, and 8 than 3 would on average — the 32-vs-3 contrast (expected width ratio ≈ 3.3) is what
     * is asserted, so the bootstrap's own noise with 3 recordings cannot flip it.
     */
    @Test
    void fabricatedOutcomesFromAKnownLawAreRecoveredAndMoreRecordingsNarrowTheInterval(@TempDir Path dir)
            throws IOException {
        Path big = dir.resolve("big"), small = dir.resolve("small"), many = dir.resolve("many");
        assertEquals(0, run("--cells", cells, "--outcomes", outcomes, "--pipeline-id", PIPELINE, "--out",
                big.toString(), "--bootstrap", "200", "--strata", "depth,crowding"), result[1]);
        assertTrue(result[0].contains("overall: T50"), result[0]);
        assertTrue(result[1].contains(withoutOutcome + " of ") && result[1].contains("no outcome"), result[1]);
        for (String[] t : new String[][] {{cellsSmall, small.toString()}, {cellsMany, many.toString()}}) {
            assertEquals(0, run("--cells", t[0], "--outcomes", outcomes, "--pipeline-id", PIPELINE, "--out", t[1],
                    "--bootstrap", "200", "--strata", "motion"), result[1]);
        }

        JsonNode b = JSON.readTree(big.resolve("calibration.json").toFile());
        JsonNode bo = b.get("overall");
        JsonNode so = JSON.readTree(small.resolve("calibration.json").toFile()).get("overall");
        JsonNode mo = JSON.readTree(many.resolve("calibration.json").toFile()).get("overall");
        assertEquals(8, bo.get("n_recordings").asInt());
        assertEquals(3, so.get("n_recordings").asInt());
        assertEquals(8 * COPIES, mo.get("n_recordings").asInt());
        for (JsonNode o : List.of(bo, so, mo)) {
            JsonNode ci = o.get("t50_ci");
            assertTrue(ci.get(0).asDouble() <= T0 && T0 <= ci.get(1).asDouble(), "T0 = " + T0 + " in " + ci);
            assertTrue(o.get("reason").isNull());
            assertEquals(K, o.get("slope").asDouble(), 1.0);
        }
        assertTrue(width(mo.get("t50_ci")) < width(so.get("t50_ci")),
                "32 recordings: " + mo.get("t50_ci") + ", 3 recordings: " + so.get("t50_ci"));
        assertTrue(width(mo.get("t50_ci")) < width(bo.get("t50_ci")),
                "32 recordings: " + mo.get("t50_ci") + ", 8 recordings: " + bo.get("t50_ci"));

        JsonNode in = b.get("inputs");
        assertEquals(PIPELINE, in.get("pipeline_id").asText());
        assertEquals(withoutOutcome, in.get("rows").get("without_outcome").asInt());
        long snrCells = SharedSpark.session().read().parquet(cells).filter("detect_rule = 'snr'").count();
        assertEquals(snrCells, in.get("rows").get("detect_rule_snr").asLong());
        assertEquals(snrCells - withoutOutcome, in.get("rows").get("with_outcome").asLong());
        assertTrue(in.get("impl_versions").get("cells").size() >= 1);
        assertEquals("calib", in.get("sweep_ids").get(0).asText());
        // every used cell is in exactly one bin of each stratification
        for (String st : List.of("depth", "crowding")) {
            int sum = 0;
            for (JsonNode bin : b.get("strata").get(st)) {
                sum += bin.get("n_cells").asInt();
            }
            assertEquals(bo.get("n_cells").asInt(), sum, st);
        }
        assertFalse(b.get("strata").has("vessel"), "only the strata asked for");
        // recall along the swept NA, split at T*
        JsonNode na = b.get("recall_by_axis").get("ax_acquisition__optics__na");
        assertEquals(2, na.size());
        int n = 0;
        for (JsonNode v : na) {
            n += v.get("n_cells").asInt();
            assertEquals(v.get("n_cells").asInt(), v.get("n_above").asInt() + v.get("n_below").asInt());
            assertTrue(v.get("recall_above").asDouble() > v.get("recovered_fraction_below").asDouble(), v.toString());
        }
        assertEquals(bo.get("n_cells").asInt(), n);
        assertEquals(bo.get("t50").asDouble(), b.get("t_star").get("value").asDouble());
        JsonNode cmp = b.get("predictors").get("comparison");
        assertTrue(cmp.get("n_cells").asInt() > 0);
        assertEquals("detection_snr", cmp.get("best_by_log_likelihood").asText(),
                "the outcomes were drawn from detection_snr: " + cmp);
        assertTrue(Files.readString(big.resolve("calibration.html")).contains("strata-crowding.png"));
    }

    @Test
    void pipelineFreeOracleOutcomeEndToEnd(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("page");
        assertEquals(0, run("--cells", cells, "--outcome", "oracle_corr>=0.5", "--out", out.toString(),
                "--bootstrap", "100", "--sweep-id", "calib"), result[1]);
        JsonNode j = JSON.readTree(out.resolve("calibration.json").toFile());
        assertEquals("oracle_corr>=0.5", j.get("outcome").asText());
        assertTrue(j.get("inputs").get("pipeline_id").isNull());
        assertTrue(j.get("inputs").get("outcomes").isNull());
        Dataset<Row> snr = SharedSpark.session().read().parquet(cells).filter("detect_rule = 'snr'");
        Dataset<Row> used = snr.filter("oracle_trace_corr is not null and detection_snr > 0 "
                + "and detection_snr < double('Infinity')");
        assertEquals(snr.filter("oracle_trace_corr is null").count(),
                j.get("inputs").get("rows").get("null_oracle_trace_corr").asLong());
        JsonNode o = j.get("overall");
        assertEquals(used.count(), o.get("n_cells").asLong());
        assertEquals(used.filter("oracle_trace_corr >= 0.5").count(), o.get("n_recovered").asLong());
        assertTrue(o.get("n_recovered").asInt() > 0 && o.get("n_recovered").asInt() < o.get("n_cells").asInt());
        for (String f : List.of("t50", "t50_ci", "youden_t", "youden_t_ci", "slope", "auc", "n_cells",
                "n_recordings")) {
            assertTrue(o.has(f), f);
        }
        assertTrue(o.get("auc").asDouble() > 0.5, "brighter cells are demixed better");
        assertEquals(List.of("depth", "vessel", "crowding", "motion"), fieldNames(j.get("strata")));
        // a FIT on too few cells reports why instead of numbers; no FIT anywhere holds NaN (Jackson refuses it)
        for (JsonNode st : j.get("strata")) {
            for (JsonNode bin : st) {
                if (bin.get("n_cells").asInt() < FitSettings.DEFAULTS.minCells()) {
                    assertTrue(bin.get("t50").isNull() && bin.get("reason").asText().length() > 0, bin.toString());
                }
            }
        }
        JsonNode noVessels = j.get("strata").get("vessel");
        assertEquals(o.get("n_cells").asInt(), noVessels.get(noVessels.size() - 1).get("n_cells").asInt(),
                "a spec without vasculature puts every cell in the no_vasculature bin");
        for (String p : List.of("detection_snr", "snr_with_background", "oracle_empirical_snr")) {
            assertNotNull(j.get("predictors").get(p).get("t50"), p);
        }

        String html = Files.readString(out.resolve("calibration.html"));
        for (String png : List.of("calibration.png", "strata-depth.png", "strata-vessel.png", "strata-crowding.png",
                "strata-motion.png", "predictors.png")) {
            assertTrue(html.contains("src=\"" + png + "\""), png);
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertNotNull(img, png + " is a readable image");
            assertTrue(img.getWidth() >= 400 && img.getHeight() >= 300, png);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary directory left behind");
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void badInputIsRefusedWithOneLineAndNothingWritten(@TempDir Path dir) {
        String out = dir.resolve("out").toString();
        String[][] failures = {
            {"--cells", dir.resolve("nope").toString(), "--outcomes", outcomes, "--out", out},
            {"--cells", cells, "--outcomes", dir.resolve("nope").toString(), "--out", out},
            {"--cells", cells, "--outcomes", outcomes, "--pipeline-id", "absent-9", "--out", out},
            {"--cells", cells, "--outcomes", outcomes, "--out", out},
            {"--cells", cells, "--outcomes", outcomes, "--sweep-id", "other-sweep", "--out", out},
            {"--cells", cells, "--outcomes", outcomes, "--pipeline-id", EMPTY, "--out", out},
        };
        String[] expected = {"does not exist", "does not exist", "pipeline_id 'absent-9' is not in",
            "several pipelines", "sweep_id 'other-sweep' is not in", "no rows after filtering"};
        for (int i = 0; i < failures.length; i++) {
            assertEquals(1, run(failures[i]), String.join(" ", failures[i]) + ": " + result[1]);
            assertTrue(result[1].contains(expected[i]), result[1]);
            assertEquals(1, result[1].strip().lines().count(), "one line: " + result[1]);
        }
        String[][] usage = {
            {"--cells", cells, "--outcome", "oracle_corr>0.5"},
            {"--cells", cells, "--outcome", "oracle_corr>=2"},
            {"--cells", cells, "--outcome", "oracle_corr>=0.5", "--strata", "depth,colour"},
            {"--cells", cells},
            {"--outcomes", outcomes},
            {"--cells", cells, "--outcome", "oracle_corr>=0.5", "--outcomes", outcomes},
            {"--cells", cells, "--outcome", "oracle_corr>=0.5", "--bootstrap", "0"},
        };
        String[] said = {"oracle_corr>0.5", "oracle_corr>=2", "unknown stratum 'colour'", "--outcomes TABLE is required",
            "--cells TABLE is required", "not used with", "--bootstrap"};
        for (int i = 0; i < usage.length; i++) {
            assertEquals(2, run(usage[i]), String.join(" ", usage[i]));
            assertTrue(result[1].lines().findFirst().orElse("").contains(said[i]), result[1]);
        }
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(0, run("--help"));
        assertTrue(result[0].startsWith("usage: minisim calibrate"));
    }
}
