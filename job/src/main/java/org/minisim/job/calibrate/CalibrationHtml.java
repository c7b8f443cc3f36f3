package org.minisim.job.calibrate;

import java.util.List;
import java.util.Map;

/** The calibration page (calibration.html): the charts and every table of calibration.json, self-contained. */
final class CalibrationHtml {

    private CalibrationHtml() {}

    static String page(CalibrationResult r) {
        StringBuilder h = new StringBuilder();
        CalibrationData.Inputs in = r.inputs();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>minisim calibration: ")
                .append(esc(String.join(", ", in.sweepIds()))).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:90%}")
                .append("th{background:#f0f0f0}td.l,th.l{text-align:left}")
                .append("img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}")
                .append(".warn{color:#a33}code{background:#f4f4f4;padding:0 3px}\n</style></head><body>\n");
        h.append("<h1>Detection-threshold calibration</h1>\n<p>Outcome <code>").append(esc(in.outcome()))
                .append("</code>").append(in.pipelineId() == null ? "" : " of pipeline <code>"
                        + esc(in.pipelineId()) + "</code>")
                .append("; sweeps ").append(esc(String.join(", ", in.sweepIds())))
                .append(". Model: logit P(outcome) = intercept + slope · ln(snr); T50 = SNR at P = 0.5; the Youden "
                        + "threshold maximises TPR − FPR of <code>snr ≥ t</code>; intervals: ")
                .append(pct(r.settings().level())).append(" percentile bootstrap over recordings, ")
                .append(r.settings().replicates()).append(" replicates, seed ").append(r.settings().seed())
                .append(".</p>\n");
        if (!r.warnings().isEmpty()) {
            h.append("<ul class=\"warn\">");
            for (String w : r.warnings()) {
                h.append("<li>").append(esc(w)).append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Overall</h2>\n");
        fitTable(h, "set", List.of(Map.entry("all cells", r.overall())));
        h.append("<img src=\"").append(CalibrationPage.OVERALL_PNG).append("\" alt=\"overall fit\">\n");
        h.append("<p>T* used for the recall checks: ").append(r.tStar() == null ? "none" : num(r.tStar())
                + " (" + esc(r.tStarSource()) + ")").append("</p>\n");

        for (Map.Entry<Stratum, List<CalibrationResult.StratumFit>> e : r.strata().entrySet()) {
            Stratum s = e.getKey();
            h.append("<h2>By ").append(s.id()).append(" (<code>").append(s.column()).append("</code>)</h2>\n");
            fitTable(h, "bin", e.getValue().stream().map(sf -> Map.entry(sf.bin().label(), sf.fit())).toList());
            h.append("<img src=\"").append(CalibrationPage.strataPng(s)).append("\" alt=\"fits by ")
                    .append(s.id()).append("\">\n");
        }

        h.append("<h2>Recall above and below T* along the swept axes</h2>\n");
        if (r.recallByAxis().isEmpty()) {
            h.append("<p>").append(r.tStar() == null ? "No T*." : "The cell table has no <code>ax_*</code> columns.")
                    .append("</p>\n");
        }
        for (Map.Entry<String, List<CalibrationResult.AxisRecall>> e : r.recallByAxis().entrySet()) {
            h.append("<h3><code>").append(esc(e.getKey())).append("</code></h3>\n<table><tr><th>value</th>"
                    + "<th>cells</th><th>≥ T*</th><th>recall ≥ T*</th><th>&lt; T*</th><th>recovered &lt; T*</th></tr>\n");
            for (CalibrationResult.AxisRecall a : e.getValue()) {
                h.append("<tr><td>").append(num(a.value())).append("</td><td>").append(a.nCells()).append("</td><td>")
                        .append(a.nAbove()).append("</td><td>").append(num(a.recallAbove())).append("</td><td>")
                        .append(a.nBelow()).append("</td><td>").append(num(a.recoveredFractionBelow()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Predictors</h2>\n");
        fitTable(h, "predictor", r.predictors().values().stream()
                .map(p -> Map.entry(p.column() + " (" + p.excluded() + " left out)", p.fit())).toList());
        CalibrationResult.Comparison c = r.comparison();
        h.append("<p>On the ").append(c.nCells()).append(" cells where every predictor is usable: best by "
                + "log-likelihood <b>").append(esc(String.valueOf(c.bestByLogLikelihood()))).append("</b>, best by AUC <b>")
                .append(esc(String.valueOf(c.bestByAuc()))).append("</b>")
                .append(c.reason() == null ? "" : " (" + esc(c.reason()) + ")").append(".</p>\n<table><tr>"
                        + "<th class=\"l\">predictor</th><th>log-likelihood</th><th>AUC</th></tr>\n");
        for (String p : c.logLikelihood().keySet()) {
            h.append("<tr><td class=\"l\">").append(esc(p)).append("</td><td>").append(num(c.logLikelihood().get(p)))
                    .append("</td><td>").append(num(c.auc().get(p))).append("</td></tr>\n");
        }
        h.append("</table>\n<img src=\"").append(CalibrationPage.PREDICTORS_PNG).append("\" alt=\"predictors\">\n");

        h.append("<h2>Inputs</h2>\n<table>");
        row(h, "cell table", in.cellsUri());
        row(h, "outcome table", in.outcomesUri());
        row(h, "pipeline_id", in.pipelineId());
        row(h, "cell impl_version", String.join(", ", in.cellImplVersions()));
        row(h, "detect_snr_threshold", String.join(", ", in.detectSnrThresholds().stream().map(CalibrationHtml::num)
                .toList()));
        for (Map.Entry<String, Long> e : in.rowCounts().entrySet()) {
            row(h, "rows: " + e.getKey(), Long.toString(e.getValue()));
        }
        h.append("</table>\n<p>Every number is in <a href=\"").append(CalibrationPage.JSON).append("\">")
                .append(CalibrationPage.JSON).append("</a>.</p>\n</body></html>\n");
        return h.toString();
    }

    private static void fitTable(StringBuilder h, String first, List<Map.Entry<String, SnrFit>> fits) {
        h.append("<table><tr><th class=\"l\">").append(first).append("</th><th>cells</th><th>recordings</th>"
                + "<th>recovered</th><th>T50</th><th>T50 interval</th><th>Youden T</th><th>Youden interval</th>"
                + "<th>slope</th><th>AUC</th><th class=\"l\">notes</th></tr>\n");
        for (Map.Entry<String, SnrFit> e : fits) {
            SnrFit f = e.getValue();
            String notes = (f.reason() == null ? "" : f.reason())
                    + (f.ciReason() == null ? "" : (f.reason() == null ? "" : "; ") + f.ciReason())
                    + (Boolean.TRUE.equals(f.t50Extrapolated()) ? " T50 outside the SNR range of the cells." : "");
            h.append("<tr><td class=\"l\">").append(esc(e.getKey())).append("</td><td>").append(f.nCells())
                    .append("</td><td>").append(f.nRecordings()).append("</td><td>").append(f.nRecovered())
                    .append("</td><td>").append(num(f.t50())).append("</td><td>").append(interval(f.t50Ci()))
                    .append("</td><td>").append(num(f.youdenT())).append("</td><td>").append(interval(f.youdenTCi()))
                    .append("</td><td>").append(num(f.slope())).append("</td><td>").append(num(f.auc()))
                    .append("</td><td class=\"l\">").append(esc(notes)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th class=\"l\">").append(esc(k)).append("</th><td class=\"l\">")
                .append(v == null ? "—" : esc(v)).append("</td></tr>\n");
    }

    private static String interval(double[] ci) {
        return ci == null ? "—" : "[" + CalibrationPage.fmt(ci[0]) + ", " + CalibrationPage.fmt(ci[1]) + "]";
    }

    private static String num(Double v) {
        return v == null ? "—" : CalibrationPage.fmt(v);
    }

    private static String pct(double level) {
        double p = level * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + " %";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
