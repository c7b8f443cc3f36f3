package org.minisim.job.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.minisim.job.ImplVersion;

/**
 * calibration.json: {@code {"overall": FIT, "strata": {"depth": [{"bin": …, …FIT}, …], …}, "predictors": {…},
 * "inputs": {…}, …}}. Every FIT has {@code t50}, {@code t50_ci}, {@code youden_t}, {@code youden_t_ci},
 * {@code slope}, {@code auc}, {@code n_cells}, {@code n_recordings} (and more); a value that cannot be
 * computed is {@code null} with a {@code reason} / {@code ci_reason}. No number is NaN or infinite.
 */
public final class CalibrationJson {

    /** Version of this file's layout. */
    public static final int FORMAT = 1;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CalibrationJson() {}

    /** @return the document as indented text */
    public static String write(CalibrationResult r) {
        try {
            return MAPPER.writeValueAsString(tree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the document as a tree */
    public static ObjectNode tree(CalibrationResult r) {
        ObjectNode root = F.objectNode();
        root.put("calibration_format", FORMAT);
        root.put("outcome", r.inputs().outcome());
        root.put("predictor", Calibration.PREDICTORS.get(0));
        root.put("model", "logit P(outcome) = intercept + slope * ln(snr); t50 = exp(-intercept / slope)");
        root.set("overall", fit(r.overall()));
        ObjectNode strata = root.putObject("strata");
        r.strata().forEach((st, fits) -> {
            ArrayNode a = strata.putArray(st.id());
            for (CalibrationResult.StratumFit sf : fits) {
                ObjectNode o = F.objectNode();
                o.put("bin", sf.bin().label());
                num(o, "lo", sf.bin().lo());
                num(o, "hi", sf.bin().hi());
                o.setAll(fit(sf.fit()));
                a.add(o);
            }
        });
        ObjectNode ts = root.putObject("t_star");
        num(ts, "value", r.tStar());
        ts.put("source", r.tStarSource());
        ObjectNode recall = root.putObject("recall_by_axis");
        r.recallByAxis().forEach((ax, rows) -> {
            ArrayNode a = recall.putArray(ax);
            for (CalibrationResult.AxisRecall ar : rows) {
                ObjectNode o = a.addObject();
                num(o, "value", ar.value());
                o.put("n_cells", ar.nCells());
                o.put("n_above", ar.nAbove());
                o.put("recovered_above", ar.recoveredAbove());
                num(o, "recall_above", ar.recallAbove());
                o.put("n_below", ar.nBelow());
                o.put("recovered_below", ar.recoveredBelow());
                num(o, "recovered_fraction_below", ar.recoveredFractionBelow());
            }
        });
        ObjectNode pred = root.putObject("predictors");
        r.predictors().forEach((name, pf) -> {
            ObjectNode o = fit(pf.fit());
            o.put("excluded", pf.excluded());
            pred.set(name, o);
        });
        ObjectNode cmp = pred.putObject("comparison");
        CalibrationResult.Comparison c = r.comparison();
        cmp.put("n_cells", c.nCells());
        ObjectNode ll = cmp.putObject("log_likelihood");
        c.logLikelihood().forEach((k, v) -> num(ll, k, v));
        ObjectNode auc = cmp.putObject("auc");
        c.auc().forEach((k, v) -> num(auc, k, v));
        cmp.put("best_by_log_likelihood", c.bestByLogLikelihood());
        cmp.put("best_by_auc", c.bestByAuc());
        cmp.put("reason", c.reason());

        ObjectNode in = root.putObject("inputs");
        CalibrationData.Inputs i = r.inputs();
        in.put("cells", i.cellsUri());
        in.put("outcomes", i.outcomesUri());
        in.put("pipeline_id", i.pipelineId());
        strings(in.putArray("sweep_ids"), i.sweepIds());
        ObjectNode iv = in.putObject("impl_versions");
        strings(iv.putArray("cells"), i.cellImplVersions());
        iv.put("calibrate", ImplVersion.get());
        ArrayNode th = in.putArray("detect_snr_thresholds");
        i.detectSnrThresholds().forEach(v -> th.add(finite("detect_snr_threshold", v)));
        ObjectNode rows = in.putObject("rows");
        for (Map.Entry<String, Long> e : i.rowCounts().entrySet()) {
            rows.put(e.getKey(), e.getValue());
        }
        ObjectNode b = in.putObject("bootstrap");
        b.put("replicates", r.settings().replicates());
        b.put("seed", r.settings().seed());
        b.put("level", r.settings().level());
        b.put("resampling", "recordings (sweep_id, spec_cache_key), with replacement; percentile intervals");
        b.put("max_failed_fraction", r.settings().maxFailedFraction());
        in.put("min_cells", r.settings().minCells());
        strings(root.putArray("warnings"), r.warnings());
        return root;
    }

    /** @return one FIT as an object */
    public static ObjectNode fit(SnrFit f) {
        ObjectNode o = F.objectNode();
        o.put("n_cells", f.nCells());
        o.put("n_recordings", f.nRecordings());
        o.put("n_recovered", f.nRecovered());
        num(o, "t50", f.t50());
        interval(o, "t50_ci", f.t50Ci());
        if (f.t50Extrapolated() == null) {
            o.putNull("t50_extrapolated");
        } else {
            o.put("t50_extrapolated", f.t50Extrapolated());
        }
        num(o, "youden_t", f.youdenT());
        interval(o, "youden_t_ci", f.youdenTCi());
        num(o, "youden_j", f.youdenJ());
        num(o, "slope", f.slope());
        num(o, "intercept", f.intercept());
        num(o, "log_likelihood", f.logLikelihood());
        num(o, "auc", f.auc());
        o.put("reason", f.reason());
        o.put("ci_reason", f.ciReason());
        ObjectNode b = o.putObject("bootstrap");
        b.put("replicates", f.bootstrapReplicates());
        b.put("failed_t50", f.bootstrapFailedT50());
        b.put("failed_youden", f.bootstrapFailedYouden());
        ArrayNode bins = o.putArray("bins");
        for (SnrFit.Bin bin : f.bins()) {
            ObjectNode x = bins.addObject();
            num(x, "snr_lo", bin.snrLo());
            num(x, "snr_hi", bin.snrHi());
            num(x, "snr_mid", bin.snrMid());
            x.put("n", bin.n());
            x.put("recovered", bin.recovered());
            num(x, "rate", bin.rate());
            interval(x, "rate_ci", new double[] {bin.rateLo(), bin.rateHi()});
        }
        return o;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void interval(ObjectNode o, String key, double[] ci) {
        if (ci == null) {
            o.putNull(key);
        } else {
            o.putArray(key).add(finite(key, ci[0])).add(finite(key, ci[1]));
        }
    }

    private static void num(ObjectNode o, String key, Double v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, finite(key, v));
        }
    }

    /** Non-finite numbers are bugs here: every computation reports null with a reason instead. */
    private static double finite(String key, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("calibration.json: " + key + " = " + v + " is not finite");
        }
        return v;
    }
}
