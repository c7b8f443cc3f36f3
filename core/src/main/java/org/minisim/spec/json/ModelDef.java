package org.minisim.spec.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minisim.spec.StepKind;

/**
 * A spec model: its name (used in rule ids such as {@code F:Optics.na}) and its fields in declaration order,
 * which is also the canonical member order.
 *
 * @param name   model name as in docs/spec.md#the-object-tree (Optics, VesselLayer, PlaceNeurons …)
 * @param fields fields in declaration order (a step model includes its {@code kind} field where it belongs)
 * @param kind   the step kind of a step model, else null
 */
public record ModelDef(String name, List<FieldDef> fields, StepKind kind) {

    /** @return the field of that name */
    public Optional<FieldDef> field(String n) {
        for (FieldDef f : fields) {
            if (f.name().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** @return the addressable field names (without {@code kind}) */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        for (FieldDef f : fields) {
            if (f.type() != FieldType.KIND) {
                out.add(f.name());
            }
        }
        return out;
    }
}
