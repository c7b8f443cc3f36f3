package org.minisim.job.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.ParsedSpec;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.json.SpecValidationException;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepInvalidPoint;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.spec.sweep.SweepValidationException;

/**
 * {@code minisim validate FILE…}: checks spec files and sweep files (a JSON object with {@code sweep_format} is a
 * sweep) without simulating anything.
 *
 * <p>stdout: {@code FILE<TAB>CACHE_KEY} per valid spec; {@code FILE<TAB>POINT<TAB>SEED<TAB>KEY<TAB>AXES_JSON} per
 * recording of a valid sweep, in expansion order, AXES_JSON holding the grid values and then the sampled values
 * (a {@code sample} block's draws) by path (docs/sweeps.md). stderr: one line per warning or error naming the file, rule id, path and value.
 * Exit status 0 when every file is valid (warnings allowed), 1 otherwise.
 */
public final class ValidateCommand {
    private ValidateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /**
     * Validate each file.
     *
     * @return 0 when every file is valid, 1 otherwise
     */
    public static int run(List<String> files, PrintStream out, PrintStream err) {
        if (files.isEmpty()) {
            err.println("usage: minisim validate FILE... (spec or sweep JSON files)");
            return 1;
        }
        boolean allValid = true;
        for (String file : files) {
            try {
                allValid &= validate(file, out, err);
            } catch (RuntimeException e) {
                err.println(file + ": error: internal failure while validating: " + e);
                allValid = false;
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : 1;
    }

    private static boolean validate(String file, PrintStream out, PrintStream err) {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (CharacterCodingException e) {
            err.println(file + ": error: cannot read file: not UTF-8 text");
            return false;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println(file + ": error: cannot read file: " + (Files.isDirectory(Path.of(file)) ? "is a directory"
                    : describe(e)));
            return false;
        }
        JsonText.Parsed parsed = JsonText.parse(text, "J-1", "J-13");
        // a malformed document cannot be inspected: judge it by whether it mentions the sweep_format member
        boolean sweep = parsed.ok() ? parsed.tree().isObject() && parsed.tree().has("sweep_format")
                : text.contains("\"sweep_format\"");
        return sweep ? sweep(file, text, out, err) : spec(file, text, out, err);
    }

    private static boolean spec(String file, String text, PrintStream out, PrintStream err) {
        try {
            ParsedSpec ps = SpecReader.read(text);
            for (SpecIssue w : ps.warnings()) {
                err.println(line(file, "warning", w, ""));
            }
            out.println(file + "\t" + CanonicalJson.cacheKey(ps.spec()));
            return true;
        } catch (SpecValidationException e) {
            for (SpecIssue i : e.getIssues()) {
                err.println(line(file, "error", i, ""));
            }
            return false;
        }
    }

    private static boolean sweep(String file, String text, PrintStream out, PrintStream err) {
        SweepPlan plan;
        try {
            plan = SweepFile.read(text);
        } catch (SweepValidationException e) {
            for (SpecIssue i : e.getIssues()) {
                err.println(line(file, "error", i, ""));
            }
            return false;
        }
        for (SweepRecording r : plan.recordings()) {
            for (SpecIssue w : r.warnings()) {
                err.println(line(file, "warning", w, "point " + r.pointIndex() + " seed " + r.seed() + ": "));
            }
            out.println(file + "\t" + r.pointIndex() + "\t" + r.seed() + "\t" + r.cacheKey() + "\t"
                    + axesObject(r.axesJson()));
        }
        for (SweepInvalidPoint p : plan.invalidPoints()) {
            for (SpecIssue i : p.issues()) {
                err.println(line(file, "skipped", i, "point " + p.pointIndex() + " seed "
                        + (p.seed() < 0 ? "?" : p.seed()) + ": "));
            }
        }
        return true;
    }

    /** @return {@code {"path":value,...}} with the values embedded as JSON */
    static String axesObject(Map<String, String> axes) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : axes.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(JsonText.compact(JsonText.NODES.textNode(e.getKey()))).append(':').append(e.getValue());
        }
        return sb.append('}').toString();
    }

    static String line(String file, String level, SpecIssue i, String where) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(level).append(' ').append(i.ruleId()).append(' ').append(where)
                .append(i.path().isEmpty() ? "<document>" : i.path()).append(": ").append(i.message().replace('\n', ' '));
        if (!i.value().isEmpty()) {
            sb.append(" (value: ").append(i.value()).append(')');
        }
        return sb.toString();
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
