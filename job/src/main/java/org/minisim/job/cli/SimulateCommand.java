package org.minisim.job.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.minisim.MinisimException;
import org.minisim.export.ExportException;
import org.minisim.export.ExportResult;
import org.minisim.job.exec.Failures;
import org.minisim.job.ImplVersion;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.run.RecordingArrays;
import org.minisim.run.RecordingRunner;
import org.minisim.run.RecordingTask;
import org.minisim.run.RenderProgress;
import org.minisim.run.SingleStore;
import org.minisim.run.TaskResult;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.ParsedSpec;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.json.SpecValidationException;
import org.minisim.spec.preset.PresetReader;
import org.minisim.spec.preset.Presets;
import org.minisim.store.FileByteStore;
import org.minisim.table.CellRows;
import org.minisim.table.CellTable;

/**
 * {@code minisim simulate SPEC_OR_PRESET OUT.zarr [--overwrite] [--duration S] [--seed N] [--avi PATH]
 * [--tiff PATH] [--codec y800|mjpg] [--range VMIN,VMAX] [--fps HZ]}: one recording, in this JVM, no Spark.
 *
 * <p>SPEC_OR_PRESET is a spec file (JSON, as {@code validate} takes it) or a preset name {@code SCOPE+REGION}
 * ({@code miniscope_v4+ca1}: {@code build_spec} of the named scope and region, docs/spec.md#presets; with
 * {@code --duration S} and {@code --seed N} for its {@code duration_s} and {@code seed}, default 150 s and 0).
 * The recording is the {@link RecordingTask.Whole} task a sweep runs for that spec (same chunking, same
 * implementation version), so OUT holds the same bytes as the sweep's {@code <cache_key>.zarr}. It is written
 * in a hidden folder beside OUT ({@code .<name>.part-<random>}) and renamed onto OUT once committed: a failed run
 * leaves no store behind and an existing OUT as it was. An existing committed OUT is refused unless
 * {@code --overwrite}; an existing OUT that is not a zarr store (a file, a non-empty folder without
 * {@code .zgroup}) is always refused. Then {@code --avi} / {@code --tiff} export its movie (a PATH naming an
 * existing directory gets {@code <cache_key>.avi} / {@code .tiff}; {@code --overwrite} also replaces existing
 * files).
 *
 * <p>Standard output: the summary line (cache key, frames, cells, detectable, wall time, OUT) and one line per
 * export. Standard error: the start line, warnings, errors, and frame progress when it is a terminal. Exit status
 * 0, 1 for a bad input (missing or invalid spec — one line per error, with rule id and path, as {@code validate}
 * prints —, unknown preset, existing OUT or export file, failed simulation or export), 2 for a malformed command
 * line. Nothing half-written is left behind.
 */
public final class SimulateCommand {

    /** The usage line. */
    public static final String USAGE = "usage: minisim simulate SPEC.json|SCOPE+REGION OUT.zarr [--overwrite] "
            + "[--duration S] [--seed N] " + ExportArgs.USAGE;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SimulateCommand() {}

    /** The parsed command line. */
    record Args(String source, Path out, boolean overwrite, Double durationS, Long seed, ExportArgs export) {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Args a;
        try {
            a = parse(args);
            if (a == null) {
                out.println(USAGE);
                return 0;
            }
        } catch (IllegalArgumentException e) {
            err.println("minisim simulate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        long startNs = System.nanoTime();
        ParsedSpec ps;
        try {
            ps = load(a, err);
        } catch (MinisimException e) {
            err.println("minisim simulate: " + e.getMessage());
            return 1;
        }
        if (ps == null) {
            return 1;
        }
        Spec spec = ps.spec();
        String key = CanonicalJson.cacheKey(spec);
        Path target = a.out().toAbsolutePath().normalize();
        String problem = checkOut(target, key, a.overwrite());
        if (problem == null) {
            problem = a.export().problemWith(spec);
        }
        Path avi = a.export().aviFor(key, false), tiff = a.export().tiffFor(key, false);
        if (problem == null) {
            problem = checkExportFile(avi, target, a.overwrite());
        }
        if (problem == null) {
            problem = checkExportFile(tiff, target, a.overwrite());
        }
        if (problem != null) {
            err.println("minisim simulate: " + problem);
            return 1;
        }
        int frames = RecordingArrays.movieFrames(spec);
        var g = spec.geometry();
        err.println(String.format(Locale.ROOT, "minisim simulate: %s -> %s (cache key %s, %d frames of %d x %d px)",
                a.source(), target, key, frames, g.fovHeight(), g.fovWidth()));
        err.flush();

        TaskResult r;
        try {
            r = simulate(spec, key, target, a.source(), err);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            err.println("minisim simulate: " + key + " failed: " + Failures.oneLine(e) + " (nothing written to "
                    + target + ")");
            return 1;
        }
        CellRows rows = r.rows();
        int cells = rows.size(), detectable = 0;
        int det = CellTable.storedIndex("detectable");
        for (int u = 0; u < cells; u++) {
            detectable += Boolean.TRUE.equals(rows.get(det, u)) ? 1 : 0;
        }
        out.println(String.format(Locale.ROOT, "simulated %s: %d frames, %d cells, %d detectable, %.1f s wall -> %s",
                key, frames, cells, detectable, (System.nanoTime() - startNs) / 1e9, target));
        out.flush();
        if (!a.export().any()) {
            return 0;
        }
        long t0 = System.nanoTime();
        try {
            ExportResult e = a.export().export(new FileByteStore(target), avi, tiff, a.overwrite(),
                    "minisim simulate: export", true, err);
            out.println("exported " + key + ": " + ExportArgs.done(e, t0));
            return 0;
        } catch (ExportException e) {
            err.println("minisim simulate: export of " + target + ": " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("minisim simulate: export of " + target + " failed: " + Failures.oneLine(e));
            return 1;
        }
    }

    /** @return the parsed arguments, or null for {@code --help} */
    static Args parse(String[] args) {
        List<String> positional = new ArrayList<>();
        boolean overwrite = false;
        Double duration = null;
        Long seed = null;
        ExportArgs export = ExportArgs.NONE;
        for (int i = 0; i < args.length; i++) {
            String a = args[i], name = a, value = null;
            if (a.equals("-h") || a.equals("--help")) {
                return null;
            }
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (name.equals("--overwrite")) {
                if (value != null) {
                    throw new IllegalArgumentException("--overwrite takes no value");
                }
                overwrite = true;
                continue;
            }
            boolean known = ExportArgs.OPTIONS.contains(name) || name.equals("--duration") || name.equals("--seed");
            if (!known) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--duration" -> duration = positiveDouble(name, value);
                case "--seed" -> seed = seed(value);
                default -> export = export.with(name, value);
            }
        }
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("give a spec file (or a preset SCOPE+REGION) and the OUT store");
        }
        if (positional.size() == 1) {
            throw new IllegalArgumentException("give the OUT store to write (e.g. out/recording.zarr)");
        }
        if (positional.size() > 2) {
            throw new IllegalArgumentException("unexpected argument '" + positional.get(2)
                    + "' (one spec and one OUT store)");
        }
        Path out;
        try {
            out = Paths.get(positional.get(1));
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("OUT '" + positional.get(1) + "' is not a path: " + e.getMessage());
        }
        return new Args(positional.get(0), out, overwrite, duration, seed, export);
    }

    private static double positiveDouble(String name, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new IllegalArgumentException(name + " '" + v + "' is not a positive number of seconds");
    }

    private static long seed(String v) {
        try {
            long s = Long.parseLong(v.trim());
            if (s >= 0) {
                return s;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new IllegalArgumentException("--seed '" + v + "' is not an integer 0 ... 2^63-1");
    }

    /** @return whether the argument names a spec file rather than a preset */
    static boolean isSpecFile(String source) {
        return Files.exists(Paths.get(source)) || source.toLowerCase(Locale.ROOT).endsWith(".json")
                || source.contains("/") || source.contains(java.io.File.separator);
    }

    /**
     * @return the validated spec (warnings printed), or null when it is invalid (its errors printed, one line
     *     each, as {@code validate} prints them)
     * @throws MinisimException (one line) for an unreadable file, a sweep file or an unknown preset
     */
    static ParsedSpec load(Args a, PrintStream err) {
        String src = a.source();
        if (!isSpecFile(src)) {
            return preset(a, err);
        }
        if (a.durationS() != null || a.seed() != null) {
            throw new MinisimException("--duration and --seed apply to a preset (SCOPE+REGION) only; " + src
                    + " is a spec file: edit its acquisition.duration_s / seed");
        }
        String text;
        try {
            text = Files.readString(Paths.get(src));
        } catch (NoSuchFileException e) {
            throw new MinisimException("cannot read spec file " + src + ": no such file");
        } catch (CharacterCodingException e) {
            throw new MinisimException("cannot read spec file " + src + ": not UTF-8 text");
        } catch (IOException e) {
            throw new MinisimException("cannot read spec file " + src + ": " + (Files.isDirectory(Paths.get(src))
                    ? "is a directory" : Failures.oneLine(e)));
        }
        JsonText.Parsed parsed = JsonText.parse(text, "J-1", "J-13");
        if (parsed.ok() && parsed.tree().isObject() && parsed.tree().has("sweep_format")) {
            throw new MinisimException(src + " is a sweep file, not a spec: run it with minisim run " + src);
        }
        return validated(src, () -> SpecReader.read(text), err);
    }

    private static ParsedSpec preset(Args a, PrintStream err) {
        String src = a.source();
        int plus = src.indexOf('+');
        String scope = plus < 0 ? src : src.substring(0, plus), region = plus < 0 ? "" : src.substring(plus + 1);
        if (plus < 0 || Presets.scope(scope).isEmpty() || Presets.region(region).isEmpty()) {
            throw new MinisimException("unknown preset '" + src + "' and no such spec file: give a spec file or "
                    + "SCOPE+REGION with a scope of " + String.join(", ", Presets.scopeNames()) + " and a region of "
                    + String.join(", ", Presets.regionNames()) + " (e.g. miniscope_v4+ca1)");
        }
        ObjectNode args = JsonText.NODES.objectNode();
        args.put("scope", scope);
        args.put("region", region);
        if (a.durationS() != null) {
            args.put("duration_s", a.durationS());
        }
        if (a.seed() != null) {
            args.put("seed", a.seed());
        }
        return validated(src, () -> PresetReader.build(args, ""), err);
    }

    private static ParsedSpec validated(String src, java.util.function.Supplier<ParsedSpec> read, PrintStream err) {
        try {
            ParsedSpec ps = read.get();
            for (SpecIssue w : ps.warnings()) {
                err.println(ValidateCommand.line(src, "warning", w, ""));
            }
            return ps;
        } catch (SpecValidationException e) {
            for (SpecIssue i : e.getIssues()) {
                err.println(ValidateCommand.line(src, "error", i, ""));
            }
            return null;
        }
    }

    /** @return why OUT cannot be written, or null */
    static String checkOut(Path out, String key, boolean overwrite) {
        if (!Files.exists(out)) {
            Path parent = out.getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                return "cannot write " + out + ": " + parent + " is a file";
            }
            return null;
        }
        if (!Files.isDirectory(out)) {
            return out + " exists and is a file, not a zarr store; refusing to replace it";
        }
        FileByteStore store = new FileByteStore(out);
        try {
            if (RecordingStoreWriter.isComplete(store)) {
                return overwrite ? null : out + " is already a complete store" + committedKey(store, key)
                        + "; give --overwrite to replace it";
            }
            if (store.exists(".zgroup") || store.exists(".zattrs") || isEmpty(out)) {
                return null; // an unfinished store (replaced) or an empty folder
            }
        } catch (IOException e) {
            return "cannot inspect " + out + ": " + Failures.oneLine(e);
        }
        return out + " exists and is not a zarr store (no .zgroup); refusing to write into it";
    }

    private static String committedKey(FileByteStore store, String key) throws IOException {
        byte[] attrs = store.get(".zattrs");
        String text = attrs == null ? "" : new String(attrs, java.nio.charset.StandardCharsets.UTF_8);
        return text.contains("\"" + key + "\"") ? " of this spec (cache key " + key + ")"
                : " of another recording";
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** @return why an export file cannot be written, or null */
    static String checkExportFile(Path file, Path store, boolean overwrite) {
        if (file == null) {
            return null;
        }
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(store)) {
            return "the export file " + file + " is inside the store " + store;
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "cannot write " + file + ": directory " + parent + " does not exist";
        }
        if (Files.exists(abs) && !overwrite) {
            return file + " already exists (use --overwrite to replace it)";
        }
        return null;
    }

    /**
     * Runs the whole-recording task into a hidden folder beside {@code target} and renames it onto
     * {@code target} once committed; on any failure the folder is deleted.
     */
    static TaskResult simulate(Spec spec, String key, Path target, String source, PrintStream err)
            throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path part = parent.resolve("." + target.getFileName() + ".part-"
                + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
        int frames = RecordingArrays.movieFrames(spec);
        boolean ok = false;
        ScheduledExecutorService ticker = progress(frames, err);
        try {
            RecordingTask.Whole task = new RecordingTask.Whole(key, spec, SingleStore.of(key, part),
                    RecordingArrays.chunkFrames(spec, 0), ImplVersion.get(), false);
            TaskResult r = RecordingRunner.run(task);
            if (r.status() == TaskResult.Status.FAILED) {
                throw new MinisimException(r.message());
            }
            if (Files.exists(target)) {
                FileByteStore.deleteRecursively(target);
            }
            try {
                Files.move(part, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            ok = true;
            return r;
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            if (!ok) {
                try {
                    FileByteStore.deleteRecursively(part);
                } catch (IOException ignored) {
                    // best effort: a hidden .part folder
                }
            }
        }
    }

    /** @return a thread printing frames done (terminal only, {@link FrameProgress}), or null */
    private static ScheduledExecutorService progress(int frames, PrintStream err) {
        FrameProgress p = FrameProgress.forTerminal(err, "minisim simulate", null);
        if (!p.enabled()) {
            return null;
        }
        long base = RenderProgress.framesRendered();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "minisim-simulate-progress");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> {
            long done = Math.min(frames, RenderProgress.framesRendered() - base);
            if (done > 0) {
                p.frames((int) done, frames);
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        return s;
    }
}
