package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hungarian_match} against vectors produced once by the Python reference (resource
 * {@code metrics/reference-parity.json}, generator beside it): random overlapping Gaussian blobs without ties, on
 * non-power-of-two grids, with a rigid offset, missing cells and false positives, under every metric and shift
 * mode. Pairings and applied shifts must agree exactly; similarities to rounding (IoU values are float32).
 */
class ReferenceParityTest {

    private static double[] blob(int h, int w, JsonNode p) {
        double cy = p.get(0).asDouble(), cx = p.get(1).asDouble(), s = p.get(2).asDouble(), amp = p.get(3).asDouble();
        double[] d = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dy = y - cy, dx = x - cx;
                double g = amp * Math.exp(-(dy * dy + dx * dx) / (2.0 * s * s));
                d[y * w + x] = g > 1e-6 * amp ? g : 0.0;
            }
        }
        return d;
    }

    private static ImageStack stack(int h, int w, JsonNode params) {
        double[][] imgs = new double[params.size()][];
        for (int i = 0; i < imgs.length; i++) {
            imgs[i] = blob(h, w, params.get(i));
        }
        return ImageStack.fromImages(h, w, imgs);
    }

    @Test
    void matchesTheReferenceOnRandomBlobScenes() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/metrics/reference-parity.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            int h = c.get("h").asInt(), w = c.get("w").asInt();
            ImageStack truth = stack(h, w, c.get("true")), est = stack(h, w, c.get("est"));
            for (JsonNode r : c.get("results")) {
                String metric = r.get("metric").asText();
                JsonNode sh = r.get("shift");
                ShiftRequest shift = sh.isNull() ? ShiftRequest.none()
                        : sh.isTextual() ? ShiftRequest.parse(sh.asText())
                        : ShiftRequest.of(sh.get(0).asDouble(), sh.get(1).asDouble());
                double ef = r.get("energy_frac").asDouble();
                String what = h + "x" + w + " " + metric + " shift=" + sh + " ef=" + ef;
                Match m = Matching.hungarianMatch(est, truth, metric, ef, shift);
                assertEquals(new PixelShift(r.get("applied").get(0).asInt(), r.get("applied").get(1).asInt()),
                        m.shift(), what);
                List<Match.Pair> want = new ArrayList<>();
                for (JsonNode p : r.get("pairing")) {
                    want.add(new Match.Pair(p.get(0).asInt(), p.get(1).asInt()));
                }
                assertEquals(want, m.pairing(), what);
                JsonNode mat = r.get("matrix");
                assertEquals(mat.size(), m.similarity().length, what);
                double tol = "iou".equals(metric) ? 1e-7 : 1e-12;
                for (int k = 0; k < mat.size(); k++) {
                    assertEquals(mat.get(k).asDouble(), m.similarity()[k], tol, what + " entry " + k);
                }
                assertEquals(r.get("mean").asDouble(), m.meanSimilarity(), tol, what);
                assertEquals(r.get("recall").asDouble(), m.recall(0.5), 0.0, what);
                assertEquals(r.get("precision").asDouble(), m.precision(0.5), 0.0, what);
                checked++;
            }
        }
        assertEquals(6 * 15, checked);
    }
}
