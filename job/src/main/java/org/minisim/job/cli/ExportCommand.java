package org.minisim.job.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.minisim.export.AviCodec;
import org.minisim.export.ExportException;
import org.minisim.export.ExportOptions;
import org.minisim.export.ExportResult;
import org.minisim.export.GreyRange;
import org.minisim.export.MovieExport;
import org.minisim.job.exec.Failures;
import org.minisim.job.storage.StoreRoot;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;

/**
 * {@code minisim export STORE (--avi FILE | --tiff FILE)... [--codec y800|mjpg] [--range VMIN,VMAX] [--fps HZ]
 * [--overwrite] [--conf key=value]...}: writes the observed movie of one saved recording as an AVI and/or a TIFF
 * stack ({@link MovieExport}). STORE is a local path or a Hadoop URI (s3a://, hdfs://, file://; {@code --conf}
 * sets {@code spark.hadoop.*}, {@code fs.*} entries such as an S3 endpoint); the output files are local. A start line
 * and a summary line go to standard error, and progress lines too when it is a terminal. Exit status 0 on success,
 * 1 for a bad store, an existing output or a failed write (nothing half-written is left), 2 for a malformed
 * command line.
 */
public final class ExportCommand {

    /** The usage line. */
    public static final String USAGE = "usage: minisim export STORE --avi FILE | --tiff FILE [--codec y800|mjpg] "
            + "[--range VMIN,VMAX] [--fps HZ] [--overwrite] [--conf key=value]...";

    private ExportCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String store = null;
        Path avi = null, tiff = null;
        AviCodec codec = AviCodec.Y800;
        GreyRange range = null;
        Double fps = null;
        boolean overwrite = false;
        Map<String, String> conf = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--avi" -> avi = Paths.get(value(args, ++i, a));
                    case "--tiff", "--tif" -> tiff = Paths.get(value(args, ++i, a));
                    case "--codec" -> codec = AviCodec.parse(value(args, ++i, a));
                    case "--range" -> range = GreyRange.parse(value(args, ++i, a));
                    case "--fps" -> fps = fps(value(args, ++i, a));
                    case "--overwrite" -> overwrite = true;
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
                        if (store != null) {
                            throw new IllegalArgumentException("give one STORE (got '" + store + "' and '" + a + "')");
                        }
                        store = a;
                    }
                }
            }
            if (store == null) {
                throw new IllegalArgumentException("give the STORE to export");
            }
            if (avi == null && tiff == null) {
                throw new IllegalArgumentException("give an output: --avi FILE and/or --tiff FILE");
            }
        } catch (IllegalArgumentException | ExportException e) {
            err.println("minisim export: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String title = "minisim export: " + String.join(" + ",
                java.util.stream.Stream.of(avi, tiff).filter(java.util.Objects::nonNull)
                        .map(p -> p.getFileName().toString()).toList());
        long t0 = System.nanoTime();
        try {
            ByteStore bs = open(store, conf);
            String start = "minisim export: " + bs.location() + " -> " + (avi != null ? avi : "")
                    + (avi != null && tiff != null ? ", " : "") + (tiff != null ? tiff : "");
            ExportOptions o = new ExportOptions(avi, tiff, codec, range, fps, overwrite,
                    FrameProgress.forTerminal(err, title, start));
            ExportResult r = MovieExport.export(bs, o);
            err.println(String.format(Locale.ROOT, "minisim export: wrote %s in %.1f s", MovieExport.describe(r),
                    (System.nanoTime() - t0) / 1e9));
            return 0;
        } catch (ExportException e) {
            err.println("minisim export: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("minisim export: failed: " + Failures.oneLine(e));
            return 1;
        }
    }

    /** @return a local store for a plain path or file: URI, else a Hadoop store over the URI */
    static ByteStore open(String store, Map<String, String> conf) {
        if (!RunCommand.hasScheme(store) || store.startsWith("file:")) {
            return new FileByteStore(Paths.get(StoreRoot.normalize(store)));
        }
        Map<String, String> hadoop = new LinkedHashMap<>();
        conf.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                hadoop.put(k.substring("spark.hadoop.".length()), v);
            } else if (k.startsWith("fs.") || k.startsWith("hadoop.") || k.startsWith("dfs.")) {
                hadoop.put(k, v);
            }
        });
        return StoreRoot.of(store, hadoop).rootStore();
    }

    private static Double fps(String s) {
        try {
            double f = Double.parseDouble(s);
            if (f > 0 && Double.isFinite(f)) {
                return f;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--fps '" + s + "' is not a positive frame rate in Hz");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
