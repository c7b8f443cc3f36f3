package org.minisim.spec.json;

import static org.minisim.spec.json.JsonText.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minisim.spec.StepKind;

/**
 * Walks an input JSON tree against the {@link Schema}: J and F rules on every member (collecting all errors with
 * their paths), then the M rules of each model whose own fields were valid (docs/spec.md#j-rules,
 * docs/spec.md#f-rules, docs/spec.md#m-rules). Produces the normalised tree: every field present in declaration order,
 * defaults filled, floats as doubles, ints as ints.
 */
public final class TreeValidator {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final List<SpecIssue> fieldErrors = new ArrayList<>();
    private final List<SpecIssue> modelErrors = new ArrayList<>();
    private final List<SpecIssue> seedErrors = new ArrayList<>();

    /**
     * Result of a walk.
     *
     * @param node   the normalised tree (complete only when {@code errors} is empty)
     * @param errors J and F errors, then M errors, then P-2 (seed range) errors
     */
    public record Result(ObjectNode node, List<SpecIssue> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private TreeValidator() {
    }

    /**
     * Validate {@code input} as model {@code model}.
     *
     * @param path path of {@code input} in the document ("" for the root)
     */
    public static Result walk(ModelDef model, JsonNode input, String path) {
        TreeValidator v = new TreeValidator();
        ObjectNode node = v.model(model, input, path);
        List<SpecIssue> all = new ArrayList<>(v.fieldErrors);
        all.addAll(v.modelErrors);
        all.addAll(v.seedErrors);
        return new Result(node, all);
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void err(String rule, String path, JsonNode value, String message) {
        fieldErrors.add(new SpecIssue(rule, path, JsonText.raw(value), message));
    }

    // ---------------------------------------------------------------- models

    private ObjectNode model(ModelDef m, JsonNode in, String path) {
        if (in == null || !in.isObject()) {
            String what = in == null || in.isNull() ? "null is not allowed here" : "must be a JSON object";
            err(in != null && in.isNull() ? "J-4" : "J-1", path, in, m.name() + " " + what);
            return null;
        }
        Iterator<String> names = in.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (m.field(n).isEmpty()) {
                err("J-2", child(path, n), in.get(n), "unknown member '" + n + "' of " + m.name()
                        + (m.fieldNames().isEmpty() ? " (it has no fields besides kind)"
                        : "; valid members: " + String.join(", ", m.fieldNames())));
            }
        }
        ObjectNode out = NODES.objectNode();
        boolean ownValid = true;
        int before;
        for (FieldDef f : m.fields()) {
            String p = child(path, f.name());
            JsonNode v = in.get(f.name());
            if (f.type() == FieldType.KIND) {
                if (v != null && (!v.isTextual() || !v.textValue().equals(m.kind().jsonName()))) {
                    err("J-11", p, v, "kind must be \"" + m.kind().jsonName() + "\" here");
                    ownValid = false;
                }
                out.put("kind", m.kind().jsonName());
                continue;
            }
            if (v == null) {
                if (f.required()) {
                    err("J-3", p, null, "required member '" + f.name() + "' of " + m.name() + " is missing");
                    ownValid = false;
                } else if (f.type() == FieldType.MODEL && f.defaultValue() == null) {
                    out.set(f.name(), model(f.modelDef(), NODES.objectNode(), p));
                } else {
                    out.set(f.name(), Schema.defaultOf(f));
                }
                continue;
            }
            before = fieldErrors.size();
            JsonNode norm = value(m, f, v, p);
            boolean nested = f.type() == FieldType.MODEL || f.type() == FieldType.MODEL_LIST
                    || f.type() == FieldType.STEP_LIST;
            if (fieldErrors.size() > before && !nested) {
                ownValid = false;
            }
            if (norm != null) {
                out.set(f.name(), norm);
            }
        }
        if (ownValid) {
            ModelRules.check(m, out, path, modelErrors);
        }
        return out;
    }

    private JsonNode value(ModelDef m, FieldDef f, JsonNode v, String p) {
        if (v.isNull()) {
            if (f.nullable()) {
                return NODES.nullNode();
            }
            err("J-4", p, v, "null is not allowed for " + f.name() + " (" + describeType(f) + ")");
            return null;
        }
        String rule = "F:" + m.name() + "." + f.name();
        switch (f.type()) {
            case FLOAT -> {
                Double d = number(v, p, f.name());
                if (d == null) {
                    return null;
                }
                if (f.bound() != null && !f.bound().test(d)) {
                    err(rule, p, v, f.name() + " must be " + f.bound().describe());
                    return null;
                }
                return NODES.numberNode(d);
            }
            case INT -> {
                Integer i = integer(v, p, f.name());
                if (i == null) {
                    return null;
                }
                if (f.bound() != null && !f.bound().test(i)) {
                    err(rule, p, v, f.name() + " must be " + f.bound().describe());
                    return null;
                }
                return NODES.numberNode(i);
            }
            case SEED -> {
                return seed(v, p);
            }
            case BOOL -> {
                if (!v.isBoolean()) {
                    err("J-7", p, v, f.name() + " must be true or false");
                    return null;
                }
                return v;
            }
            case ENUM -> {
                if (!v.isTextual() || !f.choices().contains(v.textValue())) {
                    err("J-8", p, v, f.name() + " must be one of " + quoted(f.choices()));
                    return null;
                }
                return v;
            }
            case FLOAT_OR_AUTO -> {
                if (v.isTextual() && v.textValue().equals("auto")) {
                    return v;
                }
                if (!v.isNumber()) {
                    err("J-9", p, v, f.name() + " must be a number or exactly \"auto\"");
                    return null;
                }
                Double d = number(v, p, f.name());
                return d == null ? null : NODES.numberNode(d);
            }
            case FLOAT_PAIR -> {
                return tuple(v, p, 2, f.name());
            }
            case PAIR_LIST, TRIPLE_LIST -> {
                int n = f.type() == FieldType.PAIR_LIST ? 2 : 3;
                if (!v.isArray()) {
                    err("J-10", p, v, f.name() + " must be a list of [" + n + " numbers] arrays or null");
                    return null;
                }
                ArrayNode out = NODES.arrayNode();
                boolean ok = true;
                for (int i = 0; i < v.size(); i++) {
                    JsonNode t = tuple(v.get(i), p + "[" + i + "]", n, f.name() + " element");
                    ok &= t != null;
                    out.add(t);
                }
                return ok ? out : null;
            }
            case MODEL -> {
                return model(f.modelDef(), v, p);
            }
            case MODEL_LIST -> {
                if (!v.isArray()) {
                    err("J-1", p, v, f.name() + " must be a list of " + f.modelDef().name() + " objects"
                            + (f.nullable() ? " or null" : ""));
                    return null;
                }
                ArrayNode out = NODES.arrayNode();
                for (int i = 0; i < v.size(); i++) {
                    ObjectNode o = model(f.modelDef(), v.get(i), p + "[" + i + "]");
                    out.add(o == null ? NODES.nullNode() : o);
                }
                return out;
            }
            case STEP_LIST -> {
                return steps(v, p);
            }
            default -> throw new IllegalStateException("unhandled field type " + f.type());
        }
    }

    private ArrayNode steps(JsonNode v, String p) {
        if (!v.isArray()) {
            err("J-11", p, v, "steps must be a list of step objects");
            return null;
        }
        Map<StepKind, Integer> counts = new HashMap<>();
        List<Optional<StepKind>> kinds = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            Optional<StepKind> k = kindOf(v.get(i));
            kinds.add(k);
            k.ifPresent(x -> counts.merge(x, 1, Integer::sum));
        }
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            String at = p + "[" + i + "]";
            Optional<StepKind> k = kinds.get(i);
            if (k.isEmpty()) {
                JsonNode kindNode = s.isObject() ? s.get("kind") : null;
                String why = !s.isObject() ? "a step must be a JSON object with a \"kind\""
                        : kindNode == null ? "a step needs a \"kind\" member naming one of " + kindList()
                        : "unknown step kind " + JsonText.raw(kindNode) + "; valid kinds: " + kindList();
                err("J-11", at, kindNode != null ? kindNode : s, why);
                continue;
            }
            String stepPath = counts.get(k.get()) == 1 ? p + "." + k.get().jsonName() : at;
            ObjectNode o = model(Schema.step(k.get()), s, stepPath);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    static Optional<StepKind> kindOf(JsonNode s) {
        if (s == null || !s.isObject() || s.get("kind") == null || !s.get("kind").isTextual()) {
            return Optional.empty();
        }
        return StepKind.fromJsonName(s.get("kind").textValue());
    }

    static String kindList() {
        List<String> l = new ArrayList<>();
        for (StepKind k : StepKind.values()) {
            l.add(k.jsonName());
        }
        return String.join(", ", l);
    }

    // ---------------------------------------------------------------- scalars

    private Double number(JsonNode v, String p, String name) {
        if (!v.isNumber()) {
            err("J-5", p, v, name + " must be a JSON number, not " + typeName(v));
            return null;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            err("J-12", p, v, name + " must be a finite number (NaN, Infinity and overflowing literals are refused)");
            return null;
        }
        return d;
    }

    private Integer integer(JsonNode v, String p, String name) {
        if (!v.isNumber()) {
            err("J-6", p, v, name + " must be an integer, not " + typeName(v));
            return null;
        }
        BigInteger b;
        if (v.isIntegralNumber()) {
            b = v.bigIntegerValue();
        } else {
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                err("J-12", p, v, name + " must be a finite number");
                return null;
            }
            if (d != Math.rint(d)) {
                err("J-6", p, v, name + " must be an integer");
                return null;
            }
            b = new BigDecimal(d).toBigInteger();
        }
        if (b.bitLength() > 31) {
            err("J-6", p, v, name + " is out of the integer range");
            return null;
        }
        return b.intValue();
    }

    private JsonNode seed(JsonNode v, String p) {
        if (!v.isNumber()) {
            err("J-6", p, v, "seed must be an integer, not " + typeName(v));
            return null;
        }
        BigInteger b;
        if (v.isIntegralNumber()) {
            b = v.bigIntegerValue();
        } else {
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                err("J-12", p, v, "seed must be a finite number");
                return null;
            }
            if (d != Math.rint(d)) {
                err("J-6", p, v, "seed must be an integer");
                return null;
            }
            b = new BigDecimal(d).toBigInteger();
        }
        if (b.signum() < 0 || b.compareTo(LONG_MAX) > 0) {
            seedErrors.add(new SpecIssue("P-2", p, JsonText.raw(v), "seed must be in 0 … 2^63-1"));
            return null;
        }
        return NODES.numberNode(b.longValue());
    }

    private JsonNode tuple(JsonNode v, String p, int n, String name) {
        if (v == null || !v.isArray() || v.size() != n) {
            if (v != null && v.isNull()) {
                err("J-4", p, v, name + " must be an array of exactly " + n + " numbers, not null");
            } else {
                err("J-10", p, v, name + " must be an array of exactly " + n + " numbers");
            }
            return null;
        }
        ArrayNode out = NODES.arrayNode();
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            JsonNode e = v.get(i);
            String at = p + "[" + i + "]";
            if (e.isNull()) {
                err("J-4", at, e, name + " elements must be numbers, not null");
                ok = false;
                continue;
            }
            Double d = number(e, at, name + " element");
            if (d == null) {
                ok = false;
            } else {
                out.add(d);
            }
        }
        return ok ? out : null;
    }

    private static String typeName(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return v.getNodeType().toString().toLowerCase();
    }

    private static String quoted(List<String> l) {
        List<String> q = new ArrayList<>();
        for (String s : l) {
            q.add("\"" + s + "\"");
        }
        return String.join(", ", q);
    }

    private static String describeType(FieldDef f) {
        return switch (f.type()) {
            case FLOAT -> "a number";
            case INT, SEED -> "an integer";
            case BOOL -> "true or false";
            case ENUM -> "one of " + quoted(f.choices());
            case FLOAT_OR_AUTO -> "a number or \"auto\"";
            case FLOAT_PAIR -> "[number, number]";
            case MODEL -> "an object";
            default -> "a list";
        };
    }
}
