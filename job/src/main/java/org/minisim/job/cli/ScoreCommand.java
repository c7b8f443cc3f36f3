package org.minisim.job.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.minisim.metrics.Estimate;
import org.minisim.metrics.MetricDefaults;
import org.minisim.metrics.OutcomeRow;
import org.minisim.metrics.Outcomes;
import org.minisim.metrics.Report;
import org.minisim.metrics.Score;
import org.minisim.metrics.ShiftRequest;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.Recording;
import org.minisim.recording.io.RecordingLoader;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.RecordingStoreReader;

/**
 * {@code score --store DIR --estimate FILE.zarr|DIR [--metric iou] [--threshold 0.5] [--all-cells]
 * [--shift auto|none|DY,DX] [--outcome FILE.jsonl --pipeline-id ID [--sweep-id ID]]}: scores a pipeline's
 * estimate (see {@link EstimateFiles}) against a saved recording's ground truth and prints the
 * {@link Report#summary()}. With {@code --outcome} it also writes the per-cell outcome rows (docs/scoring.md#outcomes,
 * {@link Outcomes}) as JSON lines ({@link OutcomeLines}): matched against the <em>full</em> ground truth whatever
 * {@code --all-cells} says, keyed by the store's {@code spec_cache_key} — the store is then loaded strictly (its
 * spec.json must hash to that key). Exit status 0 on success, 2 on a usage error, 1 when a file cannot be read,
 * scored or written.
 */
public final class ScoreCommand {

    /** The usage line. */
    public static final String USAGE = "usage: score --store DIR --estimate FILE.zarr|DIR [--metric iou|weighted_jaccard|cosine]"
            + " [--threshold 0.5] [--all-cells] [--shift auto|none|DY,DX]"
            + " [--outcome FILE.jsonl --pipeline-id ID [--sweep-id ID]]";

    private ScoreCommand() {}

    /** Command-line entry point. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            GroundTruth gt;
            String key = null;
            if (o.outcome != null) {
                Recording rec = RecordingLoader.load(new FileByteStore(o.store)).recording();
                gt = rec.truth();
                key = CanonicalJson.cacheKey(rec.spec());
            } else {
                gt = RecordingStoreReader.load(new FileByteStore(o.store)).groundTruth();
            }
            Estimate est = EstimateFiles.read(new FileByteStore(o.estimate));
            Report r = Score.score(est, gt, o.metric, o.threshold, !o.allCells, o.shift);
            if (o.outcome != null) {
                List<OutcomeRow> rows = Outcomes.outcomes(est, gt, o.metric, o.threshold, o.shift, o.pipelineId);
                writeAtomically(o.outcome, OutcomeLines.write(o.sweepId, key, rows));
            }
            out.println(r.summary());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("score: " + e.getMessage());
            return 1;
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Parsed options. */
    static final class Options {
        Path store;
        Path estimate;
        String metric = "iou";
        double threshold = MetricDefaults.DEFAULT_MATCH_THRESHOLD;
        boolean allCells;
        ShiftRequest shift = ShiftRequest.auto();
        Path outcome;
        String pipelineId;
        String sweepId;

        /** @return the options, or null when help was asked for */
        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--store" -> o.store = Path.of(value(args, ++i, a));
                    case "--estimate" -> o.estimate = Path.of(value(args, ++i, a));
                    case "--metric" -> o.metric = value(args, ++i, a);
                    case "--threshold" -> o.threshold = number(value(args, ++i, a), a);
                    case "--all-cells" -> o.allCells = true;
                    case "--shift" -> o.shift = shift(value(args, ++i, a));
                    case "--outcome" -> o.outcome = Path.of(value(args, ++i, a));
                    case "--pipeline-id" -> o.pipelineId = nonBlank(value(args, ++i, a), a);
                    case "--sweep-id" -> o.sweepId = nonBlank(value(args, ++i, a), a);
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (o.store == null || o.estimate == null) {
                throw new IllegalArgumentException("--store and --estimate are required");
            }
            if (!Files.isDirectory(o.store)) {
                throw new IllegalArgumentException("--store " + o.store + " is not a directory");
            }
            if (!Files.isDirectory(o.estimate)) {
                throw new IllegalArgumentException("--estimate " + o.estimate + " is not a zarr directory");
            }
            if (o.outcome != null && o.pipelineId == null) {
                throw new IllegalArgumentException("--outcome needs --pipeline-id");
            }
            if (o.outcome == null && (o.pipelineId != null || o.sweepId != null)) {
                throw new IllegalArgumentException("--pipeline-id and --sweep-id only go with --outcome");
            }
            if (!MetricDefaults.SIMILARITY_METRICS.contains(o.metric)) {
                throw new IllegalArgumentException("--metric '" + o.metric + "' is not one of "
                        + MetricDefaults.SIMILARITY_METRICS);
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static String nonBlank(String s, String flag) {
            if (s.isBlank()) {
                throw new IllegalArgumentException(flag + " must not be blank");
            }
            return s;
        }

        private static double number(String s, String flag) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " expects a number, got '" + s + "'");
            }
        }

        /** {@code auto}, {@code none} or {@code DY,DX}. */
        static ShiftRequest shift(String s) {
            if ("auto".equals(s)) {
                return ShiftRequest.auto();
            }
            if ("none".equals(s)) {
                return ShiftRequest.none();
            }
            String[] parts = s.split(",", -1);
            if (parts.length == 2) {
                try {
                    return ShiftRequest.of(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
                } catch (NumberFormatException e) {
                    // fall through to the message below
                }
            }
            throw new IllegalArgumentException("--shift expects auto, none or DY,DX, got '" + s + "'");
        }
    }
}
