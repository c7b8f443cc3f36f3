package org.minisim.job.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The calibration of the detection threshold against observed outcomes, over the per-cell table (rows with
 * {@code detect_rule = 'snr'}): P(recovered | ln detection_snr) by logistic maximum likelihood, overall and per
 * stratum, T50 and the Youden threshold with recording-bootstrap intervals, recall above and below T* along
 * each swept axis, and the same fit on {@code snr_with_background} and {@code oracle_empirical_snr}.
 *
 * <p>{@link #run} reads the tables with Spark ({@link CalibrationInput}), {@link #analyze} does the statistics
 * on the driver without Spark, {@link CalibrationPage} writes calibration.json and the page.
 */
public final class Calibration {

    /** The predictor columns compared, the calibration variable first. */
    public static final List<String> PREDICTORS = List.of("detection_snr", "snr_with_background",
            "oracle_empirical_snr");

    private Calibration() {}

    /**
     * Reads, analyses and (with an output directory) writes calibration.json and the page.
     *
     * @throws CalibrationException on input that cannot be calibrated (one line naming the table, column or id)
     */
    public static CalibrationResult run(SparkSession spark, CalibrationOptions options) {
        CalibrationData data = CalibrationInput.load(spark, options);
        CalibrationResult result = analyze(data, options);
        if (options.outDir() != null) {
            result = result.withWritten(CalibrationPage.write(result, options.outDir()));
        }
        return result;
    }

    /**
     * @throws CalibrationException when no cell has a usable {@code detection_snr}
     */
    public static CalibrationResult analyze(CalibrationData data, CalibrationOptions options) {
        FitSettings s = options.fit();
        LinkedHashMap<String, Long> counts = new LinkedHashMap<>(data.inputs().rowCounts());
        List<String> warnings = new ArrayList<>(data.inputs().warnings());
        int n = data.size();

        int[] keep = usable(data.detectionSnr());
        int nullSnr = 0, infSnr = 0, nonPositive = 0;
        for (double v : data.detectionSnr()) {
            if (Double.isNaN(v)) {
                nullSnr++;
            } else if (v == Double.POSITIVE_INFINITY) {
                infSnr++;
            } else if (!(v > 0)) {
                nonPositive++;
            }
        }
        counts.put("null_detection_snr", (long) nullSnr);
        counts.put("infinite_detection_snr", (long) infSnr);
        counts.put("nonpositive_detection_snr", (long) nonPositive);
        counts.put("used", (long) keep.length);
        if (infSnr > 0) {
            warnings.add(infSnr + " cells have an infinite detection_snr (zero noise floor) and are left out");
        }
        if (nonPositive > 0) {
            warnings.add(nonPositive + " cells have detection_snr ≤ 0 (no signal: ln snr undefined) and are left out");
        }
        if (nullSnr > 0) {
            warnings.add(nullSnr + " SNR-rule cells have a null detection_snr and are left out");
        }
        if (keep.length == 0) {
            throw new CalibrationException("no rows after filtering " + data.inputs().cellsUri() + ": "
                    + describe(counts));
        }
        CalibrationData.Inputs inputs = new CalibrationData.Inputs(data.inputs().cellsUri(),
                data.inputs().outcomesUri(), data.inputs().pipelineId(), data.inputs().outcome(),
                data.inputs().sweepIds(), data.inputs().cellImplVersions(), data.inputs().detectSnrThresholds(),
                counts, data.inputs().warnings());

        double[] snr = pick(data.detectionSnr(), keep);
        boolean[] y = pick(data.recovered(), keep);
        long[] rec = pick(data.recording(), keep);
        SnrFit overall = SnrFitter.fit(snr, y, rec, s);

        LinkedHashMap<Stratum, List<CalibrationResult.StratumFit>> strata = new LinkedHashMap<>();
        for (Stratum st : options.strata()) {
            double[] v = pick(data.strataValues().get(st.column()), keep);
            List<Stratum.Bin> bins = st.bins(v);
            List<List<Integer>> members = new ArrayList<>();
            for (int b = 0; b < bins.size(); b++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < v.length; i++) {
                int b = st.binOf(bins, v[i]);
                if (b >= 0) {
                    members.get(b).add(i);
                }
            }
            List<CalibrationResult.StratumFit> fits = new ArrayList<>();
            for (int b = 0; b < bins.size(); b++) {
                int[] idx = members.get(b).stream().mapToInt(Integer::intValue).toArray();
                fits.add(new CalibrationResult.StratumFit(bins.get(b),
                        SnrFitter.fit(pick(snr, idx), pick(y, idx), pick(rec, idx), s)));
            }
            strata.put(st, fits);
        }

        Double tStar = overall.t50() != null ? overall.t50() : overall.youdenT();
        String tStarSource = overall.t50() != null ? "overall.t50" : overall.youdenT() != null ? "overall.youden_t"
                : null;
        LinkedHashMap<String, List<CalibrationResult.AxisRecall>> recall = new LinkedHashMap<>();
        if (tStar != null) {
            for (Map.Entry<String, double[]> e : data.axes().entrySet()) {
                double[] ax = pick(e.getValue(), keep);
                List<CalibrationResult.AxisRecall> rows = axisRecall(ax, snr, y, tStar);
                if (!rows.isEmpty()) {
                    recall.put(e.getKey(), rows);
                }
            }
        }

        LinkedHashMap<String, CalibrationResult.PredictorFit> predictors = new LinkedHashMap<>();
        Map<String, double[]> columns = Map.of(PREDICTORS.get(0), data.detectionSnr(), PREDICTORS.get(1),
                data.snrWithBackground(), PREDICTORS.get(2), data.oracleEmpiricalSnr());
        for (String p : PREDICTORS) {
            if (p.equals(PREDICTORS.get(0))) {
                predictors.put(p, new CalibrationResult.PredictorFit(p, overall, n - keep.length));
                continue;
            }
            int[] k = usable(columns.get(p));
            predictors.put(p, new CalibrationResult.PredictorFit(p, SnrFitter.fit(pick(columns.get(p), k),
                    pick(data.recovered(), k), pick(data.recording(), k), s), n - k.length));
        }
        CalibrationResult.Comparison comparison = compare(data, columns, s);
        return new CalibrationResult(overall, strata, tStar, tStarSource, recall, predictors, comparison, inputs, s,
                warnings, List.of());
    }

    private static CalibrationResult.Comparison compare(CalibrationData data, Map<String, double[]> columns,
                                                        FitSettings s) {
        List<Integer> common = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            boolean ok = true;
            for (String p : PREDICTORS) {
                double v = columns.get(p)[i];
                ok &= v > 0 && v < Double.POSITIVE_INFINITY;
            }
            if (ok) {
                common.add(i);
            }
        }
        int[] idx = common.stream().mapToInt(Integer::intValue).toArray();
        LinkedHashMap<String, Double> ll = new LinkedHashMap<>(), auc = new LinkedHashMap<>();
        if (idx.length < s.minCells()) {
            return new CalibrationResult.Comparison(idx.length, ll, auc, null, null,
                    "too few cells where every predictor is finite and positive: " + idx.length + " < "
                            + s.minCells());
        }
        boolean[] y = pick(data.recovered(), idx);
        List<String> why = new ArrayList<>();
        String bestLl = null, bestAuc = null;
        for (String p : PREDICTORS) {
            double[] x = pick(columns.get(p), idx);
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.log(x[i]);
            }
            LogisticRegression.Result r = LogisticRegression.fit(x, y, null);
            Double l = r instanceof LogisticRegression.Model m ? m.logLikelihood() : null;
            if (r instanceof LogisticRegression.Degenerate d) {
                why.add(p + ": " + d.reason());
            }
            double a = new Roc(x, y).auc();
            ll.put(p, l);
            auc.put(p, Double.isNaN(a) ? null : a);
            if (l != null && (bestLl == null || l > ll.get(bestLl))) {
                bestLl = p;
            }
            if (!Double.isNaN(a) && (bestAuc == null || a > auc.get(bestAuc))) {
                bestAuc = p;
            }
        }
        return new CalibrationResult.Comparison(idx.length, ll, auc, bestLl, bestAuc,
                why.isEmpty() ? null : String.join("; ", why));
    }

    static List<CalibrationResult.AxisRecall> axisRecall(double[] ax, double[] snr, boolean[] y, double tStar) {
        TreeMap<Double, int[]> byValue = new TreeMap<>(); // n, nAbove, recAbove, nBelow, recBelow
        for (int i = 0; i < ax.length; i++) {
            if (Double.isNaN(ax[i])) {
                continue;
            }
            int[] c = byValue.computeIfAbsent(ax[i], k -> new int[5]);
            c[0]++;
            if (snr[i] >= tStar) {
                c[1]++;
                c[2] += y[i] ? 1 : 0;
            } else {
                c[3]++;
                c[4] += y[i] ? 1 : 0;
            }
        }
        List<CalibrationResult.AxisRecall> out = new ArrayList<>();
        byValue.forEach((v, c) -> out.add(new CalibrationResult.AxisRecall(v, c[0], c[1], c[2],
                c[1] == 0 ? null : (double) c[2] / c[1], c[3], c[4], c[3] == 0 ? null : (double) c[4] / c[3])));
        return out;
    }

    private static String describe(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    /** @return the indices whose value is finite and positive */
    static int[] usable(double[] v) {
        int[] out = new int[v.length];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0 && v[i] < Double.POSITIVE_INFINITY) {
                out[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    static boolean[] pick(boolean[] v, int[] idx) {
        boolean[] out = new boolean[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    static long[] pick(long[] v, int[] idx) {
        long[] out = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }
}
