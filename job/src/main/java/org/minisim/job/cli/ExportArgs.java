package org.minisim.job.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.minisim.export.AviCodec;
import org.minisim.export.ExportOptions;
import org.minisim.export.ExportResult;
import org.minisim.export.GreyRange;
import org.minisim.export.MovieExport;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;
import org.minisim.store.ByteStore;

/**
 * The movie-export options shared by {@code simulate} and {@code run}: {@code --avi PATH}, {@code --tiff PATH},
 * {@code --codec y800|mjpg}, {@code --range VMIN,VMAX}, {@code --fps HZ} — the {@code export} command's options,
 * applied with {@link MovieExport} to each recording once its store is committed. A PATH is a file (simulate) or a
 * directory holding one {@code <cache_key>.avi} / {@code <cache_key>.tiff} per recording (run; simulate too when
 * PATH is an existing directory). The stores are only read.
 *
 * @param avi   the AVI file or directory, or null
 * @param tiff  the TIFF file or directory, or null
 * @param codec the AVI codec
 * @param range the AVI grey range, or null for the sensor's {@code [0, 2^bit_depth − 1]}
 * @param fps   the frame rate written, Hz, or null for the spec's
 */
public record ExportArgs(Path avi, Path tiff, AviCodec codec, GreyRange range, Double fps) {

    /** The options' usage text. */
    public static final String USAGE = "[--avi PATH] [--tiff PATH] [--codec y800|mjpg] [--range VMIN,VMAX] [--fps HZ]";
    /** Options taking a value. */
    static final List<String> OPTIONS = List.of("--avi", "--tiff", "--codec", "--range", "--fps");
    /** No export. */
    public static final ExportArgs NONE = new ExportArgs(null, null, AviCodec.Y800, null, null);

    /** @return whether anything is to be exported */
    public boolean any() {
        return avi != null || tiff != null;
    }

    /**
     * @param option one of {@link #OPTIONS}
     * @return these options with that one set
     * @throws IllegalArgumentException (one line) for a bad value
     */
    public ExportArgs with(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        try {
            return switch (option) {
                case "--avi" -> new ExportArgs(Paths.get(value), tiff, codec, range, fps);
                case "--tiff" -> new ExportArgs(avi, Paths.get(value), codec, range, fps);
                case "--codec" -> new ExportArgs(avi, tiff, AviCodec.parse(value), range, fps);
                case "--range" -> new ExportArgs(avi, tiff, codec, GreyRange.parse(value), fps);
                case "--fps" -> new ExportArgs(avi, tiff, codec, range, fps(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            };
        } catch (org.minisim.export.ExportException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static Double fps(String s) {
        try {
            double f = Double.parseDouble(s.trim());
            if (f > 0 && Double.isFinite(f)) {
                return f;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--fps '" + s + "' is not a positive frame rate in Hz");
    }

    /**
     * @return why a recording of this spec cannot be exported with these options (an AVI of a movie without a
     *     sensor step needs a range), or null
     */
    public String problemWith(Spec spec) {
        if (avi != null && range == null && !spec.has(StepKind.SENSOR)) {
            return "the spec has no 'sensor' step, so its movie has no natural grey scale: --avi needs "
                    + "--range VMIN,VMAX";
        }
        return null;
    }

    /**
     * Checks, without creating anything, that the per-recording paths can be directories (they are not files;
     * a missing one is created when the first recording is exported).
     *
     * @return a one-line problem, or null
     */
    public String problemWithDirectories() {
        for (Path p : new Path[] {avi, tiff}) {
            if (p != null && Files.exists(p) && !Files.isDirectory(p)) {
                return p + " is a file, not a directory (one file per recording is written in it)";
            }
        }
        return null;
    }

    /** @return the AVI of a recording: {@code <dir>/<key>.avi} when {@code perRecording} or an existing dir */
    public Path aviFor(String cacheKey, boolean perRecording) {
        return target(avi, cacheKey, ".avi", perRecording);
    }

    /** @return the TIFF of a recording: {@code <dir>/<key>.tiff} when {@code perRecording} or an existing dir */
    public Path tiffFor(String cacheKey, boolean perRecording) {
        return target(tiff, cacheKey, ".tiff", perRecording);
    }

    private static Path target(Path p, String key, String ext, boolean perRecording) {
        if (p == null) {
            return null;
        }
        return perRecording || Files.isDirectory(p) ? p.resolve(key + ext) : p;
    }

    /**
     * Exports one committed recording.
     *
     * @param aviFile   the AVI to write, or null
     * @param tiffFile  the TIFF to write, or null
     * @param overwrite replace existing files
     * @param startLine whether to print the start line ({@code <title>: <store> -> <files> (<n> frames)})
     * @param err       where the start and progress lines go ({@link FrameProgress}: progress on a terminal only)
     * @return what was written
     */
    public ExportResult export(ByteStore store, Path aviFile, Path tiffFile, boolean overwrite, String title,
                               boolean startLine, PrintStream err) throws IOException {
        String start = !startLine ? null : title + ": " + store.location() + " -> " + (aviFile != null ? aviFile : "")
                + (aviFile != null && tiffFile != null ? ", " : "") + (tiffFile != null ? tiffFile : "");
        ExportOptions o = new ExportOptions(aviFile, tiffFile, codec, range, fps, overwrite,
                FrameProgress.forTerminal(err, title, start));
        return MovieExport.export(store, o);
    }

    /** @return {@code exported <what> in 1.2 s} */
    static String done(ExportResult r, long startNs) {
        return String.format(Locale.ROOT, "wrote %s in %.1f s", MovieExport.describe(r),
                (System.nanoTime() - startNs) / 1e9);
    }
}
