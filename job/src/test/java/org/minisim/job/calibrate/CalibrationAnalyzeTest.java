package org.minisim.job.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis on plain arrays (no Spark): predictor comparison, recall by axis, strata, degenerate input. */
class CalibrationAnalyzeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CalibrationOptions OPTIONS = CalibrationOptions.oracle("file:///cells", 0.5)
            .withFit(FitSettings.DEFAULTS.withReplicates(100));

    /**
     * Cells whose outcome follows snr_with_background exactly (σ(2·(ln s − ln 3))); detection_snr and
     * oracle_empirical_snr are noisy copies of it, and oracle_empirical_snr is null on every 10th cell.
     */
    private static CalibrationData data(int recordings, int perRecording, boolean allRecovered) {
        int n = recordings * perRecording;
        SplittableRandom rng = new SplittableRandom(17);
        long[] rec = new long[n];
        double[] det = new double[n], bg = new double[n], orc = new double[n], depth = new double[n];
        double[] vessel = new double[n], cosine = new double[n], motion = new double[n], ax = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            rec[i] = i / perRecording;
            double s = Math.exp(Math.log(3) + 1.2 * rng.nextGaussian());
            bg[i] = s;
            det[i] = s * Math.exp(0.8 * rng.nextGaussian());
            orc[i] = i % 10 == 0 ? Double.NaN : s * Math.exp(1.2 * rng.nextGaussian());
            y[i] = allRecovered || rng.nextDouble() < LogisticRegression.sigmoid(2 * (Math.log(s) - Math.log(3)));
            depth[i] = 40 + 100 * rng.nextDouble();
            vessel[i] = rec[i] % 3 == 0 ? Double.NaN : rng.nextDouble() * 0.6;
            cosine[i] = rng.nextDouble();
            motion[i] = 0;
            ax[i] = rec[i] % 2;
        }
        Map<String, double[]> strata = Map.of("depth_um", depth, "vessel_overlap_fraction", vessel,
                "max_neighbor_cosine", cosine, "has_motion", motion);
        LinkedHashMap<String, double[]> axes = new LinkedHashMap<>();
        axes.put("ax_acquisition__optics__na", ax);
        List<String> names = new ArrayList<>();
        for (int r = 0; r < recordings; r++) {
            names.add("s/" + r);
        }
        LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
        counts.put("cells", (long) n);
        return new CalibrationData(names, rec, det, bg, orc, y, strata, axes, new CalibrationData.Inputs(
                "file:///cells", null, null, "oracle_corr>=0.5", List.of("s"), List.of("test"), List.of(5.0), counts,
                List.of()));
    }

    @Test
    void theComparisonFindsThePredictorTheOutcomeFollows() throws IOException {
        CalibrationData d = data(30, 60, false);
        CalibrationResult r = Calibration.analyze(d, OPTIONS);
        CalibrationResult.Comparison c = r.comparison();
        assertEquals("snr_with_background", c.bestByLogLikelihood());
        assertEquals("snr_with_background", c.bestByAuc());
        assertEquals(1800 - 180, c.nCells(), "cells where every predictor is usable");
        assertEquals(180, r.predictors().get("oracle_empirical_snr").excluded());
        assertEquals(3.0, r.predictors().get("snr_with_background").fit().t50(), 0.6);

        List<CalibrationResult.AxisRecall> na = r.recallByAxis().get("ax_acquisition__optics__na");
        assertEquals(2, na.size());
        int above = 0, recAbove = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.axes().get("ax_acquisition__optics__na")[i] == 1 && d.detectionSnr()[i] >= r.tStar()) {
                above++;
                recAbove += d.recovered()[i] ? 1 : 0;
            }
        }
        assertEquals(above, na.get(1).nAbove());
        assertEquals((double) recAbove / above, na.get(1).recallAbove(), 1e-12);
        assertEquals(900, na.get(1).nAbove() + na.get(1).nBelow());

        List<CalibrationResult.StratumFit> motion = r.strata().get(Stratum.MOTION);
        assertEquals(1800, motion.get(0).fit().nCells());
        assertEquals("no cells", motion.get(1).fit().reason());
        List<CalibrationResult.StratumFit> vessel = r.strata().get(Stratum.VESSEL);
        assertEquals(600, vessel.get(vessel.size() - 1).fit().nCells(), "every third recording has no vessels");
        assertEquals(List.of("[0,50)", "[50,100)", "[100,150)"),
                r.strata().get(Stratum.DEPTH).stream().map(s -> s.bin().label()).toList());

        JsonNode j = JSON.readTree(CalibrationJson.write(r));
        for (String k : List.of("overall", "strata", "predictors", "inputs")) {
            assertTrue(j.has(k), k);
        }
        assertEquals(r.overall().t50(), j.get("overall").get("t50").asDouble());
        assertEquals(1800, j.get("inputs").get("rows").get("used").asInt());
    }

    @Test
    void degenerateDataStillGiveAJsonAndAPage(@TempDir Path dir) throws IOException {
        CalibrationResult r = Calibration.analyze(data(4, 30, true), OPTIONS);
        assertEquals(null, r.overall().t50());
        assertTrue(r.overall().reason().contains("every row"), r.overall().reason());
        assertEquals(null, r.tStar());
        assertTrue(r.recallByAxis().isEmpty());
        List<Path> files = CalibrationPage.write(r, dir.resolve("out"));
        assertTrue(files.stream().allMatch(Files::isRegularFile));
        JsonNode j = JSON.readTree(dir.resolve("out").resolve(CalibrationPage.JSON).toFile());
        assertTrue(j.get("overall").get("t50").isNull());
        assertTrue(j.get("t_star").get("value").isNull());
        // writing again into the existing directory replaces the files
        CalibrationPage.write(Calibration.analyze(data(4, 30, false), OPTIONS), dir.resolve("out"));
        JsonNode again = JSON.readTree(dir.resolve("out").resolve(CalibrationPage.JSON).toFile());
        assertTrue(again.get("overall").get("t50").isNumber());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary directory left");
        }
    }

    @Test
    void noUsableSnrIsAnError() {
        CalibrationData d = data(2, 30, false);
        java.util.Arrays.fill(d.detectionSnr(), 0.0);
        CalibrationException e = assertThrows(CalibrationException.class, () -> Calibration.analyze(d, OPTIONS));
        assertTrue(e.getMessage().contains("no rows after filtering") && e.getMessage().contains(
                "nonpositive_detection_snr 60"), e.getMessage());
    }

    @Test
    void outcomeAndStrataSyntax() {
        assertEquals(new OutcomeRule.Recovered(), OutcomeRule.parse("recovered"));
        assertEquals(new OutcomeRule.OracleCorr(0.5), OutcomeRule.parse("oracle_corr>=0.5"));
        assertEquals(new OutcomeRule.OracleCorr(-0.25), OutcomeRule.parse(" oracle_corr >= -0.25 "));
        for (String bad : List.of("oracle_corr>0.5", "oracle_corr>=", "oracle_corr>=1.5", "oracle_corr>=NaN",
                "recover", "")) {
            assertThrows(IllegalArgumentException.class, () -> OutcomeRule.parse(bad), bad);
        }
        assertEquals(List.of(Stratum.MOTION, Stratum.DEPTH), Stratum.parseList("motion, depth,motion"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stratum.parseList("depth,x"));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("crowding"), e.getMessage());
        List<Stratum.Bin> v = Stratum.VESSEL.bins(new double[0]);
        assertEquals(0, Stratum.VESSEL.binOf(v, 0.0));
        assertEquals(1, Stratum.VESSEL.binOf(v, 0.05));
        assertEquals(3, Stratum.VESSEL.binOf(v, 1.0), "the last bin is closed");
        assertEquals(4, Stratum.VESSEL.binOf(v, Double.NaN));
    }
}
