package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minisim.spec.StepKind;

/** Setting a swept value into a spec tree and reading the validated value back at a path. */
final class SweepTrees {
    private SweepTrees() {
    }

    /** @return the step object of that kind in a tree's {@code steps}, or null */
    static JsonNode findStep(JsonNode root, StepKind kind) {
        int i = stepIndex(root, kind);
        return i < 0 ? null : root.get("steps").get(i);
    }

    private static int stepIndex(JsonNode root, StepKind kind) {
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray()) {
            return -1;
        }
        for (int i = 0; i < steps.size(); i++) {
            JsonNode k = steps.get(i).get("kind");
            if (k != null && kind.jsonName().equals(k.asText())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Replace the value at {@code p} in {@code root} (a copy of the base's canonical tree) by a copy of
     * {@code value}; whole-step paths remove ({@code null}) or insert/replace a step.
     */
    static void set(ObjectNode root, AxisPath p, JsonNode value) {
        JsonNode v = value.deepCopy();
        int start = 0;
        JsonNode container = root;
        if (p.stepKind() != null) {
            ArrayNode steps = (ArrayNode) root.get("steps");
            int i = stepIndex(root, p.stepKind());
            if (p.wholeStep()) {
                if (v.isNull()) {
                    if (i >= 0) {
                        steps.remove(i);
                    }
                    return;
                }
                if (v.isObject() && !v.has("kind")) {
                    ((ObjectNode) v).put("kind", p.stepKind().jsonName());
                }
                if (i >= 0) {
                    steps.set(i, v);
                } else {
                    steps.add(v);
                }
                return;
            }
            container = steps.get(i);
            start = 2;
        }
        for (int t = start; t < p.tokens().size() - 1; t++) {
            container = child(container, p.tokens().get(t));
        }
        Object last = p.tokens().get(p.tokens().size() - 1);
        if (last instanceof Integer idx) {
            ((ArrayNode) container).set(idx, v);
        } else {
            ((ObjectNode) container).set((String) last, v);
        }
    }

    /** @return the value at {@code p} in a canonical tree; JSON null when the step is absent */
    static JsonNode get(JsonNode root, AxisPath p) {
        JsonNode n = root;
        int start = 0;
        if (p.stepKind() != null) {
            n = findStep(root, p.stepKind());
            start = 2;
        }
        for (int t = start; t < p.tokens().size() && n != null; t++) {
            n = child(n, p.tokens().get(t));
        }
        return n == null ? NullNode.getInstance() : n;
    }

    private static JsonNode child(JsonNode n, Object token) {
        return token instanceof Integer i ? n.get(i) : n.get((String) token);
    }
}
