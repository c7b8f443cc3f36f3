package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.json.SpecValidationException;

/**
 * Reads a sweep file's {@code sample} block (docs/sweeps.md#sampled-sweeps) into a {@link Sample}, collecting
 * every error: SW-18 the block's own members, SW-19 the shape of a sample axis, SW-7…SW-11 its path (as for grid
 * axes), SW-20 a distribution's parameters, SW-21 a value of the distribution that the spec's field rules (J, F)
 * reject.
 */
final class SampleReader {
    static final List<String> MEMBERS = List.of("count", "method", "seed", "axes");
    static final List<String> DISTRIBUTIONS = List.of("uniform", "log_uniform", "int_uniform", "normal", "choice");
    private static final List<String> NORMAL_MEMBERS = List.of("mean", "sd", "min", "max");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger INT_LIMIT = BigInteger.ONE.shiftLeft(53);
    /** A truncated normal must keep at least this probability between min and max. */
    static final double MIN_NORMAL_MASS = 1e-12;

    private final List<SpecIssue> errors;
    private final ObjectNode base;

    private SampleReader(ObjectNode base, List<SpecIssue> errors) {
        this.base = base;
        this.errors = errors;
    }

    /**
     * @param block  the {@code sample} member
     * @param base   the base's canonical tree, or null when the base is invalid (paths are then resolved against
     *               the schema only and values are not checked against the spec rules)
     * @param errors receives the errors
     * @return the sample, or empty after an error
     */
    static Optional<Sample> read(JsonNode block, ObjectNode base, List<SpecIssue> errors) {
        return new SampleReader(base, errors).block(block);
    }

    private void err(String rule, String path, JsonNode value, String message) {
        errors.add(new SpecIssue(rule, path, value == null ? "" : JsonText.raw(value), message));
    }

    private Optional<Sample> block(JsonNode s) {
        if (!s.isObject()) {
            err("SW-18", "sample", s, "sample must be an object {\"count\": int, \"method\": \"random\" or "
                    + "\"latin_hypercube\", \"seed\": int, \"axes\": [...]}");
            return Optional.empty();
        }
        int before = errors.size();
        Iterator<String> names = s.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!MEMBERS.contains(n)) {
                err("SW-18", "sample." + n, s.get(n), "unknown sample member '" + n + "'; valid members: "
                        + String.join(", ", MEMBERS));
            }
        }
        for (String m : MEMBERS) {
            if (!s.has(m)) {
                err("SW-18", "sample." + m, null, "required member sample." + m + " is missing");
            }
        }
        int count = 0;
        JsonNode c = s.get("count");
        if (c != null) {
            BigInteger b = JsonNumbers.integral(c);
            if (b == null || b.signum() < 1 || b.bitLength() > 31) {
                err("SW-18", "sample.count", c, "sample.count must be an integer from 1 to 2147483647");
            } else {
                count = b.intValue();
            }
        }
        SampleMethod method = null;
        JsonNode m = s.get("method");
        if (m != null) {
            for (SampleMethod sm : SampleMethod.values()) {
                if (m.isTextual() && m.textValue().equals(sm.jsonName())) {
                    method = sm;
                }
            }
            if (method == null) {
                err("SW-18", "sample.method", m, "sample.method must be \"random\" or \"latin_hypercube\"");
            }
        }
        long seed = 0;
        JsonNode sd = s.get("seed");
        if (sd != null) {
            BigInteger b = JsonNumbers.integral(sd);
            if (b == null || b.signum() < 0 || b.compareTo(LONG_MAX) > 0) {
                err("SW-18", "sample.seed", sd, "sample.seed must be an integer in 0 … 2^63-1");
            } else {
                seed = b.longValue();
            }
        }
        List<Sample.SampleAxis> axes = new ArrayList<>();
        JsonNode ax = s.get("axes");
        if (ax != null) {
            if (!ax.isArray() || ax.isEmpty()) {
                err("SW-18", "sample.axes", ax, "sample.axes must be a non-empty list of {\"path\": string, "
                        + "<distribution>: parameters} entries");
            } else {
                for (int i = 0; i < ax.size(); i++) {
                    axis(ax.get(i), "sample.axes[" + i + "]").ifPresent(axes::add);
                }
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Sample(count, method, seed, axes));
    }

    // ------------------------------------------------------------------ one axis

    private Optional<Sample.SampleAxis> axis(JsonNode e, String where) {
        String shape = where + ": a sample axis must be an object {\"path\": string, <distribution>: parameters}"
                + " with one distribution of " + String.join(", ", DISTRIBUTIONS);
        if (!e.isObject()) {
            err("SW-19", where, e, shape);
            return Optional.empty();
        }
        int before = errors.size();
        List<String> dists = new ArrayList<>();
        Iterator<String> names = e.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (DISTRIBUTIONS.contains(n)) {
                dists.add(n);
            } else if (!n.equals("path") && !n.equals("weights")) {
                err("SW-19", where + "." + n, e.get(n), where + ": unknown distribution '" + n
                        + "'; valid distributions: " + String.join(", ", DISTRIBUTIONS)
                        + " (and weights with choice)");
            }
        }
        JsonNode path = e.get("path");
        if (path == null) {
            err("SW-19", where + ".path", null, where + ": required member path is missing");
        } else if (!path.isTextual()) {
            err("SW-19", where + ".path", path, where + ": path must be a string");
        }
        if (dists.isEmpty() && errors.size() == before) {
            err("SW-19", where, e, where + ": no distribution given; give one of " + String.join(", ", DISTRIBUTIONS));
        } else if (dists.size() > 1) {
            err("SW-19", where, e, where + ": give one distribution, not " + String.join(" and ", dists));
        }
        if (e.has("weights") && !dists.contains("choice")) {
            err("SW-19", where + ".weights", e.get("weights"), where + ": weights go only with choice");
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        Optional<AxisPath> ap = AxisPath.resolve(path.textValue(), base, where, errors);
        if (ap.isEmpty()) {
            return Optional.empty();
        }
        String dist = dists.get(0);
        String at = where + "." + dist;
        String who = where + " (" + ap.get().text() + "): ";
        JsonNode params = e.get(dist);
        if (!dist.equals("choice") && ap.get().leaf() != AxisPath.Leaf.NUMBER) {
            err("SW-20", at, null, who + dist + " draws numbers, but " + ap.get().text() + " is "
                    + (ap.get().wholeStep() ? "a whole step" : "not a number") + "; use choice");
            return Optional.empty();
        }
        Optional<Distribution> d = switch (dist) {
            case "uniform", "log_uniform" -> continuous(dist, params, at, who);
            case "int_uniform" -> integers(params, at, who);
            case "normal" -> normal(params, at, who);
            default -> choice(params, e.get("weights"), where, who, ap.get());
        };
        if (d.isEmpty() || !accepted(d.get(), ap.get(), at, who)) {
            return Optional.empty();
        }
        return Optional.of(new Sample.SampleAxis(where, ap.get(), d.get()));
    }

    private Optional<Distribution> continuous(String dist, JsonNode p, String at, String who) {
        if (!p.isArray() || p.size() != 2 || !finite(p.get(0)) || !finite(p.get(1))) {
            err("SW-20", at, p, who + dist + " must be [lo, hi], two finite numbers");
            return Optional.empty();
        }
        double lo = p.get(0).doubleValue();
        double hi = p.get(1).doubleValue();
        if (!(lo < hi)) {
            err("SW-20", at, p, who + dist + " needs lo < hi (lo " + JsonText.raw(p.get(0)) + ", hi "
                    + JsonText.raw(p.get(1)) + ")");
            return Optional.empty();
        }
        if (dist.equals("log_uniform")) {
            if (!(lo > 0)) {
                err("SW-20", at, p, who + "log_uniform needs lo > 0 (lo " + JsonText.raw(p.get(0)) + ")");
                return Optional.empty();
            }
            return Optional.of(new Distribution.LogUniform(lo, hi));
        }
        return Optional.of(new Distribution.Uniform(lo, hi));
    }

    private Optional<Distribution> integers(JsonNode p, String at, String who) {
        BigInteger lo = p.isArray() && p.size() == 2 ? JsonNumbers.integral(p.get(0)) : null;
        BigInteger hi = p.isArray() && p.size() == 2 ? JsonNumbers.integral(p.get(1)) : null;
        if (lo == null || hi == null || lo.abs().compareTo(INT_LIMIT) > 0 || hi.abs().compareTo(INT_LIMIT) > 0) {
            err("SW-20", at, p, who + "int_uniform must be [lo, hi], two integers from -2^53 to 2^53");
            return Optional.empty();
        }
        if (lo.compareTo(hi) >= 0) {
            err("SW-20", at, p, who + "int_uniform needs lo < hi (lo " + lo + ", hi " + hi + ")");
            return Optional.empty();
        }
        return Optional.of(new Distribution.IntUniform(lo.longValue(), hi.longValue()));
    }

    private Optional<Distribution> normal(JsonNode p, String at, String who) {
        if (!p.isObject()) {
            err("SW-20", at, p, who + "normal must be {\"mean\": number, \"sd\": number} with optional \"min\" and"
                    + " \"max\" (a truncated normal)");
            return Optional.empty();
        }
        int before = errors.size();
        Iterator<String> names = p.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!NORMAL_MEMBERS.contains(n)) {
                err("SW-20", at + "." + n, p.get(n), who + "unknown normal member '" + n + "'; valid members: "
                        + String.join(", ", NORMAL_MEMBERS));
            }
        }
        double[] v = {Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int k = 0; k < 4; k++) {
            String n = NORMAL_MEMBERS.get(k);
            JsonNode x = p.get(n);
            if (x == null) {
                if (k < 2) {
                    err("SW-20", at + "." + n, null, who + "required member normal." + n + " is missing");
                }
            } else if (!finite(x)) {
                err("SW-20", at + "." + n, x, who + "normal." + n + " must be a finite number");
            } else {
                v[k] = x.doubleValue();
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        if (!(v[1] > 0)) {
            err("SW-20", at + ".sd", p.get("sd"), who + "normal.sd must be > 0");
            return Optional.empty();
        }
        if (!(v[2] < v[3])) {
            err("SW-20", at, p, who + "normal needs min < max (min " + JsonText.raw(p.get("min")) + ", max "
                    + JsonText.raw(p.get("max")) + ")");
            return Optional.empty();
        }
        Distribution.Normal d = new Distribution.Normal(v[0], v[1], v[2], v[3]);
        double mass = d.mass();
        if (!(mass >= MIN_NORMAL_MASS)) {
            err("SW-20", at, p, who + "normal keeps only " + mass + " of its probability between min and max "
                    + "(at least 1e-12 is needed); use uniform");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private Optional<Distribution> choice(JsonNode p, JsonNode weights, String where, String who, AxisPath path) {
        String at = where + ".choice";
        if (!p.isArray() || p.isEmpty()) {
            err("SW-20", at, p, who + "choice must be a non-empty list of values");
            return Optional.empty();
        }
        boolean ok = true;
        List<JsonNode> values = new ArrayList<>();
        for (int k = 0; k < p.size(); k++) {
            JsonNode v = p.get(k);
            if (path.wholeStep() && v.isObject() && v.has("kind") && !(v.get("kind").isTextual()
                    && v.get("kind").textValue().equals(path.stepKind().jsonName()))) {
                err("SW-11", path.text(), v.get("kind"), where + " choice " + k + ": a whole-step value for "
                        + path.text() + " must have kind \"" + path.stepKind().jsonName() + "\" or omit it");
                ok = false;
            }
            values.add(v);
        }
        double[] w = null;
        if (weights != null) {
            String wat = where + ".weights";
            if (!weights.isArray()) {
                err("SW-20", wat, weights, who + "weights must be a list of numbers >= 0, one per choice value");
                return Optional.empty();
            }
            if (weights.size() != p.size()) {
                err("SW-20", wat, weights, who + "weights has " + weights.size() + " number(s) for " + p.size()
                        + " choice value(s)");
                return Optional.empty();
            }
            w = new double[p.size()];
            double sum = 0;
            for (int k = 0; k < w.length; k++) {
                JsonNode x = weights.get(k);
                if (!finite(x) || x.doubleValue() < 0) {
                    err("SW-20", wat + "[" + k + "]", x, who + "weights[" + k + "] must be a finite number >= 0");
                    ok = false;
                } else {
                    w[k] = x.doubleValue();
                    sum += w[k];
                }
            }
            if (ok && !(sum > 0)) {
                err("SW-20", wat, weights, who + "weights must not all be 0");
                ok = false;
            }
        }
        return ok ? Optional.of(Distribution.Choice.of(values, w)) : Optional.empty();
    }

    // ------------------------------------------------------------------ values against the spec rules

    /** @return true when the spec's field rules accept every probe value of {@code d} at {@code path} */
    private boolean accepted(Distribution d, AxisPath path, String at, String who) {
        if (base == null) {
            return true;
        }
        boolean ok = true;
        for (Map.Entry<String, JsonNode> probe : d.probes().entrySet()) {
            ObjectNode tree = base.deepCopy();
            SweepTrees.set(tree, path, probe.getValue());
            try {
                SpecReader.read(tree);
            } catch (SpecValidationException e) {
                for (SpecIssue i : e.getIssues()) {
                    if (fieldRule(i.ruleId()) && within(i.path(), path.text())) {
                        String label = probe.getKey();
                        String where = label.startsWith("choice[") ? at.substring(0, at.lastIndexOf('.') + 1)
                                + label : at;
                        err("SW-21", where, probe.getValue(), who + label + " " + JsonText.raw(probe.getValue())
                                + " is not a valid value: [" + i.ruleId() + "] " + i.message());
                        ok = false;
                        break;
                    }
                }
                if (!ok && !(d instanceof Distribution.Choice)) {
                    return false;
                }
            }
        }
        return ok;
    }

    /** J and F rules judge one value by itself; M, S and P rules relate fields and are checked per point. */
    private static boolean fieldRule(String ruleId) {
        return ruleId.startsWith("J-") || ruleId.startsWith("F:");
    }

    /** @return whether an issue at {@code issuePath} concerns the value set at {@code axisPath} */
    static boolean within(String issuePath, String axisPath) {
        if (issuePath.equals(axisPath) || issuePath.startsWith(axisPath + ".") || issuePath.startsWith(axisPath + "[")) {
            return true;
        }
        // an element of a fixed-length array is judged with its array
        return axisPath.endsWith("]") && issuePath.equals(axisPath.substring(0, axisPath.lastIndexOf('[')));
    }

    private static boolean finite(JsonNode n) {
        return n != null && n.isNumber() && Double.isFinite(n.doubleValue());
    }
}
