package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.ParsedSpec;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.json.SpecTrees;
import org.minisim.spec.json.SpecValidationException;
import org.minisim.spec.preset.PresetReader;

/**
 * Reads a sweep file (docs/sweeps.md): validates the whole file (top level, base, axes, sample, seeds, split,
 * every point), expands it point-major and seed-minor, and returns the plan, or throws one
 * {@link SweepValidationException} listing every error with path, axis position, point index and value.
 *
 * <p>Points: the grid's G points (axes and zips, last fastest) crossed with the sample's C points, the sample
 * slowest: point p = s·G + g is sample point s with grid point g (no sample: C = 1). Growing a {@code random}
 * sample's count therefore only appends points.
 */
public final class SweepFile {
    private static final List<String> MEMBER_LIST = List.of("sweep_format", "sweep_id", "description", "base",
            "base_preset", "axes", "sample", "seeds", "seed_mode", "split", "on_invalid_point", "max_recordings",
            "output");
    private static final Set<String> MEMBERS = Set.copyOf(MEMBER_LIST);
    private static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final List<SpecIssue> errors = new ArrayList<>();
    /** {@link #readUnlessOver}: each valid spec's share, and when the running total is enough; else null. */
    private final java.util.function.ToDoubleFunction<Spec> measure;
    private final java.util.function.DoublePredicate enough;
    private double measured;

    private SweepFile() {
        this(null, null);
    }

    private SweepFile(java.util.function.ToDoubleFunction<Spec> measure, java.util.function.DoublePredicate enough) {
        this.measure = measure;
        this.enough = enough;
    }

    /**
     * {@link #read}, unless the recordings, expanded in order, add up to more than {@code threshold} of a measure of
     * each one's spec first: then the rest is not expanded (a caller that hands a large sweep to another process
     * expands only its first recordings, and a small sweep is read once).
     *
     * @param fileText  the sweep file's text
     * @param measure   a recording's share (≥ 0), from its validated spec
     * @param threshold the total to exceed
     * @return the plan, or null when the running total passed the threshold before any error was found
     * @throws SweepValidationException as {@link #read}, with every error found up to where it stopped
     */
    public static SweepPlan readUnlessOver(String fileText, java.util.function.ToDoubleFunction<Spec> measure,
                                           double threshold) {
        JsonText.Parsed p = JsonText.parse(fileText, "SW-1", "SW-1");
        if (!p.ok()) {
            throw new SweepValidationException(List.of(p.error()));
        }
        return new SweepFile(measure, total -> total > threshold).run(p.tree());
    }

    /** One axis of the file, resolved. */
    private record Axis(String where, AxisPath path, List<JsonNode> values) {
    }

    /** A grid dimension: one axis, or the members of a zip varying together. */
    private record Dimension(List<Axis> axes, int length) {
    }

    /**
     * Parse, validate and expand a sweep file.
     *
     * @throws SweepValidationException with every error found
     */
    public static SweepPlan read(String fileText) {
        JsonText.Parsed p = JsonText.parse(fileText, "SW-1", "SW-1");
        if (!p.ok()) {
            throw new SweepValidationException(List.of(p.error()));
        }
        return read(p.tree());
    }

    /**
     * Validate and expand a sweep file given as a tree.
     *
     * @throws SweepValidationException with every error found
     */
    public static SweepPlan read(JsonNode root) {
        return new SweepFile().run(root);
    }

    private void err(String rule, String path, JsonNode value, String message) {
        errors.add(new SpecIssue(rule, path, value == null ? "" : JsonText.raw(value), message));
    }

    private SweepPlan run(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new SweepValidationException(List.of(new SpecIssue("SW-1", "", JsonText.raw(root),
                    "a sweep file must be one JSON object")));
        }
        // ---- top level (SW-2)
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!MEMBERS.contains(n)) {
                err("SW-2", n, root.get(n), "unknown sweep file member '" + n + "'; valid members: "
                        + String.join(", ", MEMBER_LIST));
            }
        }
        JsonNode fmt = root.get("sweep_format");
        if (fmt == null) {
            err("SW-2", "sweep_format", null, "required member sweep_format is missing (it must be 1)");
        } else if (!BigInteger.ONE.equals(JsonNumbers.integral(fmt))) {
            err("SW-2", "sweep_format", fmt, "unsupported sweep_format: only 1 is known");
        }
        String sweepId = null;
        JsonNode id = root.get("sweep_id");
        if (id == null) {
            err("SW-2", "sweep_id", null, "required member sweep_id is missing");
        } else if (!id.isTextual() || !SWEEP_ID.matcher(id.textValue()).matches()) {
            err("SW-2", "sweep_id", id, "sweep_id must be 1 to 64 characters from A-Z a-z 0-9 . _ -");
        } else {
            sweepId = id.textValue();
        }
        String description = "";
        JsonNode desc = root.get("description");
        if (desc != null) {
            if (desc.isTextual()) {
                description = desc.textValue();
            } else {
                err("SW-2", "description", desc, "description must be a string");
            }
        }
        String[] output = output(root.get("output"));
        OnInvalidPoint onInvalid = OnInvalidPoint.FAIL;
        JsonNode oip = root.get("on_invalid_point");
        if (oip != null) {
            if (oip.isTextual() && oip.textValue().equals("skip")) {
                onInvalid = OnInvalidPoint.SKIP;
            } else if (!oip.isTextual() || !oip.textValue().equals("fail")) {
                err("SW-2", "on_invalid_point", oip, "on_invalid_point must be \"fail\" or \"skip\"");
            }
        }
        int maxRecordings = 10000;
        JsonNode mr = root.get("max_recordings");
        if (mr != null) {
            BigInteger b = JsonNumbers.integral(mr);
            if (b == null || b.signum() < 1 || b.bitLength() > 31) {
                err("SW-2", "max_recordings", mr, "max_recordings must be an integer from 1 to 2147483647");
            } else {
                maxRecordings = b.intValue();
            }
        }
        SeedMode seedMode = SeedMode.SHARED;
        JsonNode sm = root.get("seed_mode");
        if (sm != null) {
            if (sm.isTextual() && sm.textValue().equals("distinct")) {
                seedMode = SeedMode.DISTINCT;
            } else if (!sm.isTextual() || !sm.textValue().equals("shared")) {
                err("SW-2", "seed_mode", sm, "seed_mode must be \"shared\" or \"distinct\"");
            }
        }

        // ---- base (SW-3)
        ObjectNode baseTree = base(root);

        // ---- axes (SW-4 … SW-12)
        List<Dimension> dims = axes(root.get("axes"), baseTree);
        List<Axis> allAxes = new ArrayList<>();
        dims.forEach(d -> allAxes.addAll(d.axes()));

        // ---- sample (SW-18 … SW-21)
        JsonNode sampleNode = root.get("sample");
        Sample sample = sampleNode == null ? null : SampleReader.read(sampleNode, baseTree, errors).orElse(null);
        List<Axis> checked = new ArrayList<>(allAxes);
        if (sample != null) {
            sample.axes().forEach(a -> checked.add(new Axis(a.where(), a.path(), List.of())));
        }
        prefixRule(checked);

        // ---- split (SW-22)
        SplitFractions split = SplitFractions.read(root.get("split"), errors);

        // ---- seeds (SW-13, SW-14)
        long gridPointsL = 1;
        for (Dimension d : dims) {
            gridPointsL = Math.min(gridPointsL * d.length(), Integer.MAX_VALUE);
        }
        long samplePoints = sample == null ? 1 : sample.count();
        long pointCountL = samplePoints;
        for (Dimension d : dims) {
            pointCountL = Math.min(pointCountL * d.length(), Long.MAX_VALUE / 2);
            if (pointCountL > Integer.MAX_VALUE) {
                pointCountL = Integer.MAX_VALUE;
            }
        }
        Seeds seeds = seeds(root, seedMode, checked, pointCountL);

        // ---- explosion guard (SW-17)
        long replicates = seeds == null ? 1 : seeds.count();
        long total = pointCountL * replicates;
        if (total > maxRecordings) {
            String points = sample == null ? pointCountL + " points" : samplePoints + " sample points × "
                    + gridPointsL + " grid points";
            err("SW-17", "max_recordings", mr, "the sweep expands to " + total + " recordings (" + points + " × "
                    + replicates + " seeds), more than max_recordings = " + maxRecordings);
        }
        if (!errors.isEmpty()) {
            throw new SweepValidationException(errors);
        }
        int pointCount = (int) pointCountL;
        int gridPoints = (int) gridPointsL;
        List<List<JsonNode>> draws = sample == null ? List.of() : sample.draw();

        // ---- expansion (SW-15, SW-16)
        List<SweepRecording> recordings = new ArrayList<>();
        List<SweepInvalidPoint> invalid = new ArrayList<>();
        Map<String, SweepRecording> byKey = new HashMap<>();
        for (int p = 0; p < pointCount; p++) {
            List<AxisPath> chosenAxes = new ArrayList<>();
            List<JsonNode> chosen = new ArrayList<>();
            int rest = p % gridPoints;
            int[] choice = new int[dims.size()];
            for (int d = dims.size() - 1; d >= 0; d--) {
                choice[d] = rest % dims.get(d).length();
                rest /= dims.get(d).length();
            }
            for (int d = 0; d < dims.size(); d++) {
                for (Axis a : dims.get(d).axes()) {
                    chosenAxes.add(a.path());
                    chosen.add(a.values().get(choice[d]));
                }
            }
            if (sample != null) {
                List<JsonNode> drawn = draws.get(p / gridPoints);
                for (int j = 0; j < drawn.size(); j++) {
                    chosenAxes.add(sample.axes().get(j).path());
                    chosen.add(drawn.get(j));
                }
            }
            LinkedHashMap<String, String> supplied = new LinkedHashMap<>();
            for (int k = 0; k < chosenAxes.size(); k++) {
                supplied.put(chosenAxes.get(k).text(), JsonText.raw(chosen.get(k)));
            }
            // "point p (seed …" or, with a sample block, "point p (sample s, seed …"
            String pointHead = "point " + p + " (" + (sample == null ? "" : "sample " + p / gridPoints + ", ");
            List<Long> pointSeeds = seeds == null ? java.util.Collections.singletonList(null) : seeds.forPoint(p);
            for (Long seed : pointSeeds) {
                ObjectNode tree = baseTree.deepCopy();
                for (int k = 0; k < chosenAxes.size(); k++) {
                    SweepTrees.set(tree, chosenAxes.get(k), chosen.get(k));
                }
                if (seed != null) {
                    tree.put("seed", seed);
                }
                Long effectiveSeed = seed != null ? seed : seedOf(tree);
                try {
                    ParsedSpec ps = SpecReader.read(tree);
                    if (measure != null) {
                        measured += measure.applyAsDouble(ps.spec());
                        if (enough.test(measured) && errors.isEmpty()) {
                            return null; // over the threshold: the rest is not expanded
                        }
                    }
                    SweepRecording r = recording(p, ps, chosenAxes, split);
                    SweepRecording clash = byKey.putIfAbsent(r.cacheKey(), r);
                    if (clash != null) {
                        err("SW-16", "", null, pointHead + "seed " + r.seed() + ", values " + supplied
                                + ") has the same cache key " + r.cacheKey() + " as point " + clash.pointIndex()
                                + " (seed " + clash.seed() + "): every recording of a sweep must be distinct");
                    }
                    recordings.add(r);
                } catch (SpecValidationException e) {
                    List<String> rules = new ArrayList<>();
                    StringBuilder why = new StringBuilder();
                    for (SpecIssue i : e.getIssues()) {
                        rules.add(i.ruleId());
                        why.append("; ").append(i.describe());
                    }
                    if (onInvalid == OnInvalidPoint.SKIP) {
                        invalid.add(new SweepInvalidPoint(p, effectiveSeed == null ? -1L : effectiveSeed, supplied,
                                e.getIssues()));
                    } else {
                        SpecIssue first = e.getIssues().get(0);
                        errors.add(new SpecIssue("SW-15", first.path(), first.value(), pointHead + "seed "
                                + (effectiveSeed == null ? "?" : effectiveSeed) + ", values " + supplied
                                + ") fails validation " + rules + why));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SweepValidationException(errors);
        }
        List<String> paths = new ArrayList<>();
        checked.forEach(a -> paths.add(a.path().text()));
        return new SweepPlan(sweepId, description, output[0], output[1], onInvalid, seedMode, maxRecordings,
                pointCount, paths, recordings, invalid, sample == null ? 0 : sample.count(), split);
    }

    private static Long seedOf(ObjectNode tree) {
        JsonNode s = tree.get("seed");
        if (s != null && s.isIntegralNumber() && s.bigIntegerValue().signum() >= 0
                && s.bigIntegerValue().compareTo(LONG_MAX) <= 0) {
            return s.longValue();
        }
        return null;
    }

    private static SweepRecording recording(int point, ParsedSpec ps, List<AxisPath> axes, SplitFractions split) {
        ObjectNode canon = SpecTrees.tree(ps.spec());
        LinkedHashMap<String, String> axesJson = new LinkedHashMap<>();
        LinkedHashMap<String, Double> columns = new LinkedHashMap<>();
        for (AxisPath a : axes) {
            JsonNode v = SweepTrees.get(canon, a);
            axesJson.put(a.text(), JsonText.compact(v));
            String col = a.columnName();
            switch (a.leaf()) {
                case NUMBER -> columns.put(col, v.isNumber() ? v.doubleValue() : null);
                case PAIR -> {
                    boolean pair = v.isArray() && v.size() == 2;
                    columns.put(col + "_lo", pair ? v.get(0).doubleValue() : null);
                    columns.put(col + "_hi", pair ? v.get(1).doubleValue() : null);
                }
                default -> {
                }
            }
        }
        String key = CanonicalJson.cacheKey(ps.spec());
        return new SweepRecording(point, ps.spec().seed(), ps.spec(), key, axesJson, columns, ps.warnings(),
                split.of(key));
    }

    // ------------------------------------------------------------------ output

    private String[] output(JsonNode o) {
        String[] out = new String[2];
        if (o == null) {
            err("SW-2", "output", null, "required member output is missing: {\"stores\": uri, \"table\": uri}");
            return out;
        }
        if (!o.isObject()) {
            err("SW-2", "output", o, "output must be an object {\"stores\": uri, \"table\": uri}");
            return out;
        }
        Iterator<String> names = o.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("stores") && !n.equals("table")) {
                err("SW-2", "output." + n, o.get(n), "unknown output member '" + n + "'; valid: stores, table");
            }
        }
        String[] keys = {"stores", "table"};
        for (int i = 0; i < 2; i++) {
            JsonNode v = o.get(keys[i]);
            if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                err("SW-2", "output." + keys[i], v, "output." + keys[i] + " must be a non-empty URI string");
            } else {
                out[i] = v.textValue();
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ base

    private ObjectNode base(JsonNode root) {
        JsonNode base = root.get("base");
        JsonNode preset = root.get("base_preset");
        if ((base == null) == (preset == null)) {
            err("SW-3", "", null, base == null ? "the sweep needs exactly one of base (a spec) or base_preset"
                    + " (build_spec arguments); neither is given" : "give either base or base_preset, not both");
            return null;
        }
        try {
            ParsedSpec ps = base != null ? SpecReader.read(base) : PresetReader.build(preset, "base_preset");
            return SpecTrees.tree(ps.spec());
        } catch (SpecValidationException e) {
            for (SpecIssue i : e.getIssues()) {
                SpecIssue at = base != null ? i.prefixed("base") : i;
                errors.add(new SpecIssue("SW-3", at.path(), at.value(), "invalid " + (base != null ? "base"
                        : "base_preset") + ": [" + i.ruleId() + "] " + i.message()));
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ axes

    private List<Dimension> axes(JsonNode axes, ObjectNode baseTree) {
        List<Dimension> dims = new ArrayList<>();
        if (axes == null) {
            return dims;
        }
        if (!axes.isArray()) {
            err("SW-4", "axes", axes, "axes must be a list of {\"path\", \"values\"} or {\"zip\": [...]} entries");
            return dims;
        }
        for (int i = 0; i < axes.size(); i++) {
            JsonNode e = axes.get(i);
            String where = "axes[" + i + "]";
            if (e.isObject() && e.size() == 1 && e.has("zip")) {
                JsonNode zip = e.get("zip");
                if (!zip.isArray()) {
                    err("SW-4", where + ".zip", zip, where + ": zip must be a list of {\"path\", \"values\"} axes");
                    continue;
                }
                if (zip.isEmpty()) {
                    err("SW-5", where + ".zip", zip, where + ": zip must not be empty");
                    continue;
                }
                List<Axis> members = new ArrayList<>();
                boolean ok = true;
                for (int j = 0; j < zip.size(); j++) {
                    Optional<Axis> a = axis(zip.get(j), where + ".zip[" + j + "]", baseTree);
                    ok &= a.isPresent();
                    a.ifPresent(members::add);
                }
                if (!ok) {
                    continue;
                }
                int len = members.get(0).values().size();
                boolean same = members.stream().allMatch(a -> a.values().size() == len);
                if (!same) {
                    List<String> lens = new ArrayList<>();
                    members.forEach(a -> lens.add(a.path().text() + ": " + a.values().size()));
                    err("SW-6", where + ".zip", null, where + ": zip members must have equal numbers of values ("
                            + String.join(", ", lens) + ")");
                    continue;
                }
                dims.add(new Dimension(members, len));
            } else {
                axis(e, where, baseTree).ifPresent(a -> dims.add(new Dimension(List.of(a), a.values().size())));
            }
        }
        return dims;
    }

    private Optional<Axis> axis(JsonNode e, String where, ObjectNode baseTree) {
        if (!e.isObject() || e.size() != 2 || !e.has("path") || !e.has("values")) {
            err("SW-4", where, e, where + ": an axes entry must be exactly {\"path\": string, \"values\": [...]}"
                    + " or {\"zip\": [axes...]}");
            return Optional.empty();
        }
        JsonNode path = e.get("path");
        JsonNode values = e.get("values");
        if (!path.isTextual()) {
            err("SW-4", where + ".path", path, where + ": path must be a string");
            return Optional.empty();
        }
        if (!values.isArray()) {
            err("SW-4", path.textValue(), values, where + ": values must be a JSON array");
            return Optional.empty();
        }
        if (values.isEmpty()) {
            err("SW-5", path.textValue(), values, where + ": values must not be empty");
            return Optional.empty();
        }
        Optional<AxisPath> ap = AxisPath.resolve(path.textValue(), baseTree, where, errors);
        if (ap.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> vals = new ArrayList<>();
        boolean ok = true;
        for (int k = 0; k < values.size(); k++) {
            JsonNode v = values.get(k);
            if (ap.get().wholeStep() && v.isObject() && v.has("kind")
                    && !(v.get("kind").isTextual() && v.get("kind").textValue().equals(ap.get().stepKind().jsonName()))) {
                err("SW-11", path.textValue(), v.get("kind"), where + " value " + k + ": a whole-step value for "
                        + ap.get().text() + " must have kind \"" + ap.get().stepKind().jsonName() + "\" or omit it");
                ok = false;
            }
            vals.add(v);
        }
        return ok ? Optional.of(new Axis(where, ap.get(), vals)) : Optional.empty();
    }

    private void prefixRule(List<Axis> axes) {
        for (int i = 0; i < axes.size(); i++) {
            for (int j = i + 1; j < axes.size(); j++) {
                List<String> a = axes.get(i).path().segmentKeys();
                List<String> b = axes.get(j).path().segmentKeys();
                String ai = axes.get(i).where();
                String bj = axes.get(j).where();
                if (a.equals(b)) {
                    err("SW-12", axes.get(j).path().text(), null, bj + ": path repeats " + ai);
                } else if (isPrefix(a, b) || isPrefix(b, a)) {
                    Axis shorter = a.size() < b.size() ? axes.get(i) : axes.get(j);
                    Axis longer = a.size() < b.size() ? axes.get(j) : axes.get(i);
                    err("SW-12", longer.path().text(), null, longer.where() + ": path lies inside "
                            + shorter.path().text() + " (" + shorter.where() + "); one axis may not contain another");
                }
            }
        }
    }

    private static boolean isPrefix(List<String> a, List<String> b) {
        return a.size() < b.size() && b.subList(0, a.size()).equals(a);
    }

    // ------------------------------------------------------------------ seeds

    /** Replicate seeds. */
    private record Seeds(List<Long> list, long start, int count, SeedMode mode) {
        List<Long> forPoint(int p) {
            if (list != null) {
                return list;
            }
            long first = mode == SeedMode.DISTINCT ? start + (long) p * count : start;
            List<Long> out = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                out.add(first + r);
            }
            return out;
        }
    }

    private Seeds seeds(JsonNode root, SeedMode mode, List<Axis> axes, long points) {
        JsonNode s = root.get("seeds");
        if (s == null) {
            if (root.has("seed_mode")) {
                err("SW-14", "seed_mode", root.get("seed_mode"), "seed_mode needs seeds");
            }
            return null;
        }
        for (Axis a : axes) {
            if (a.path().text().equals("seed")) {
                err("SW-13", "seed", null, a.where() + ": a seed axis cannot be combined with seeds");
            }
        }
        if (s.isObject() && s.size() == 1 && s.has("list")) {
            JsonNode l = s.get("list");
            if (!l.isArray() || l.isEmpty()) {
                err("SW-14", "seeds.list", l, "seeds.list must be a non-empty list of seeds");
                return null;
            }
            if (mode == SeedMode.DISTINCT) {
                err("SW-14", "seed_mode", root.get("seed_mode"), "seed_mode \"distinct\" needs seeds"
                        + " {\"start\", \"count\"}, not a list");
            }
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                BigInteger b = JsonNumbers.integral(l.get(i));
                if (b == null || b.signum() < 0 || b.compareTo(LONG_MAX) > 0) {
                    err("SW-14", "seeds.list[" + i + "]", l.get(i), "a seed must be an integer in 0 … 2^63-1");
                } else if (out.contains(b.longValue())) {
                    err("SW-14", "seeds.list[" + i + "]", l.get(i), "seed " + b + " is listed twice");
                } else {
                    out.add(b.longValue());
                }
            }
            return new Seeds(out, 0, out.size(), mode);
        }
        if (s.isObject() && s.size() == 2 && s.has("start") && s.has("count")) {
            BigInteger start = JsonNumbers.integral(s.get("start"));
            BigInteger count = JsonNumbers.integral(s.get("count"));
            boolean ok = true;
            if (start == null || start.signum() < 0 || start.compareTo(LONG_MAX) > 0) {
                err("SW-14", "seeds.start", s.get("start"), "seeds.start must be an integer in 0 … 2^63-1");
                ok = false;
            }
            if (count == null || count.signum() < 1 || count.bitLength() > 31) {
                err("SW-14", "seeds.count", s.get("count"), "seeds.count must be an integer >= 1");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            BigInteger last = start.add(count.multiply(BigInteger.valueOf(mode == SeedMode.DISTINCT ? points : 1)))
                    .subtract(BigInteger.ONE);
            if (last.compareTo(LONG_MAX) > 0) {
                err("SW-14", "seeds", s, "the last seed " + last + " exceeds 2^63-1");
                return null;
            }
            return new Seeds(null, start.longValue(), count.intValue(), mode);
        }
        err("SW-14", "seeds", s, "seeds must be {\"start\": int, \"count\": int} or {\"list\": [int, ...]}");
        return null;
    }
}
