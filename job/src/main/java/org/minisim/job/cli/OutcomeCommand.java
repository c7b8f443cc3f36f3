package org.minisim.job.cli;

import org.minisim.job.*;
import org.minisim.job.exec.Failures;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.minisim.job.spark.SparkSessions;
import org.minisim.job.table.OutcomeRowsJson;
import org.minisim.job.table.OutcomeTableWriter;

/**
 * {@code minisim outcomes OUTCOME.jsonl... --table URI [--sweep-id ID] [--replace] [--master URL]
 * [--conf k=v]...}: loads the per-cell outcome files of {@code score --outcome} (docs/table.md#outcome-table) into the
 * Parquet outcome table ({@link OutcomeTableWriter}): the {@code (sweep_id, pipeline_id)} partitions they touch
 * are rewritten, keeping earlier rows of other recordings unless {@code --replace}, so re-scoring never
 * duplicates rows. {@code --sweep-id} fills lines written without one. Every file is read and checked before
 * Spark starts. Exit status 0 on success, 1 when a file cannot be read or the table written, 2 on a malformed
 * command line.
 */
public final class OutcomeCommand {

    /** The usage line. */
    public static final String USAGE = "usage: minisim outcomes OUTCOME.jsonl... --table URI [--sweep-id ID] "
            + "[--replace] [--master URL] [--conf key=value]...";

    private OutcomeCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        String table = null, master = null, sweepId = null;
        boolean replace = false;
        Map<String, String> conf = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--table" -> table = value(args, ++i, a);
                    case "--master" -> master = value(args, ++i, a);
                    case "--sweep-id" -> sweepId = value(args, ++i, a);
                    case "--replace" -> replace = true;
                    case "--conf" -> {
                        String kv = value(args, ++i, a);
                        int e = kv.indexOf('=');
                        if (e <= 0) {
                            throw new IllegalArgumentException("--conf needs key=value, got '" + kv + "'");
                        }
                        conf.put(kv.substring(0, e), kv.substring(e + 1));
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        files.add(a);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("give at least one outcome file");
            }
            if (table == null) {
                throw new IllegalArgumentException("--table is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("minisim outcomes: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<Row> rows = new ArrayList<>();
        for (String f : files) {
            try {
                rows.addAll(OutcomeRowsJson.read(RunCommand.readText(f, conf), f, sweepId));
            } catch (IOException | RuntimeException e) {
                err.println("minisim outcomes: " + f + ": " + Failures.oneLine(e));
                return 1;
            }
        }
        String uri = RunCommand.absoluteUri(table);
        Map<String, String> sparkConf = new LinkedHashMap<>(conf);
        sparkConf.putIfAbsent("spark.app.name", "minisim outcomes");
        if (master != null) {
            sparkConf.put("spark.master", master);
        }
        try {
            SparkSession spark = SparkSessions.getOrCreate(sparkConf);
            OutcomeTableWriter.Written w = OutcomeTableWriter.write(spark, rows, uri, replace);
            out.println("minisim outcomes: " + w.newRows() + " rows from " + files.size()
                    + (files.size() == 1 ? " file" : " files") + (replace ? "" : ", " + w.keptRows()
                    + " earlier rows kept") + " → " + uri + " (partitions " + String.join(", ", w.partitions())
                    + ")");
            return 0;
        } catch (RuntimeException e) {
            err.println("minisim outcomes: writing " + uri + " failed: " + Failures.oneLine(e));
            return 1;
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
