package org.minisim.spec.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minisim.spec.Spec;

/**
 * Reads and validates specs exactly as docs/spec.md#validation says: J and F rules over the whole tree, M rules of each
 * model whose fields passed, then (if nothing failed) N-1, S-1…S-4, P-2…P-6, and the warnings W-1, W-2. Every error is
 * reported at once in one {@link SpecValidationException}.
 */
public final class SpecReader {
    private SpecReader() {
    }

    /**
     * Parse and validate a spec document.
     *
     * @throws SpecValidationException with every error found
     */
    public static ParsedSpec read(String jsonText) {
        JsonText.Parsed p = JsonText.parse(jsonText, "J-1", "J-13");
        if (!p.ok()) {
            throw new SpecValidationException(List.of(p.error()));
        }
        return read(p.tree());
    }

    /**
     * Validate a spec given as a JSON tree (input form: any subset of members, steps in any order).
     *
     * @throws SpecValidationException with every error found
     */
    public static ParsedSpec read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new SpecValidationException(List.of(new SpecIssue("J-1", "", JsonText.raw(tree),
                    "a spec must be one JSON object")));
        }
        TreeValidator.Result r = TreeValidator.walk(Schema.SPEC, tree, "");
        if (!r.ok()) {
            throw new SpecValidationException(r.errors());
        }
        return finish(r.node());
    }

    /**
     * Validate a programmatically built spec (F/M/S/P rules on its canonical tree).
     *
     * @throws SpecValidationException with every error found
     */
    public static ParsedSpec validate(Spec spec) {
        return read(SpecTrees.tree(spec));
    }

    /** S-2: unreachable after N-1 (ranks respect prerequisites); kept as an internal assertion. */
    private static void assertPrerequisitesPrecede(Spec spec) {
        List<org.minisim.spec.Step> steps = spec.steps();
        for (int i = 0; i < steps.size(); i++) {
            for (int j = i + 1; j < steps.size(); j++) {
                if (steps.get(i).kind().requires().contains(steps.get(j).kind())) {
                    throw new IllegalStateException("S-2 violated after sorting: " + steps.get(j).kind().jsonName()
                            + " follows " + steps.get(i).kind().jsonName());
                }
            }
        }
    }

    private static ParsedSpec finish(ObjectNode norm) {
        List<SpecIssue> errors = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode s : norm.get("steps")) {
            counts.merge(s.get("kind").textValue(), 1, Integer::sum);
        }
        List<String> dups = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c > 1) {
                dups.add(k);
            }
        });
        if (!dups.isEmpty()) {
            errors.add(new SpecIssue("S-1", "steps", String.join(",", dups),
                    "duplicate step kind(s) in spec: " + String.join(", ", dups) + "; each kind may appear once"));
        }
        Spec spec = SpecTrees.bind(norm); // N-1: the record sorts its steps stably by rank
        assertPrerequisitesPrecede(spec);
        errors.addAll(SpecRules.errors(spec));
        if (!errors.isEmpty()) {
            throw new SpecValidationException(errors);
        }
        return new ParsedSpec(spec, SpecRules.warnings(spec));
    }
}
