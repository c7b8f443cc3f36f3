package org.minisim.spec.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The M rules of docs/spec.md#m-rules, run on a model's normalised node once its own fields are valid.
 */
final class ModelRules {
    private ModelRules() {
    }

    static void check(ModelDef m, ObjectNode n, String path, List<SpecIssue> out) {
        switch (m.name()) {
            case "Optics" -> {
                JsonNode dof = n.get("depth_of_field_um");
                if (dof != null && dof.isNumber() && dof.doubleValue() <= 0) {
                    out.add(issue("M-1", path, "depth_of_field_um", dof,
                            "depth_of_field_um must be > 0 or \"auto\""));
                }
                JsonNode r = n.get("field_curvature_radius_um");
                if (r != null && r.isNumber() && r.doubleValue() <= 0) {
                    out.add(issue("M-2", path, "field_curvature_radius_um", r,
                            "field_curvature_radius_um must be > 0 or null (flat field)"));
                }
            }
            case "Acquisition" -> {
                JsonNode f = n.get("focal_depth_in_tissue_um");
                if (f != null && f.isNumber() && f.doubleValue() < 0) {
                    out.add(issue("M-3", path, "focal_depth_in_tissue_um", f,
                            "focal_depth_in_tissue_um must be >= 0 or \"auto\""));
                }
                JsonNode w = n.get("front_working_distance_um");
                if (w != null && w.isNumber() && w.doubleValue() <= 0) {
                    out.add(issue("M-4", path, "front_working_distance_um", w,
                            "front_working_distance_um must be > 0 or null"));
                }
            }
            case "NeuronPopulation" -> depthRange(n, path, out);
            case "PlaceNeurons" -> {
                depthRange(n, path, out);
                JsonNode pops = n.get("populations");
                if (pops != null && pops.isArray()) {
                    if (pops.isEmpty()) {
                        out.add(issue("M-6", path, "populations", pops,
                                "populations must not be empty: use null (the step as one population) or list at"
                                        + " least one population"));
                    }
                    List<String> changed = new ArrayList<>();
                    for (FieldDef f : Schema.NEURON_POPULATION.fields()) {
                        JsonNode v = n.get(f.name());
                        if (v != null && !sameValue(v, f.defaultValue())) {
                            changed.add(f.name());
                        }
                    }
                    if (!changed.isEmpty()) {
                        out.add(new SpecIssue("M-7", TreeValidator.child(path, changed.get(0)),
                                JsonText.raw(n.get(changed.get(0))),
                                "with populations set, the step-level population fields must keep their defaults;"
                                        + " move " + String.join(", ", changed) + " into the populations"));
                    }
                }
            }
            case "VesselLayer" -> {
                JsonNode lo = n.get("min_radius_um");
                JsonNode hi = n.get("root_radius_um");
                if (lo != null && hi != null && lo.doubleValue() >= hi.doubleValue()) {
                    out.add(issue("M-8", path, "min_radius_um", lo,
                            "min_radius_um must be < root_radius_um (" + JsonFloat.format(hi.doubleValue()) + ")"));
                }
            }
            case "BrainMotion" -> {
                JsonNode model = n.get("model");
                JsonNode amp = n.get("motion_amplitude_um");
                JsonNode max = n.get("max_shift_um");
                if (model != null && "physical".equals(model.textValue()) && amp != null && max != null
                        && amp.doubleValue() > max.doubleValue()) {
                    out.add(issue("M-9", path, "motion_amplitude_um", amp,
                            "motion_amplitude_um must not exceed max_shift_um (" + JsonFloat.format(max.doubleValue())
                                    + ") for the physical model"));
                }
            }
            default -> {
            }
        }
    }

    private static void depthRange(ObjectNode n, String path, List<SpecIssue> out) {
        JsonNode d = n.get("depth_range_um");
        if (d == null || !d.isArray() || d.size() != 2) {
            return;
        }
        double lo = d.get(0).doubleValue();
        double hi = d.get(1).doubleValue();
        if (lo < 0 || hi < lo) {
            out.add(issue("M-5", path, "depth_range_um", d,
                    "depth_range_um must be [lo, hi] with 0 <= lo <= hi"));
        }
    }

    /** Value comparison as the reference does it: numbers by numeric value (so -0.0 equals 0.0). */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static SpecIssue issue(String rule, String path, String field, JsonNode v, String msg) {
        return new SpecIssue(rule, TreeValidator.child(path, field), JsonText.raw(v), msg);
    }
}
