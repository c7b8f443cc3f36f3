package org.minisim.spec.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;

/**
 * One declared field of a spec model.
 *
 * @param name         JSON member name
 * @param type         JSON shape
 * @param nullable     whether {@code null} is accepted (a {@code T?} field)
 * @param defaultValue canonical default value (null for required fields and for MODEL fields defaulting to
 *                     "all defaults")
 * @param required     a missing member is an error (J-3)
 * @param bound        numeric constraint, or null
 * @param choices      closed string set of an ENUM, else empty
 * @param model        nested model of MODEL / MODEL_LIST fields, else null
 */
public record FieldDef(String name, FieldType type, boolean nullable, JsonNode defaultValue, boolean required,
                       Bound bound, List<String> choices, Supplier<ModelDef> model) {

    /** @return the nested model (MODEL / MODEL_LIST) */
    public ModelDef modelDef() {
        return model == null ? null : model.get();
    }
}
