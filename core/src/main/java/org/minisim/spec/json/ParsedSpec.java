package org.minisim.spec.json;

import java.util.List;
import org.minisim.spec.Spec;

/**
 * A validated spec with the warnings (W rules) it raised; warnings never change the spec or its key.
 *
 * @param spec     the validated spec, steps in canonical order
 * @param warnings W-1/W-2 findings, possibly empty
 */
public record ParsedSpec(Spec spec, List<SpecIssue> warnings) {
    public ParsedSpec {
        warnings = List.copyOf(warnings);
    }
}
