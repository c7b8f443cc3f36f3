package org.minisim.spec.json;

import static org.minisim.spec.json.JsonText.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.minisim.spec.StepKind;

/**
 * The spec schema of docs/spec.md#the-object-tree as data: every model, its fields in declaration (= canonical) order,
 * types, defaults and bounds. The reader, the canonical writer and the sweep path resolver all walk this one table.
 */
public final class Schema {
    private Schema() {
    }

    // ---------------------------------------------------------------- field constructors

    static FieldDef flt(String n, double def, Bound b) {
        return new FieldDef(n, FieldType.FLOAT, false, NODES.numberNode(def), false, b, List.of(), null);
    }

    static FieldDef fltOpt(String n) {
        return new FieldDef(n, FieldType.FLOAT, true, NODES.nullNode(), false, null, List.of(), null);
    }

    static FieldDef integer(String n, int def, Bound b) {
        return new FieldDef(n, FieldType.INT, false, NODES.numberNode(def), false, b, List.of(), null);
    }

    static FieldDef bool(String n, boolean def) {
        return new FieldDef(n, FieldType.BOOL, false, NODES.booleanNode(def), false, null, List.of(), null);
    }

    static FieldDef choice(String n, String def, String... choices) {
        return new FieldDef(n, FieldType.ENUM, false, NODES.textNode(def), false, null, List.of(choices), null);
    }

    static FieldDef auto(String n) {
        return new FieldDef(n, FieldType.FLOAT_OR_AUTO, false, NODES.textNode("auto"), false, null, List.of(), null);
    }

    static FieldDef pair(String n, double a, double b) {
        ArrayNode d = NODES.arrayNode().add(a).add(b);
        return new FieldDef(n, FieldType.FLOAT_PAIR, false, d, false, null, List.of(), null);
    }

    static FieldDef listOpt(String n, FieldType t) {
        return new FieldDef(n, t, true, NODES.nullNode(), false, null, List.of(), null);
    }

    static FieldDef model(String n, Supplier<ModelDef> m) {
        return new FieldDef(n, FieldType.MODEL, false, null, false, null, List.of(), m);
    }

    static FieldDef kind() {
        return new FieldDef("kind", FieldType.KIND, false, null, false, null, List.of(), null);
    }

    // ---------------------------------------------------------------- models

    public static final ModelDef OPTICS = new ModelDef("Optics", List.of(
            flt("na", 0.45, Bound.POSITIVE),
            flt("magnification", 8.0, Bound.POSITIVE),
            flt("emission_nm", 525.0, Bound.POSITIVE),
            auto("depth_of_field_um"),
            fltOpt("field_curvature_radius_um")), null);

    public static final ModelDef IMAGE_SENSOR = new ModelDef("ImageSensor", List.of(
            integer("n_px_height", 256, Bound.POSITIVE),
            integer("n_px_width", 256, Bound.POSITIVE),
            flt("pixel_pitch_um", 3.0, Bound.POSITIVE),
            flt("quantum_efficiency", 0.7, Bound.UNIT_OPEN_LO),
            flt("read_noise_e", 2.0, Bound.NON_NEGATIVE),
            flt("gain_adu_per_e", 1.0, Bound.POSITIVE),
            integer("bit_depth", 8, Bound.POSITIVE)), null);

    public static final ModelDef TISSUE = new ModelDef("Tissue", List.of(
            flt("scatter_mfp_excitation_um", 600.0, Bound.POSITIVE),
            flt("scatter_mfp_emission_um", 100.0, Bound.POSITIVE),
            flt("scatter_blur_per_um", 0.05, Bound.NON_NEGATIVE)), null);

    public static final ModelDef ACQUISITION = new ModelDef("Acquisition", List.of(
            model("optics", () -> OPTICS),
            model("image_sensor", () -> IMAGE_SENSOR),
            model("tissue", () -> TISSUE),
            flt("fps", 20.0, Bound.POSITIVE),
            flt("duration_s", 150.0, Bound.POSITIVE),
            auto("focal_depth_in_tissue_um"),
            fltOpt("front_working_distance_um")), null);

    public static final ModelDef OUTPUT = new ModelDef("Output", List.of(
            bool("save_intermediates", false),
            choice("store_dtype", "float32", "float32", "float64")), null);

    /** The nine population fields shared by NeuronPopulation and PlaceNeurons. */
    private static List<FieldDef> populationFields() {
        return List.of(
                flt("density_per_mm3", 25000.0, Bound.POSITIVE),
                flt("soma_radius_um", 7.0, Bound.POSITIVE),
                flt("irregularity", 0.3, Bound.UNIT_CLOSED),
                choice("morphology", "soma", "soma", "cytosolic"),
                flt("dendrite_length_um", 24.0, Bound.POSITIVE),
                flt("dendrite_width_um", 3.0, Bound.POSITIVE),
                pair("depth_range_um", 0.0, 200.0),
                flt("min_distance_um", 0.0, Bound.NON_NEGATIVE),
                listOpt("positions_um", FieldType.TRIPLE_LIST));
    }

    public static final ModelDef NEURON_POPULATION = new ModelDef("NeuronPopulation", populationFields(), null);

    public static final ModelDef VESSEL_LAYER = new ModelDef("VesselLayer", List.of(
            flt("depth_um", 30.0, Bound.NON_NEGATIVE),
            integer("n_roots", 4, Bound.AT_LEAST_ONE),
            flt("root_radius_um", 22.0, Bound.POSITIVE),
            flt("min_radius_um", 2.0, Bound.POSITIVE),
            flt("opacity", 0.85, Bound.UNIT_OPEN_LO),
            flt("absorption_per_um", 0.04, Bound.POSITIVE),
            flt("branch_prob", 0.2, Bound.UNIT_OPEN_HI),
            flt("tortuosity_deg", 8.0, Bound.NON_NEGATIVE),
            flt("branch_angle_deg", 30.0, Bound.NON_NEGATIVE),
            flt("branch_area_main", 0.7, Bound.HALF_TO_ONE_OPEN),
            flt("step_per_radius", 1.5, Bound.POSITIVE)), null);

    private static final Map<StepKind, ModelDef> STEPS = new EnumMap<>(StepKind.class);

    static {
        List<FieldDef> pn = new ArrayList<>(populationFields());
        pn.add(kind());
        pn.add(new FieldDef("populations", FieldType.MODEL_LIST, true, NODES.nullNode(), false, null, List.of(),
                () -> NEURON_POPULATION));
        step(StepKind.PLACE_NEURONS, "PlaceNeurons", pn);
        step(StepKind.CELL_ACTIVITY, "CellActivity", withKind(
                flt("spike_sim_hz", 300.0, Bound.POSITIVE),
                flt("p_quiescent_to_active", 0.005, Bound.POSITIVE),
                flt("p_active_to_quiescent", 0.3, Bound.POSITIVE),
                flt("active_rate_hz", 150.0, Bound.POSITIVE),
                flt("quiescent_rate_hz", 0.6, Bound.NON_NEGATIVE),
                flt("tau_rise_s", 0.05, Bound.POSITIVE),
                flt("tau_decay_s", 0.5, Bound.POSITIVE),
                flt("brightness_cv", 0.3, Bound.NON_NEGATIVE),
                flt("f0", 1.0, Bound.NON_NEGATIVE),
                flt("trace_noise", 0.0, Bound.NON_NEGATIVE)));
        step(StepKind.BLEACHING, "Bleaching", withKind(
                flt("bleach_susceptibility", 6.3e-6, Bound.NON_NEGATIVE),
                flt("turnover_tau_s", 20000.0, Bound.POSITIVE),
                flt("excitation_intensity", 1.0, Bound.NON_NEGATIVE)));
        step(StepKind.OPTICS, "CellOptics", withKind());
        step(StepKind.COMPOSITE, "Composite", withKind());
        step(StepKind.NEUROPIL, "Neuropil", withKind(
                flt("spatial_sigma_um", 40.0, Bound.POSITIVE),
                flt("temporal_tau_s", 10.0, Bound.POSITIVE),
                flt("population_tau_s", 1.5, Bound.POSITIVE),
                flt("amplitude", 0.5, Bound.POSITIVE),
                integer("n_components", 3, Bound.AT_LEAST_ONE),
                flt("population_coupling", 0.7, Bound.UNIT_CLOSED)));
        step(StepKind.VASCULATURE, "Vasculature", withKind(
                bool("enabled", false),
                new FieldDef("layers", FieldType.MODEL_LIST, false, NODES.arrayNode(), false, null, List.of(),
                        () -> VESSEL_LAYER)));
        step(StepKind.BRAIN_MOTION, "BrainMotion", withKind(
                choice("model", "physical", "physical", "walk"),
                listOpt("trajectory_um", FieldType.PAIR_LIST),
                flt("max_shift_um", 15.0, Bound.POSITIVE),
                flt("locomotion_freq_hz", 7.0, Bound.POSITIVE),
                flt("motion_amplitude_um", 10.0, Bound.POSITIVE),
                choice("locomotion_axis", "y", "y", "x"),
                flt("resonance_freq_hz", 6.0, Bound.POSITIVE),
                flt("damping_ratio", 0.5, Bound.POSITIVE),
                flt("locomotion_fraction", 0.25, Bound.UNIT_CLOSED),
                flt("walk_step_um", 0.3, Bound.NON_NEGATIVE)));
        step(StepKind.ILLUMINATION_PROFILE, "IlluminationProfile", withKind(
                flt("falloff", 0.7, Bound.UNIT_CLOSED),
                flt("exponent", 2.0, Bound.POSITIVE),
                pair("center_offset_um", 0.0, 0.0)));
        step(StepKind.VIGNETTE, "Vignette", withKind(
                flt("falloff", 0.5, Bound.UNIT_CLOSED),
                flt("exponent", 2.0, Bound.POSITIVE),
                pair("center_offset_um", 0.0, 0.0)));
        step(StepKind.LEAKAGE, "Leakage", withKind(
                choice("profile", "gaussian", "uniform", "gaussian"),
                flt("level", 0.1, Bound.NON_NEGATIVE),
                fltOpt("sigma_um")));
        step(StepKind.SENSOR, "Sensor", withKind(
                flt("photons_per_unit", 100.0, Bound.POSITIVE)));
    }

    private static List<FieldDef> withKind(FieldDef... fields) {
        List<FieldDef> l = new ArrayList<>();
        l.add(kind());
        l.addAll(List.of(fields));
        return l;
    }

    private static void step(StepKind k, String name, List<FieldDef> fields) {
        STEPS.put(k, new ModelDef(name, List.copyOf(fields), k));
    }

    /** @return the model of a step kind */
    public static ModelDef step(StepKind k) {
        return STEPS.get(k);
    }

    /** The top-level Spec model; {@code steps} is required. */
    public static final ModelDef SPEC = new ModelDef("Spec", List.of(
            model("acquisition", () -> ACQUISITION),
            new FieldDef("seed", FieldType.SEED, false, NODES.numberNode(42L), false, null, List.of(), null),
            new FieldDef("steps", FieldType.STEP_LIST, false, null, true, null, List.of(), null),
            model("output", () -> OUTPUT)), null);

    static FieldDef requiredModel(String n, Supplier<ModelDef> m) {
        return new FieldDef(n, FieldType.MODEL, false, null, true, null, List.of(), m);
    }

    static FieldDef optionalModel(String n, Supplier<ModelDef> m) {
        return new FieldDef(n, FieldType.MODEL, true, NODES.nullNode(), false, null, List.of(), m);
    }

    /** Scope (docs/spec.md#scope): hardware preset; nested steps may omit {@code kind}. */
    public static final ModelDef SCOPE = new ModelDef("Scope", List.of(
            requiredModel("optics", () -> OPTICS),
            requiredModel("image_sensor", () -> IMAGE_SENSOR),
            optionalModel("illumination", () -> step(StepKind.ILLUMINATION_PROFILE)),
            optionalModel("vignette", () -> step(StepKind.VIGNETTE)),
            optionalModel("leakage", () -> step(StepKind.LEAKAGE)),
            flt("photons_per_unit", 100.0, Bound.POSITIVE),
            auto("focal_depth_in_tissue_um"),
            fltOpt("front_working_distance_um")), null);

    /** Region (docs/spec.md#region): biology preset. */
    public static final ModelDef REGION = new ModelDef("Region", List.of(
            requiredModel("population", () -> NEURON_POPULATION),
            requiredModel("tissue", () -> TISSUE),
            optionalModel("neuropil", () -> step(StepKind.NEUROPIL)),
            optionalModel("vasculature", () -> step(StepKind.VASCULATURE))), null);

    /**
     * The {@code build_spec} arguments other than scope and region (docs/spec.md#build_spec), as read from a sweep
     * file's {@code base_preset}. Values are range-checked once they are in the built spec.
     */
    public static final ModelDef BUILD_ARGS = new ModelDef("build_spec", List.of(
            new FieldDef("duration_s", FieldType.FLOAT, false, NODES.numberNode(150.0), false, null, List.of(), null),
            new FieldDef("fps", FieldType.FLOAT, false, NODES.numberNode(20.0), false, null, List.of(), null),
            new FieldDef("seed", FieldType.SEED, false, NODES.numberNode(0L), false, null, List.of(), null),
            new FieldDef("populations", FieldType.MODEL_LIST, true, NODES.nullNode(), false, null, List.of(),
                    () -> NEURON_POPULATION),
            optionalModel("activity", () -> step(StepKind.CELL_ACTIVITY)),
            optionalModel("sensor", () -> step(StepKind.SENSOR)),
            new FieldDef("extra_steps", FieldType.STEP_LIST, false, NODES.arrayNode(), false, null, List.of(), null),
            bool("include_neuropil", true),
            bool("include_vasculature", true),
            bool("include_scope_fields", true),
            bool("save_intermediates", false)), null);

    /** @return the default value node of a field (a fresh copy) */
    static JsonNode defaultOf(FieldDef f) {
        return f.defaultValue() == null ? null : f.defaultValue().deepCopy();
    }
}
