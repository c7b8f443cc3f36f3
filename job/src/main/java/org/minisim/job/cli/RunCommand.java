package org.minisim.job.cli;

import org.minisim.job.*;
import org.minisim.job.exec.Failures;
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
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.minisim.job.exec.InProcessExecutor;
import org.minisim.job.spark.SparkSessions;
import org.minisim.job.storage.StoreRoot;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepValidationException;

/**
 * {@code minisim run}: reads and validates a sweep file (every error listed, nothing written and no Spark
 * session created when it is invalid), then runs {@link SweepJob}. Exit status 0 when every recording is
 * committed, 1 on an invalid sweep file or any failed recording, 2 on a malformed command line.
 */
public final class RunCommand {
    private RunCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (System.getProperty(Main.SLF4J_PROVIDER) == null) {
            System.setProperty(Main.SLF4J_PROVIDER, Main.LOG4J_PROVIDER);
        }
        RunArgs a;
        try {
            a = RunArgs.parse(Arrays.asList(args));
        } catch (RunArgs.UsageException e) {
            err.println("minisim run: " + e.getMessage());
            err.println(RunArgs.USAGE);
            return 2;
        }
        String text;
        try {
            text = readText(a.sweep(), a.conf());
        } catch (IOException | RuntimeException e) {
            err.println("minisim run: cannot read sweep file " + a.sweep() + ": " + Failures.oneLine(e));
            return 1;
        }
        SweepPlan plan;
        try {
            plan = SweepFile.read(text);
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

        Map<String, String> conf = new LinkedHashMap<>(a.conf());
        String master = a.master() != null ? a.master() : System.getProperty("spark.master", conf.get("spark.master"));
        boolean spark = !InProcessExecutor.isLocalMaster(master) || "spark".equals(conf.get(EXECUTOR_CONF));
        SweepRunOptions o = new SweepRunOptions(a.sweep(), plan, stores, table, a.framesPerTask(), 0, out, err);
        try {
            SweepSummary s;
            if (spark) {
                conf.putIfAbsent("spark.app.name", "minisim " + plan.sweepId());
                if (a.master() != null) {
                    conf.put("spark.master", a.master());
                }
                s = SweepJob.run(SparkSessions.getOrCreate(conf), o);
            } else {
                Main.useLightLogging();
                String sample = System.getenv(org.minisim.job.bench.Benchmark.LIVE_HEAP_ENV);
                org.minisim.job.bench.LiveHeapSampler live = sample == null ? null
                        : new org.minisim.job.bench.LiveHeapSampler(Long.parseLong(sample.trim()));
                try (InProcessExecutor exec = InProcessExecutor.forLocalMaster(master)) {
                    boolean local = stores.startsWith("file:") && table.startsWith("file:");
                    s = SweepJob.run(exec, hadoopConf(conf, local), o, minisimSettings(conf));
                } finally {
                    if (live != null) {
                        live.close();
                        err.printf(java.util.Locale.ROOT, "bench: peak live heap %d MiB (%d forced full GCs, one "
                                + "every %d ms)%n", live.figures().peakLiveBytes() >> 20, live.figures().samples(),
                                live.figures().periodMs());
                    }
                }
            }
            return s.ok() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("minisim run: sweep " + plan.sweepId() + " failed: " + Failures.oneLine(e));
            return 1;
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
        try (InputStream in = p.getFileSystem(hadoop).open(p)) {
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
