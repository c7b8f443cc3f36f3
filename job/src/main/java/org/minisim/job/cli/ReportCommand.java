package org.minisim.job.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minisim.job.exec.Failures;
import org.minisim.job.report.ReportException;
import org.minisim.job.report.SweepReport;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepValidationException;

/**
 * {@code minisim report TABLE_OR_SWEEP [--out DIR] [--sweep-id ID]... [--master URL] [--conf k=v]...}: writes the
 * sweep report page {@code DIR/index.html} ({@link SweepReport}; DIR defaults to {@code report} in the working
 * directory). The argument is the cell table directory (every sweep in it, or those named by {@code --sweep-id}),
 * or a sweep file (its sweep, from its {@code output.table}, resolved like {@code run} does). Prints the page's
 * path. The table is read without Spark (parquet-hadoop, {@code --conf} Hadoop keys such as an S3 endpoint
 * apply); DIR may be a local path or a Hadoop URI. {@code --master} is accepted for older scripts and ignored.
 * Exit status 0, 1 for an unreadable table or sweep file or a sweep the table lacks, 2 for a malformed command
 * line.
 */
public final class ReportCommand {

    /** The usage line. */
    public static final String USAGE = "usage: minisim report TABLE_OR_SWEEP [--out DIR] [--sweep-id ID]... "
            + "[--conf key=value]...";

    private ReportCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String input = null;
        String outDir = "report";
        List<String> ids = new ArrayList<>();
        Map<String, String> conf = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--out" -> outDir = value(args, ++i, a);
                    case "--sweep-id" -> ids.add(value(args, ++i, a));
                    case "--master" -> value(args, ++i, a); // ignored: the report needs no Spark
                    case "--conf" -> {
                        String kv = value(args, ++i, a);
                        int e = kv.indexOf('=');
                        if (e <= 0) {
                            throw new IllegalArgumentException("--conf needs key=value, got '" + kv + "'");
                        }
                        conf.put(kv.substring(0, e), kv.substring(e + 1));
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (input != null) {
                            throw new IllegalArgumentException("give one TABLE_OR_SWEEP (got '" + input + "' and '"
                                    + a + "')");
                        }
                        input = a;
                    }
                }
            }
            if (input == null) {
                throw new IllegalArgumentException("give the cell table directory or a sweep file");
            }
        } catch (IllegalArgumentException e) {
            err.println("minisim report: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String table = input;
        if (isSweepFile(input)) {
            SweepPlan plan;
            try {
                plan = SweepFile.read(RunCommand.readText(input, conf));
            } catch (IOException e) {
                err.println("minisim report: cannot read sweep file " + input + ": " + Failures.oneLine(e));
                return 1;
            } catch (SweepValidationException e) {
                err.println("minisim report: " + input + ": the sweep file is invalid (" + e.getIssues().size()
                        + " errors; minisim validate lists them)");
                return 1;
            }
            table = RunCommand.absoluteUri(plan.tableUri());
            if (!ids.isEmpty() && !ids.equals(List.of(plan.sweepId()))) {
                err.println("minisim report: --sweep-id " + ids + " does not match the sweep file's sweep_id '"
                        + plan.sweepId() + "'");
                return 2;
            }
            ids = List.of(plan.sweepId());
        } else {
            table = RunCommand.absoluteUri(input);
        }
        try {
            String page = SweepReport.write(RunCommand.hadoopConf(conf, table.startsWith("file:")), table, ids, outDir, Map.of());
            out.println(page);
            return 0;
        } catch (ReportException e) {
            err.println("minisim report: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("minisim report: failed: " + Failures.oneLine(e));
            return 1;
        }
    }

    /** @return whether the argument names a sweep file (a local regular file, or any path ending in .json) */
    static boolean isSweepFile(String input) {
        if (input.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return true;
        }
        return !RunCommand.hasScheme(input) && Files.isRegularFile(Paths.get(input));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
