package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.TruthViews;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.testing.GoldenData;

/**
 * {@code A_observed} and {@code score} on the reference-written golden store {@code ref-full-48px-1s.zarr}
 * (80 × 80 canvas, 48 × 48 FOV at (16, 16), 16 blurred units), against numbers the reference produced (resource
 * {@code metrics/golden-score.json}, generator beside it).
 */
class GoldenStoreScoreTest {

    private static GroundTruth gt;
    private static JsonNode want;

    @BeforeAll
    static void load() throws Exception {
        Path p = GoldenData.store("ref-full-48px-1s.zarr");
        assertTrue(Files.isDirectory(p), "no golden store at " + p);
        gt = RecordingStoreReader.load(new FileByteStore(p)).groundTruth();
        try (InputStream in = GoldenStoreScoreTest.class.getResourceAsStream("/metrics/golden-score.json")) {
            want = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void observedFootprintsMatchTheReferenceRegeneration() {
        ImageStack obs = TruthViews.aObserved(gt);
        JsonNode units = want.get("a_observed");
        assertEquals(units.size(), obs.size());
        for (int i = 0; i < obs.size(); i++) {
            double[] d = obs.dense(i);
            double sum = 0, max = 0;
            int nnz = 0;
            for (double v : d) {
                sum += v;
                max = Math.max(max, v);
                nnz += v != 0 ? 1 : 0;
            }
            JsonNode u = units.get(i);
            assertEquals(u.get("sum").asDouble(), sum, 1e-6 * Math.max(1, u.get("sum").asDouble()), "unit " + i);
            assertEquals(u.get("max").asDouble(), max, 1e-7, "unit " + i);
            assertEquals(u.get("nnz").asInt(), nnz, "unit " + i);
        }
    }

    private static double[][] rows(double[] flat, int[] units, double scale, double offset) {
        int f = gt.nFrames();
        double[][] out = new double[units.length][f];
        for (int k = 0; k < units.length; k++) {
            for (int t = 0; t < f; t++) {
                out[k][t] = flat[units[k] * f + t] * scale + offset;
            }
        }
        return out;
    }

    private static void near(JsonNode w, String field, double got, double tol, String what) {
        JsonNode v = w.get(field);
        if (v.isNull()) {
            assertTrue(Double.isNaN(got), what + " " + field + " should be NaN, got " + got);
        } else {
            assertEquals(v.asDouble(), got, tol, what + " " + field);
        }
    }

    @Test
    void scoreMatchesTheReferenceOnTheGoldenStore() {
        for (JsonNode c : want.get("cases")) {
            String name = c.get("name").asText();
            int[] units = new int[c.get("units").size()];
            for (int k = 0; k < units.length; k++) {
                units[k] = c.get("units").get(k).asInt();
            }
            ImageStack base = c.has("planted") ? TruthViews.aPlanted(gt) : TruthViews.aObserved(gt);
            ImageStack a = base.select(units).translate(c.get("move").get(0).asInt(), c.get("move").get(1).asInt());
            Estimate.Builder b = Estimate.builder().A(a);
            if (c.get("traces").asBoolean()) {
                b.C(rows(gt.c(), units, 2.0, 1.0)).S(rows(gt.s(), units, 0.25, 0.0));
            }
            if (!c.get("shifts_bias").isNull()) {
                double[] sh = gt.shifts().clone();
                for (int k = 0; k < sh.length; k++) {
                    sh[k] = -sh[k] + c.get("shifts_bias").get(k % 2).asDouble();
                }
                b.shifts(sh);
            }
            JsonNode s = c.get("shift");
            ShiftRequest shift = s.isNull() ? ShiftRequest.none() : ShiftRequest.parse(s.asText());
            Report r = Score.score(b.build(), gt, c.get("metric").asText(), c.get("threshold").asDouble(),
                    c.get("restrict").asBoolean(), shift);
            JsonNode w = c.get("want");
            // binary planted footprints are all ties: the reference's unstable sort picks its energy-mask pixels
            // arbitrarily there (docs/scoring.md#parity-with-the-reference), so IoU agrees only to the third decimal
            double tol = c.has("planted") ? 5e-3 : 1e-6;
            assertEquals(w.get("n_true").asInt(), r.nTrue(), name);
            assertEquals(w.get("n_est").asInt(), r.nEst(), name);
            assertEquals(w.get("n_matched").asInt(), r.nMatched(), name);
            near(w, "recall", r.recall(), tol, name);
            near(w, "precision", r.precision(), tol, name);
            near(w, "f1", r.f1(), tol, name);
            near(w, "mean_overlap", r.meanOverlap(), tol, name);
            near(w, "trace_corr", r.traceCorr(), tol, name);
            near(w, "activity_corr", r.activityCorr(), tol, name);
            near(w, "activity_variance_explained", r.activityVarianceExplained(), tol, name);
            near(w, "activity_scale", r.activityScale(), tol, name);
            if (w.get("shift_rmse").isNull()) {
                assertNull(r.shiftRmse(), name);
            } else {
                assertEquals(w.get("shift_rmse").asDouble(), r.shiftRmse(), 1e-9, name);
            }
            assertEquals(new PixelShift(w.get("footprint_shift").get(0).asInt(), w.get("footprint_shift").get(1).asInt()),
                    r.footprintShift(), name);
        }
    }
}
