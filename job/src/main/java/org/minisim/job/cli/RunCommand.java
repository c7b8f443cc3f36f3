package org.minisim.job.cli;

import org.minisim.job.*;
import org.minisim.job.exec.Failures;
import org.minisim.job.exec.TaskFailures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.minisim.job.exec.InProcessExecutor;
import org.minisim.job.report.SamplePrefetch;
import org.minisim.job.report.SweepReport;
import org.minisim.run.RecordingArrays;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.job.spark.SparkSessions;
import org.minisim.job.storage.StoreRoot;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepValidationException;

/**
 * {@code minisim run}: reads and validates a sweep file (every error listed, nothing written and no Spark
 * session created when it is invalid), then runs {@link SweepJob}; then, once every recording has finished,
 * exports the movie of each committed recording ({@code --avi DIR}, {@code --tiff DIR}: {@code <cache_key>.avi} /
 * {@code .tiff}, existing files kept unless {@code --overwrite}; see {@link ExportArgs}), and writes the sweep
 * report ({@link SweepReport}, without Spark) to {@code <table>/_report/<sweep_id>/index.html} or
 * {@code --report DIR}, unless {@code --no-report}. Exit status 0 when every recording is committed and every
 * export and the report are written, 1 on an invalid sweep file, an export option that cannot apply (checked
 * before anything runs), or any failed recording, export or report, 2 on a malformed command line, 3 when a storage
 * location is unavailable (rerun the same command to resume; {@link ExitStatus}, docs/failures.md). Log output and
 * stack traces go to the run's log file ({@link RunLog}), whose path is printed when something failed;
 * {@code --verbose} shows them on the console too.
 */
public final class RunCommand {
    private RunCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    /** The option showing log output and stack traces on the console ({@link RunLog}). */
    static final String VERBOSE = "--verbose";

    /**
     * Runs the sweep in a JVM with both compilers ({@link JitChoice#relaunch}).
     *
     * @return its exit status, or null when it could not be started (this JVM then runs the sweep with the quick
     *     compiler: slower, the same result)
     */
    private static Integer relaunch(String[] args) {
        try {
            return JitChoice.relaunch(args);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.FAILED;
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = new java.util.ArrayList<>(Arrays.asList(args));
        boolean verbose = list.removeIf(VERBOSE::equals);
        RunArgs a;
        try {
            a = RunArgs.parse(list);
        } catch (RunArgs.UsageException e) {
            err.println("minisim run: " + e.getMessage());
            err.println(RunArgs.USAGE + " [" + VERBOSE + "]");
            return ExitStatus.USAGE;
        }
        String text;
        try {
            text = readText(a.sweep(), a.conf());
        } catch (IOException | RuntimeException e) {
            err.println("minisim run: cannot read sweep file " + a.sweep() + ": " + Failures.oneLine(e));
            return 1;
        }
        Map<String, String> conf = new LinkedHashMap<>(a.conf());
        String master = a.master() != null ? a.master() : System.getProperty("spark.master", conf.get("spark.master"));
        SweepPlan plan;
        try {
            // a large sweep runs in a JVM with both compilers, decided on as few of its recordings as it takes
            plan = JitChoice.readOrHandOver(text, InProcessExecutor.isLocalMaster(master));
            if (plan == null) {
                Integer status = relaunch(args);
                if (status != null) {
                    return status;
                }
                plan = SweepFile.read(text);
            }
        } catch (SweepValidationException e) {
            err.println("minisim run: " + a.sweep() + ": the sweep file is invalid (" + e.getIssues().size()
                    + (e.getIssues().size() == 1 ? " error" : " errors") + "); nothing was run:");
            for (SpecIssue is : e.getIssues()) {
                err.println("  " + a.sweep() + ": " + is.describe());
            }
            return 1;
        }
        String stores = absoluteUri(a.stores() != null ? a.stores() : plan.storesUri());
        String table = absoluteUri(a.table() != null ? a.table() : plan.tableUri());
        String exportProblem = exportProblem(a.export(), plan);
        if (exportProblem != null) {
            err.println("minisim run: " + exportProblem + "; nothing was run");
            return 1;
        }

        boolean spark = !InProcessExecutor.isLocalMaster(master) || "spark".equals(conf.get(EXECUTOR_CONF));
        if (!a.noReport()) {
            SweepReport.warmUp();
        }
        if (InProcessExecutor.isLocalMaster(master)) {
            org.minisim.run.CompositeWarmUp.startFor(plan.recordings().stream().map(SweepRecording::spec).toList());
        }
        SweepRunOptions o = new SweepRunOptions(a.sweep(), plan, stores, table, a.framesPerTask(), 0, out, err);
        long frames = 0;
        for (SweepRecording r : plan.recordings()) {
            frames += RecordingArrays.movieFrames(r.spec());
        }
        out.println(String.format(Locale.ROOT, "minisim run: sweep %s: %d recording%s, %d frames -> stores %s, "
                        + "table %s (%s)", plan.sweepId(), plan.recordings().size(),
                plan.recordings().size() == 1 ? "" : "s", frames, stores, table,
                spark ? "Spark" : "in-process, " + (master == null ? "local[*]" : master)));
        out.flush();
        java.nio.file.Path logFile = RunLog.file(conf.get(RunLog.FILE_CONF), plan.sweepId());
        if (!spark) {
            // before anything logs: the light logger writes to the run's log file (the console with --verbose)
            Main.useLightLogging(verbose ? null : logFile);
        } else if (System.getProperty(Main.SLF4J_PROVIDER) == null) {
            System.setProperty(Main.SLF4J_PROVIDER, Main.LOG4J_PROVIDER);
        }
        try (RunLog log = RunLog.open(logFile, verbose)) {
            int status = runLogged(a, plan, o, conf, master, spark, stores, table, out, err);
            if (status != ExitStatus.OK && log.written()) {
                err.println("details: " + log.path());
            }
            return status;
        }
    }

    /** Runs the sweep, its exports and its report (the log redirected), mapping the end to the exit status. */
    private static int runLogged(RunArgs a, SweepPlan plan, SweepRunOptions o, Map<String, String> conf,
                                 String master, boolean spark, String stores, String table, PrintStream out,
                                 PrintStream err) {
        SweepSummary s;
        Configuration hadoop;
        // the report's sample pictures are drawn as their recordings commit, while the others run
        SamplePrefetch prefetch = SamplePrefetch.none();
        try {
            try {
                if (spark) {
                    conf.putIfAbsent("spark.app.name", "minisim " + plan.sweepId());
                    if (a.master() != null) {
                        conf.put("spark.master", a.master());
                    }
                    SparkSession session = SparkSessions.getOrCreate(conf);
                    hadoop = SparkSessions.hadoopConf(session);
                    prefetch = a.noReport() ? prefetch : SamplePrefetch.of(hadoop, plan.recordings());
                    s = SweepJob.run(session, o.withEnded(prefetch));
                } else {
                    String sample = System.getenv(org.minisim.job.bench.Benchmark.LIVE_HEAP_ENV);
                    org.minisim.job.bench.LiveHeapSampler live = sample == null ? null
                            : new org.minisim.job.bench.LiveHeapSampler(Long.parseLong(sample.trim()));
                    try (InProcessExecutor exec = InProcessExecutor.forLocalMaster(master)) {
                        boolean local = stores.startsWith("file:") && table.startsWith("file:");
                        hadoop = hadoopConf(conf, local);
                        prefetch = a.noReport() ? prefetch : SamplePrefetch.of(hadoop, plan.recordings());
                        s = SweepJob.run(exec, hadoop, o.withEnded(prefetch), minisimSettings(conf));
                    } finally {
                        if (live != null) {
                            live.close();
                            err.printf(java.util.Locale.ROOT, "bench: peak live heap %d MiB (%d forced full GCs, "
                                    + "one every %d ms)%n", live.figures().peakLiveBytes() >> 20,
                                    live.figures().samples(), live.figures().periodMs());
                        }
                    }
                }
            } catch (org.minisim.job.storage.StorageCheckException e) {
                err.println("minisim run: " + e.getMessage() + "; nothing was run");
                return ExitStatus.STORAGE;
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TaskFailures.LOGGER).warn("sweep " + plan.sweepId() + " failed", e);
                err.println("minisim run: sweep " + plan.sweepId() + " failed: " + Failures.oneLine(e));
                return ExitStatus.FAILED;
            }
            int status = ExitStatus.of(s);
            if (status == ExitStatus.STORAGE) {
                return status; // no exports and no report from stores or a table that do not answer
            }
            boolean ok = true;
            if (a.export().any()) {
                ok &= RunExports.exportAll(s, StoreRoot.of(stores, hadoop), a.export(), a.overwrite(), out, err);
            }
            if (!a.noReport()) {
                ok &= report(s, hadoop, table, a.report(), out, err, prefetch);
            }
            return status == ExitStatus.OK && !ok ? ExitStatus.FAILED : status;
        } finally {
            prefetch.close();
        }
    }

    /** @return why the export options cannot apply to this sweep (checked before anything runs), or null */
    static String exportProblem(ExportArgs export, SweepPlan plan) {
        if (!export.any()) {
            return null;
        }
        String dirs = export.problemWithDirectories();
        if (dirs != null) {
            return dirs;
        }
        for (SweepRecording r : plan.recordings()) {
            String p = export.problemWith(r.spec());
            if (p != null) {
                return "recording " + r.cacheKey() + " (point " + r.pointIndex() + " seed " + r.seed() + "): " + p;
            }
        }
        return null;
    }

    /**
     * Writes the sweep report of the run (default folder {@code <table>/_report/<sweep_id>}) and prints its
     * location; a sweep without table rows gets none.
     *
     * @return whether it was written (or there was nothing to report)
     */
    static boolean report(SweepSummary s, Configuration hadoop, String table, String dir, PrintStream out,
                          PrintStream err, SamplePrefetch prefetch) {
        if (s.tableRows() == 0) {
            out.println("report: none (the sweep has no table rows)");
            return true;
        }
        String where = dir != null ? dir : (table.endsWith("/") ? table : table + "/") + "_report/" + s.sweepId();
        long t0 = System.nanoTime();
        try {
            String page = SweepReport.write(hadoop, table, List.of(s.sweepId()), where,
                    Map.of(s.sweepId(), s.wallSeconds()), prefetch);
            out.println(String.format(Locale.ROOT, "report: %s (%.1f s)", page, (System.nanoTime() - t0) / 1e9));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("minisim run: the sweep report could not be written to " + where + ": "
                    + Failures.oneLine(e));
            return false;
        }
    }

    /**
     * Setting choosing where tasks run: {@code spark} runs a local master's tasks through Spark's local mode too
     * (by default a local master runs them on threads of this JVM, which start in milliseconds instead of seconds).
     */
    public static final String EXECUTOR_CONF = "minisim.executor";

    /** @return the {@code minisim.*} entries of the command line's --conf */
    static Map<String, String> minisimSettings(Map<String, String> conf) {
        Map<String, String> out = new LinkedHashMap<>();
        conf.forEach((k, v) -> {
            if (k.startsWith("minisim.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * @param conf      the command line's --conf entries
     * @param localOnly whether every location of the run is a local directory
     * @return a Hadoop configuration with their {@code spark.hadoop.*} and bare Hadoop keys (as a Spark session
     *     would build it), plus the AWS credentials of the environment for S3A (as Spark copies them)
     */
    static Configuration hadoopConf(Map<String, String> conf, boolean localOnly) {
        // local directories are read and written by java.nio: Hadoop's default resources are not even parsed
        Configuration hadoop = new Configuration(!localOnly);
        String key = System.getenv("AWS_ACCESS_KEY_ID"), secret = System.getenv("AWS_SECRET_ACCESS_KEY");
        if (key != null && secret != null) {
            hadoop.set("fs.s3a.access.key", key);
            hadoop.set("fs.s3a.secret.key", secret);
            String token = System.getenv("AWS_SESSION_TOKEN");
            if (token != null) {
                hadoop.set("fs.s3a.session.token", token);
            }
        }
        SparkSessions.toSparkKeys(conf).forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                hadoop.set(k.substring("spark.hadoop.".length()), v);
            }
        });
        return hadoop;
    }

    /**
     * @param conf the command line's {@code --conf} entries: {@code spark.hadoop.*} and bare {@code fs.*} /
     *             {@code hadoop.*} keys configure the file system (e.g. an S3 endpoint)
     * @return a local path's text, or any Hadoop URI's (file://, s3a://, hdfs://)
     */
    public static String readText(String location, Map<String, String> conf) throws IOException {
        if (!hasScheme(location)) {
            return Files.readString(Paths.get(location), StandardCharsets.UTF_8);
        }
        Configuration hadoop = new Configuration();
        conf.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                hadoop.set(k.substring("spark.hadoop.".length()), v);
            } else if (k.startsWith("fs.") || k.startsWith("hadoop.") || k.startsWith("dfs.")) {
                hadoop.set(k, v);
            }
        });
        Path p = new Path(URI.create(location));
        try (InputStream in = p.getFileSystem(org.minisim.job.storage.StorageDefaults.applied(hadoop)).open(p)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    /** @return a URI with a scheme: relative or absolute local paths become file:// URIs */
    public static String absoluteUri(String location) {
        return StoreRoot.normalize(location).toString();
    }

    public static boolean hasScheme(String s) {
        int c = s.indexOf("://");
        return c > 1 && s.substring(0, c).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }
}
