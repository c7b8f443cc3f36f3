package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minisim.spec.StepKind;
import org.minisim.spec.json.FieldDef;
import org.minisim.spec.json.FieldType;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.ModelDef;
import org.minisim.spec.json.Schema;
import org.minisim.spec.json.SpecIssue;

/**
 * A sweep axis path (docs/sweeps.md#paths), parsed and resolved against the schema and the base tree:
 * {@code acquisition.optics.na}, {@code steps.vasculature.layers[0].opacity}, or a whole step {@code steps.neuropil}.
 *
 * @param text      the path as written in the file
 * @param tokens    names ({@link String}) and indexes ({@link Integer}) in order; a steps path starts with
 *                  {@code "steps"} and the kind name
 * @param stepKind  the addressed step kind, or null for a non-step path
 * @param wholeStep true for {@code steps.<KIND>} (value = null to remove or an object to insert/replace)
 * @param leaf      what the path addresses, which fixes its {@code ax_} columns
 */
public record AxisPath(String text, List<Object> tokens, StepKind stepKind, boolean wholeStep, Leaf leaf) {

    /** Shape of the addressed value. */
    public enum Leaf {
        /** a number (or "auto"): one {@code ax_} column. */
        NUMBER,
        /** a 2-number array: {@code _lo} and {@code _hi} columns. */
        PAIR,
        /** anything else: no column. */
        OTHER
    }

    private static final Pattern GRAMMAR = Pattern.compile(
            "[a-z][a-z0-9_]*(\\[(0|[1-9][0-9]*)\\])*(\\.[a-z][a-z0-9_]*(\\[(0|[1-9][0-9]*)\\])*)*");
    private static final Pattern TOKEN = Pattern.compile("([a-z][a-z0-9_]*)|\\[([0-9]+)\\]");

    /** @return the {@code ax_} base name: {@code .} → {@code __}, {@code [i]} → {@code _i} */
    public String columnName() {
        return "ax_" + text.replace(".", "__").replaceAll("\\[([0-9]+)\\]", "_$1");
    }

    /** @return the tokens as comparable segment keys ({@code name} or {@code [i]}) for the prefix rule */
    List<String> segmentKeys() {
        List<String> out = new ArrayList<>();
        for (Object t : tokens) {
            out.add(t instanceof Integer i ? "[" + i + "]" : (String) t);
        }
        return out;
    }

    /** Resolution state while walking the schema. */
    private sealed interface State permits InModel, InField, InTuple, AtNumber {
    }

    private record InModel(ModelDef model) implements State {
    }

    private record InField(FieldDef field) implements State {
    }

    private record InTuple(int size) implements State {
    }

    private record AtNumber() implements State {
    }

    /**
     * Parse and resolve {@code text}.
     *
     * @param base   the canonical base tree, or null when the base is invalid (presence checks are then skipped)
     * @param where  axis position for messages, e.g. {@code axes[1].zip[0]}
     * @param errors receives SW-7…SW-11 issues
     * @return the resolved path, or empty after an error
     */
    static Optional<AxisPath> resolve(String text, JsonNode base, String where, List<SpecIssue> errors) {
        if (!GRAMMAR.matcher(text).matches()) {
            errors.add(issue("SW-7", text, where, "path does not follow the grammar NAME([INDEX])*(.NAME([INDEX])*)*"
                    + " with lower-case names and indexes without leading zeros"));
            return Optional.empty();
        }
        List<Object> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        State state = new InModel(Schema.SPEC);
        JsonNode node = base;
        int i = 0;
        StepKind kind = null;
        if ("steps".equals(tokens.get(0))) {
            if (tokens.size() == 1) {
                errors.add(issue("SW-11", text, where, "bare steps cannot be swept: address steps.<kind> or "
                        + "steps.<kind>.<field>"));
                return Optional.empty();
            }
            if (!(tokens.get(1) instanceof String kindName)) {
                errors.add(issue("SW-7", text, where, "address a step by its kind (steps.<kind>), not by position"));
                return Optional.empty();
            }
            Optional<StepKind> k = StepKind.fromJsonName(kindName);
            if (k.isEmpty()) {
                errors.add(issue("SW-9", text, where, "'" + kindName + "' is not a step kind; valid kinds: "
                        + kindNames()));
                return Optional.empty();
            }
            kind = k.get();
            if (tokens.size() == 2) {
                return Optional.of(new AxisPath(text, List.copyOf(tokens), kind, true, Leaf.OTHER));
            }
            node = base == null ? null : SweepTrees.findStep(base, kind);
            if (base != null && node == null) {
                errors.add(issue("SW-9", text, where, "the base has no " + kind.jsonName() + " step; add it to the "
                        + "base or sweep the whole step (steps." + kind.jsonName() + ")"));
                return Optional.empty();
            }
            state = new InModel(Schema.step(kind));
            i = 2;
        }
        for (; i < tokens.size(); i++) {
            Object t = tokens.get(i);
            String prefix = prefixText(tokens, i);
            if (t instanceof String name) {
                if (state instanceof InModel im) {
                    if (name.equals("kind")) {
                        errors.add(issue("SW-11", text, where, "kind is not addressable; sweep the whole step "
                                + "(steps.<kind>) to change steps"));
                        return Optional.empty();
                    }
                    Optional<FieldDef> f = im.model().field(name);
                    if (f.isEmpty()) {
                        errors.add(issue("SW-8", text, where, "'" + name + "' is not a field of " + im.model().name()
                                + "; valid fields: " + String.join(", ", im.model().fieldNames())));
                        return Optional.empty();
                    }
                    if (f.get().type() == FieldType.STEP_LIST) {
                        errors.add(issue("SW-7", text, where, "steps are addressed as steps.<kind> at the top"));
                        return Optional.empty();
                    }
                    state = f.get().type() == FieldType.MODEL ? new InModel(f.get().modelDef()) : new InField(f.get());
                    node = node == null ? null : node.get(name);
                } else if (state instanceof InField inf && inf.field().type() == FieldType.MODEL_LIST) {
                    errors.add(issue("SW-10", text, where, prefix + " is a list: index it ("
                            + prefix + "[0]." + name + ")"));
                    return Optional.empty();
                } else {
                    errors.add(issue("SW-10", text, where, "nothing may follow " + prefix + ": it is not an object"));
                    return Optional.empty();
                }
            } else {
                int idx = (Integer) t;
                State next;
                if (state instanceof InField inf) {
                    next = switch (inf.field().type()) {
                        case FLOAT_PAIR -> new AtNumber();
                        case PAIR_LIST -> new InTuple(2);
                        case TRIPLE_LIST -> new InTuple(3);
                        case MODEL_LIST -> new InModel(inf.field().modelDef());
                        default -> null;
                    };
                } else if (state instanceof InTuple) {
                    next = new AtNumber();
                } else {
                    next = null;
                }
                if (next == null) {
                    errors.add(issue("SW-10", text, where, "cannot index " + prefix + ": it is not an array"));
                    return Optional.empty();
                }
                if (base != null) {
                    if (node == null || !node.isArray()) {
                        errors.add(issue("SW-10", text, where, "cannot index " + prefix + ": it is "
                                + (node == null ? "absent" : JsonText.raw(node)) + " in the base"));
                        return Optional.empty();
                    }
                    if (idx >= node.size()) {
                        errors.add(issue("SW-10", text, where, "index " + idx + " is out of range: " + prefix
                                + " has " + node.size() + " element(s) in the base (no append)"));
                        return Optional.empty();
                    }
                    node = node.get(idx);
                }
                state = next;
            }
        }
        Leaf leaf = Leaf.OTHER;
        if (state instanceof AtNumber) {
            leaf = Leaf.NUMBER;
        } else if (state instanceof InTuple tu && tu.size() == 2) {
            leaf = Leaf.PAIR;
        } else if (state instanceof InField inf) {
            FieldType ft = inf.field().type();
            leaf = ft.isScalarNumber() ? Leaf.NUMBER : ft == FieldType.FLOAT_PAIR ? Leaf.PAIR : Leaf.OTHER;
        }
        return Optional.of(new AxisPath(text, List.copyOf(tokens), kind, false, leaf));
    }

    private static String prefixText(List<Object> tokens, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < upTo; j++) {
            Object t = tokens.get(j);
            if (t instanceof Integer k) {
                sb.append('[').append(k).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    static String kindNames() {
        List<String> l = new ArrayList<>();
        for (StepKind k : StepKind.values()) {
            l.add(k.jsonName());
        }
        return String.join(", ", l);
    }

    private static SpecIssue issue(String rule, String path, String where, String msg) {
        return new SpecIssue(rule, path, "", where + ": " + msg);
    }
}
