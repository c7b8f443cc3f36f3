package org.minisim.job.cli;

import org.minisim.job.*;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The command line of {@code minisim run}: {@code SWEEP [--master URL] [--stores URI] [--table URI]
 * [--frames-per-task N] [--avi DIR] [--tiff DIR] [--codec y800|mjpg] [--range VMIN,VMAX] [--fps HZ] [--overwrite]
 * [--no-report | --report DIR] [--conf k=v]...}.
 *
 * @param sweep         sweep file: local path or any Hadoop URI
 * @param master        Spark master, or null (spark-submit's, else {@code local[*]})
 * @param stores        stores directory overriding the sweep file's, or null
 * @param table         table root overriding the sweep file's, or null
 * @param framesPerTask frames per range task
 * @param conf          extra Spark configuration
 * @param export        movie exports of every committed recording (directories), or {@link ExportArgs#NONE}
 * @param overwrite     replace existing export files (else they are kept)
 * @param noReport      write no sweep report at the end
 * @param report        where the sweep report goes (a folder: local path or URI), or null for
 *                      {@code <table>/_report/<sweep_id>}
 */
public record RunArgs(String sweep, String master, String stores, String table, int framesPerTask,
                      LinkedHashMap<String, String> conf, ExportArgs export, boolean overwrite, boolean noReport,
                      String report) {

    /** The usage line. */
    public static final String USAGE = "usage: minisim run SWEEP [--master URL] [--stores URI] [--table URI] "
            + "[--frames-per-task N] [--avi DIR] [--tiff DIR] [--codec y800|mjpg] [--range VMIN,VMAX] [--fps HZ] "
            + "[--overwrite] [--no-report | --report DIR] [--verbose] [--conf key=value]...";

    private static final List<String> VALUED = List.of("--master", "--stores", "--table", "--frames-per-task",
            "--conf", "--avi", "--tiff", "--codec", "--range", "--fps", "--report");

    /** A malformed command line; the message is one line for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static RunArgs parse(List<String> args) throws UsageException {
        String sweep = null, master = null, stores = null, table = null, report = null;
        int frames = FrameRanges.DEFAULT_FRAMES_PER_TASK;
        LinkedHashMap<String, String> conf = new LinkedHashMap<>();
        ExportArgs export = ExportArgs.NONE;
        boolean overwrite = false, noReport = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--overwrite")) {
                overwrite = true;
            } else if (a.equals("--no-report")) {
                noReport = true;
            } else if (a.startsWith("--")) {
                String name = a, value;
                int eq = a.indexOf('=');
                if (eq > 0 && !a.equals("--conf")) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else {
                    if (!VALUED.contains(a)) {
                        throw new UsageException("unknown option " + a);
                    }
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + a + " needs a value");
                    }
                    value = args.get(++i);
                }
                switch (name) {
                    case "--master" -> master = nonEmpty(name, value);
                    case "--stores" -> stores = nonEmpty(name, value);
                    case "--table" -> table = nonEmpty(name, value);
                    case "--frames-per-task" -> frames = positive(name, value);
                    case "--report" -> report = nonEmpty(name, value);
                    case "--avi", "--tiff", "--codec", "--range", "--fps" -> {
                        try {
                            export = export.with(name, value);
                        } catch (IllegalArgumentException e) {
                            throw new UsageException(e.getMessage());
                        }
                    }
                    case "--conf" -> {
                        int e = value.indexOf('=');
                        if (e <= 0) {
                            throw new UsageException("--conf needs key=value, got '" + value + "'");
                        }
                        conf.put(value.substring(0, e), value.substring(e + 1));
                    }
                    default -> throw new UsageException("unknown option " + name);
                }
            } else if (sweep == null) {
                sweep = a;
            } else {
                throw new UsageException("unexpected argument '" + a + "' (only one sweep file)");
            }
        }
        if (sweep == null) {
            throw new UsageException("missing the sweep file");
        }
        if (noReport && report != null) {
            throw new UsageException("give --no-report or --report DIR, not both");
        }
        if (!export.any() && (export.codec() != ExportArgs.NONE.codec() || export.range() != null
                || export.fps() != null)) {
            throw new UsageException("--codec, --range and --fps apply to an export: add --avi DIR and/or --tiff DIR");
        }
        return new RunArgs(sweep, master, stores, table, frames, conf, export, overwrite, noReport, report);
    }

    private static String nonEmpty(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("option " + name + " needs a value");
        }
        return value;
    }

    private static int positive(String name, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("option " + name + " needs a positive integer, got '" + value + "'");
    }
}
