package org.minisim.job.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.minisim.job.exec.Failures;
import org.minisim.job.calibrate.Calibration;
import org.minisim.job.calibrate.CalibrationException;
import org.minisim.job.calibrate.CalibrationOptions;
import org.minisim.job.calibrate.CalibrationResult;
import org.minisim.job.calibrate.FitSettings;
import org.minisim.job.calibrate.OutcomeRule;
import org.minisim.job.calibrate.SnrFit;
import org.minisim.job.calibrate.Stratum;
import org.minisim.job.spark.SparkSessions;

/**
 * {@code minisim calibrate --cells TABLE [--outcomes TABLE] [--pipeline-id ID] [--sweep-id ID]
 * [--outcome recovered|oracle_corr>=R] [--strata depth,vessel,crowding,motion] [--out DIR] [--bootstrap N]
 * [--seed S] [--master URL] [--conf k=v]...}: the detection-threshold calibration ({@link Calibration}) over
 * the per-cell table, with the pipeline outcome table ({@code recovered}, the default) or pipeline-free
 * ({@code oracle_corr>=R}); writes calibration.json and its page into DIR (default {@code calibration}) and
 * prints a summary. Exit status 0 on success, 1 when the input cannot be calibrated or written, 2 on a
 * malformed command line.
 */
public final class CalibrateCommand {

    /** The usage line. */
    public static final String USAGE = "usage: minisim calibrate --cells TABLE [--outcomes TABLE] [--pipeline-id ID] "
            + "[--sweep-id ID] [--outcome recovered|oracle_corr>=R] [--strata depth,vessel,crowding,motion] "
            + "[--out DIR] [--bootstrap N] [--seed S] [--master URL] [--conf key=value]...";

    /** The output directory without {@code --out}. */
    public static final String DEFAULT_OUT = "calibration";

    private CalibrateCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CalibrationOptions options;
        String master = null;
        Map<String, String> conf = new LinkedHashMap<>();
        try {
            String cells = null, outcomes = null, pipeline = null, sweep = null, outDir = DEFAULT_OUT;
            OutcomeRule outcome = new OutcomeRule.Recovered();
            List<Stratum> strata = List.of(Stratum.values());
            FitSettings fit = FitSettings.DEFAULTS;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--cells" -> cells = value(args, ++i, a);
                    case "--outcomes" -> outcomes = value(args, ++i, a);
                    case "--pipeline-id" -> pipeline = value(args, ++i, a);
                    case "--sweep-id" -> sweep = value(args, ++i, a);
                    case "--outcome" -> outcome = OutcomeRule.parse(value(args, ++i, a));
                    case "--strata" -> strata = Stratum.parseList(value(args, ++i, a));
                    case "--out" -> outDir = value(args, ++i, a);
                    case "--bootstrap" -> fit = fit.withReplicates(positiveInt(value(args, ++i, a), a));
                    case "--seed" -> fit = fit.withSeed(longValue(value(args, ++i, a), a));
                    case "--master" -> master = value(args, ++i, a);
                    case "--conf" -> {
                        String kv = value(args, ++i, a);
                        int e = kv.indexOf('=');
                        if (e <= 0) {
                            throw new IllegalArgumentException("--conf needs key=value, got '" + kv + "'");
                        }
                        conf.put(kv.substring(0, e), kv.substring(e + 1));
                    }
                    default -> throw new IllegalArgumentException(a.startsWith("-") ? "unknown option " + a
                            : "unexpected argument '" + a + "'");
                }
            }
            if (cells == null) {
                throw new IllegalArgumentException("--cells TABLE is required");
            }
            if (outcome instanceof OutcomeRule.Recovered && outcomes == null) {
                throw new IllegalArgumentException("--outcomes TABLE is required with --outcome recovered "
                        + "(or calibrate pipeline-free with --outcome oracle_corr>=R)");
            }
            if (outcome instanceof OutcomeRule.OracleCorr && (outcomes != null || pipeline != null)) {
                throw new IllegalArgumentException("--outcomes and --pipeline-id are not used with --outcome "
                        + outcome.describe() + " (the outcome comes from the cell table)");
            }
            options = new CalibrationOptions(RunCommand.absoluteUri(cells),
                    outcomes == null ? null : RunCommand.absoluteUri(outcomes), pipeline, sweep, outcome, strata,
                    localDir(outDir), fit);
        } catch (IllegalArgumentException e) {
            err.println("minisim calibrate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Map<String, String> sparkConf = new LinkedHashMap<>(conf);
        sparkConf.putIfAbsent("spark.app.name", "minisim calibrate");
        if (master != null) {
            sparkConf.put("spark.master", master);
        }
        CalibrationResult r;
        try {
            SparkSession spark = SparkSessions.getOrCreate(sparkConf);
            r = Calibration.run(spark, options);
        } catch (CalibrationException e) {
            err.println("minisim calibrate: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("minisim calibrate: failed: " + Failures.oneLine(e));
            return 1;
        }
        for (String w : r.warnings()) {
            err.println("minisim calibrate: warning: " + w);
        }
        summary(r, out);
        return 0;
    }

    /** Prints the short summary: the inputs, the overall FIT, each stratum's T50, the best predictor, the files. */
    static void summary(CalibrationResult r, PrintStream out) {
        SnrFit o = r.overall();
        out.println("minisim calibrate: outcome " + r.inputs().outcome()
                + (r.inputs().pipelineId() == null ? "" : " of pipeline " + r.inputs().pipelineId()) + ", sweep "
                + String.join(", ", r.inputs().sweepIds()) + ": " + o.nCells() + " cells from " + o.nRecordings()
                + " recordings, " + o.nRecovered() + " recovered");
        out.println("  overall: " + line(o));
        r.strata().forEach((s, fits) -> {
            StringBuilder b = new StringBuilder("  by " + s.id() + ":");
            for (CalibrationResult.StratumFit sf : fits) {
                if (sf.fit().nCells() > 0) {
                    b.append(' ').append(sf.bin().label()).append(" T50 ").append(num(sf.fit().t50()))
                            .append(" (n=").append(sf.fit().nCells()).append(");");
                }
            }
            out.println(b.charAt(b.length() - 1) == ';' ? b.substring(0, b.length() - 1) : b + " no cells");
        });
        CalibrationResult.Comparison c = r.comparison();
        out.println("  predictors on " + c.nCells() + " common cells: best by log-likelihood "
                + c.bestByLogLikelihood() + ", by AUC " + c.bestByAuc());
        if (!r.written().isEmpty()) {
            Path dir = r.written().get(0).getParent();
            out.println("  wrote " + dir.resolve("calibration.json") + " and " + dir.resolve("calibration.html"));
        }
    }

    private static String line(SnrFit f) {
        if (f.nCells() == 0) {
            return "no cells";
        }
        return "T50 " + num(f.t50()) + interval(f.t50Ci()) + ", Youden T " + num(f.youdenT()) + interval(f.youdenTCi())
                + ", slope " + num(f.slope()) + ", AUC " + num(f.auc())
                + (f.reason() == null ? "" : " (" + f.reason() + ")")
                + (f.ciReason() == null ? "" : " (intervals: " + f.ciReason() + ")");
    }

    private static String num(Double v) {
        return v == null ? "null" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String interval(double[] ci) {
        return ci == null ? "" : " [" + num(ci[0]) + ", " + num(ci[1]) + "]";
    }

    private static Path localDir(String dir) {
        if (RunCommand.hasScheme(dir) && !dir.startsWith("file://")) {
            throw new IllegalArgumentException("--out must be a local directory, got '" + dir + "'");
        }
        return dir.startsWith("file://") ? Paths.get(java.net.URI.create(dir)) : Paths.get(dir);
    }

    private static int positiveInt(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive integer, got '" + v + "'");
    }

    private static long longValue(String v, String flag) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + v + "'");
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
