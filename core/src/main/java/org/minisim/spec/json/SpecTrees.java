package org.minisim.spec.json;

import static org.minisim.spec.json.JsonText.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.minisim.spec.Acquisition;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.Bleaching;
import org.minisim.spec.BrainMotion;
import org.minisim.spec.CellActivity;
import org.minisim.spec.CellOptics;
import org.minisim.spec.Composite;
import org.minisim.spec.DepthRange;
import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Leakage;
import org.minisim.spec.Morphology;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Neuropil;
import org.minisim.spec.Optics;
import org.minisim.spec.Output;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Position3;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.StepKind;
import org.minisim.spec.Tissue;
import org.minisim.spec.Vasculature;
import org.minisim.spec.Vec2;
import org.minisim.spec.VesselLayer;
import org.minisim.spec.Vignette;

/**
 * Converts between the normalised JSON tree (every member present, canonical order) and the spec records. The
 * record → tree direction yields exactly the canonical member order of docs/spec.md#canonical-form.
 */
public final class SpecTrees {
    private SpecTrees() {
    }

    // ================================================================ tree -> records

    /** Bind a normalised, valid spec tree. */
    public static Spec bind(JsonNode n) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : n.get("steps")) {
            steps.add(step(s));
        }
        return new Spec(acquisition(n.get("acquisition")), n.get("seed").longValue(), steps,
                output(n.get("output")));
    }

    public static Acquisition acquisition(JsonNode n) {
        return new Acquisition(optics(n.get("optics")), imageSensor(n.get("image_sensor")), tissue(n.get("tissue")),
                d(n, "fps"), d(n, "duration_s"), auto(n.get("focal_depth_in_tissue_um")),
                dOpt(n, "front_working_distance_um"));
    }

    public static Optics optics(JsonNode n) {
        return new Optics(d(n, "na"), d(n, "magnification"), d(n, "emission_nm"), auto(n.get("depth_of_field_um")),
                dOpt(n, "field_curvature_radius_um"));
    }

    public static ImageSensor imageSensor(JsonNode n) {
        return new ImageSensor(n.get("n_px_height").intValue(), n.get("n_px_width").intValue(),
                d(n, "pixel_pitch_um"), d(n, "quantum_efficiency"), d(n, "read_noise_e"), d(n, "gain_adu_per_e"),
                n.get("bit_depth").intValue());
    }

    public static Tissue tissue(JsonNode n) {
        return new Tissue(d(n, "scatter_mfp_excitation_um"), d(n, "scatter_mfp_emission_um"),
                d(n, "scatter_blur_per_um"));
    }

    static Output output(JsonNode n) {
        return new Output(n.get("save_intermediates").booleanValue(),
                "float64".equals(n.get("store_dtype").textValue()) ? Output.StoreDtype.FLOAT64
                        : Output.StoreDtype.FLOAT32);
    }

    public static NeuronPopulation population(JsonNode n) {
        List<Position3> pos = null;
        JsonNode p = n.get("positions_um");
        if (p != null && !p.isNull()) {
            pos = new ArrayList<>();
            for (JsonNode t : p) {
                pos.add(new Position3(t.get(0).doubleValue(), t.get(1).doubleValue(), t.get(2).doubleValue()));
            }
        }
        JsonNode dr = n.get("depth_range_um");
        return new NeuronPopulation(d(n, "density_per_mm3"), d(n, "soma_radius_um"), d(n, "irregularity"),
                "cytosolic".equals(n.get("morphology").textValue()) ? Morphology.CYTOSOLIC : Morphology.SOMA,
                d(n, "dendrite_length_um"), d(n, "dendrite_width_um"),
                new DepthRange(dr.get(0).doubleValue(), dr.get(1).doubleValue()), d(n, "min_distance_um"), pos);
    }

    public static VesselLayer layer(JsonNode n) {
        return new VesselLayer(d(n, "depth_um"), n.get("n_roots").intValue(), d(n, "root_radius_um"),
                d(n, "min_radius_um"), d(n, "opacity"), d(n, "absorption_per_um"), d(n, "branch_prob"),
                d(n, "tortuosity_deg"), d(n, "branch_angle_deg"), d(n, "branch_area_main"), d(n, "step_per_radius"));
    }

    /** Bind one normalised step object. */
    public static Step step(JsonNode n) {
        StepKind k = StepKind.fromJsonName(n.get("kind").textValue()).orElseThrow();
        return switch (k) {
            case PLACE_NEURONS -> {
                List<NeuronPopulation> pops = null;
                JsonNode p = n.get("populations");
                if (p != null && !p.isNull()) {
                    pops = new ArrayList<>();
                    for (JsonNode e : p) {
                        pops.add(population(e));
                    }
                }
                yield new PlaceNeurons(population(n), pops);
            }
            case CELL_ACTIVITY -> new CellActivity(d(n, "spike_sim_hz"), d(n, "p_quiescent_to_active"),
                    d(n, "p_active_to_quiescent"), d(n, "active_rate_hz"), d(n, "quiescent_rate_hz"),
                    d(n, "tau_rise_s"), d(n, "tau_decay_s"), d(n, "brightness_cv"), d(n, "f0"), d(n, "trace_noise"));
            case BLEACHING -> new Bleaching(d(n, "bleach_susceptibility"), d(n, "turnover_tau_s"),
                    d(n, "excitation_intensity"));
            case OPTICS -> new CellOptics();
            case COMPOSITE -> new Composite();
            case NEUROPIL -> new Neuropil(d(n, "spatial_sigma_um"), d(n, "temporal_tau_s"), d(n, "population_tau_s"),
                    d(n, "amplitude"), n.get("n_components").intValue(), d(n, "population_coupling"));
            case VASCULATURE -> {
                List<VesselLayer> layers = new ArrayList<>();
                for (JsonNode e : n.get("layers")) {
                    layers.add(layer(e));
                }
                yield new Vasculature(n.get("enabled").booleanValue(), layers);
            }
            case BRAIN_MOTION -> {
                List<Vec2> traj = null;
                JsonNode t = n.get("trajectory_um");
                if (t != null && !t.isNull()) {
                    traj = new ArrayList<>();
                    for (JsonNode e : t) {
                        traj.add(new Vec2(e.get(0).doubleValue(), e.get(1).doubleValue()));
                    }
                }
                yield new BrainMotion("walk".equals(n.get("model").textValue()) ? BrainMotion.Model.WALK
                        : BrainMotion.Model.PHYSICAL, traj, d(n, "max_shift_um"), d(n, "locomotion_freq_hz"),
                        d(n, "motion_amplitude_um"), "x".equals(n.get("locomotion_axis").textValue())
                        ? BrainMotion.Axis.X : BrainMotion.Axis.Y, d(n, "resonance_freq_hz"), d(n, "damping_ratio"),
                        d(n, "locomotion_fraction"), d(n, "walk_step_um"));
            }
            case ILLUMINATION_PROFILE -> new IlluminationProfile(d(n, "falloff"), d(n, "exponent"),
                    vec(n.get("center_offset_um")));
            case VIGNETTE -> new Vignette(d(n, "falloff"), d(n, "exponent"), vec(n.get("center_offset_um")));
            case LEAKAGE -> new Leakage("uniform".equals(n.get("profile").textValue()) ? Leakage.Profile.UNIFORM
                    : Leakage.Profile.GAUSSIAN, d(n, "level"), dOpt(n, "sigma_um"));
            case SENSOR -> new Sensor(d(n, "photons_per_unit"));
        };
    }

    private static double d(JsonNode n, String name) {
        return n.get(name).doubleValue();
    }

    private static Double dOpt(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.doubleValue();
    }

    private static AutoDouble auto(JsonNode v) {
        return v.isTextual() ? AutoDouble.AUTO : AutoDouble.of(v.doubleValue());
    }

    private static Vec2 vec(JsonNode v) {
        return new Vec2(v.get(0).doubleValue(), v.get(1).doubleValue());
    }

    // ================================================================ records -> tree

    /** @return the canonical tree of a spec (member order of docs/spec.md#canonical-form; steps in list order) */
    public static ObjectNode tree(Spec s) {
        ObjectNode o = NODES.objectNode();
        o.set("acquisition", tree(s.acquisition()));
        o.put("seed", s.seed());
        ArrayNode steps = o.putArray("steps");
        for (Step st : s.steps()) {
            steps.add(tree(st));
        }
        ObjectNode out = o.putObject("output");
        out.put("save_intermediates", s.output().saveIntermediates());
        out.put("store_dtype", s.output().storeDtype().jsonName());
        return o;
    }

    public static ObjectNode tree(Acquisition a) {
        ObjectNode o = NODES.objectNode();
        o.set("optics", tree(a.optics()));
        o.set("image_sensor", tree(a.imageSensor()));
        o.set("tissue", tree(a.tissue()));
        o.put("fps", a.fps());
        o.put("duration_s", a.durationS());
        o.set("focal_depth_in_tissue_um", auto(a.focalDepthInTissueUm()));
        putOpt(o, "front_working_distance_um", a.frontWorkingDistanceUm());
        return o;
    }

    public static ObjectNode tree(Optics p) {
        ObjectNode o = NODES.objectNode();
        o.put("na", p.na());
        o.put("magnification", p.magnification());
        o.put("emission_nm", p.emissionNm());
        o.set("depth_of_field_um", auto(p.depthOfFieldUm()));
        putOpt(o, "field_curvature_radius_um", p.fieldCurvatureRadiusUm());
        return o;
    }

    public static ObjectNode tree(ImageSensor s) {
        ObjectNode o = NODES.objectNode();
        o.put("n_px_height", s.nPxHeight());
        o.put("n_px_width", s.nPxWidth());
        o.put("pixel_pitch_um", s.pixelPitchUm());
        o.put("quantum_efficiency", s.quantumEfficiency());
        o.put("read_noise_e", s.readNoiseE());
        o.put("gain_adu_per_e", s.gainAduPerE());
        o.put("bit_depth", s.bitDepth());
        return o;
    }

    public static ObjectNode tree(Tissue t) {
        ObjectNode o = NODES.objectNode();
        o.put("scatter_mfp_excitation_um", t.scatterMfpExcitationUm());
        o.put("scatter_mfp_emission_um", t.scatterMfpEmissionUm());
        o.put("scatter_blur_per_um", t.scatterBlurPerUm());
        return o;
    }

    public static ObjectNode tree(NeuronPopulation p) {
        ObjectNode o = NODES.objectNode();
        populationInto(o, p);
        return o;
    }

    private static void populationInto(ObjectNode o, NeuronPopulation p) {
        o.put("density_per_mm3", p.densityPerMm3());
        o.put("soma_radius_um", p.somaRadiusUm());
        o.put("irregularity", p.irregularity());
        o.put("morphology", p.morphology().jsonName());
        o.put("dendrite_length_um", p.dendriteLengthUm());
        o.put("dendrite_width_um", p.dendriteWidthUm());
        o.putArray("depth_range_um").add(p.depthRangeUm().lo()).add(p.depthRangeUm().hi());
        o.put("min_distance_um", p.minDistanceUm());
        if (p.positionsUm() == null) {
            o.putNull("positions_um");
        } else {
            ArrayNode a = o.putArray("positions_um");
            for (Position3 q : p.positionsUm()) {
                a.addArray().add(q.z()).add(q.y()).add(q.x());
            }
        }
    }

    public static ObjectNode tree(VesselLayer l) {
        ObjectNode o = NODES.objectNode();
        o.put("depth_um", l.depthUm());
        o.put("n_roots", l.nRoots());
        o.put("root_radius_um", l.rootRadiusUm());
        o.put("min_radius_um", l.minRadiusUm());
        o.put("opacity", l.opacity());
        o.put("absorption_per_um", l.absorptionPerUm());
        o.put("branch_prob", l.branchProb());
        o.put("tortuosity_deg", l.tortuosityDeg());
        o.put("branch_angle_deg", l.branchAngleDeg());
        o.put("branch_area_main", l.branchAreaMain());
        o.put("step_per_radius", l.stepPerRadius());
        return o;
    }

    /** @return the canonical object of one step */
    public static ObjectNode tree(Step step) {
        ObjectNode o = NODES.objectNode();
        if (step instanceof PlaceNeurons pn) {
            populationInto(o, pn.self());
            o.put("kind", "place_neurons");
            if (pn.populations() == null) {
                o.putNull("populations");
            } else {
                ArrayNode a = o.putArray("populations");
                for (NeuronPopulation p : pn.populations()) {
                    a.add(tree(p));
                }
            }
            return o;
        }
        o.put("kind", step.kind().jsonName());
        if (step instanceof CellActivity c) {
                o.put("spike_sim_hz", c.spikeSimHz());
                o.put("p_quiescent_to_active", c.pQuiescentToActive());
                o.put("p_active_to_quiescent", c.pActiveToQuiescent());
                o.put("active_rate_hz", c.activeRateHz());
                o.put("quiescent_rate_hz", c.quiescentRateHz());
                o.put("tau_rise_s", c.tauRiseS());
                o.put("tau_decay_s", c.tauDecayS());
                o.put("brightness_cv", c.brightnessCv());
                o.put("f0", c.f0());
                o.put("trace_noise", c.traceNoise());
        } else if (step instanceof Bleaching b) {
                o.put("bleach_susceptibility", b.bleachSusceptibility());
                o.put("turnover_tau_s", b.turnoverTauS());
                o.put("excitation_intensity", b.excitationIntensity());
        } else if (step instanceof Neuropil n) {
                o.put("spatial_sigma_um", n.spatialSigmaUm());
                o.put("temporal_tau_s", n.temporalTauS());
                o.put("population_tau_s", n.populationTauS());
                o.put("amplitude", n.amplitude());
                o.put("n_components", n.nComponents());
                o.put("population_coupling", n.populationCoupling());
        } else if (step instanceof Vasculature v) {
                o.put("enabled", v.enabled());
                ArrayNode a = o.putArray("layers");
                for (VesselLayer l : v.layers()) {
                    a.add(tree(l));
                }
        } else if (step instanceof BrainMotion m) {
                o.put("model", m.model().jsonName());
                if (m.trajectoryUm() == null) {
                    o.putNull("trajectory_um");
                } else {
                    ArrayNode a = o.putArray("trajectory_um");
                    for (Vec2 v : m.trajectoryUm()) {
                        a.addArray().add(v.dy()).add(v.dx());
                    }
                }
                o.put("max_shift_um", m.maxShiftUm());
                o.put("locomotion_freq_hz", m.locomotionFreqHz());
                o.put("motion_amplitude_um", m.motionAmplitudeUm());
                o.put("locomotion_axis", m.locomotionAxis().jsonName());
                o.put("resonance_freq_hz", m.resonanceFreqHz());
                o.put("damping_ratio", m.dampingRatio());
                o.put("locomotion_fraction", m.locomotionFraction());
                o.put("walk_step_um", m.walkStepUm());
        } else if (step instanceof IlluminationProfile i) {
            radial(o, i.falloff(), i.exponent(), i.centerOffsetUm());
        } else if (step instanceof Vignette v) {
            radial(o, v.falloff(), v.exponent(), v.centerOffsetUm());
        } else if (step instanceof Leakage l) {
                o.put("profile", l.profile().jsonName());
                o.put("level", l.level());
                putOpt(o, "sigma_um", l.sigmaUm());
        } else if (step instanceof Sensor s) {
            o.put("photons_per_unit", s.photonsPerUnit());
        }
        return o;
    }

    private static void radial(ObjectNode o, double falloff, double exponent, Vec2 c) {
        o.put("falloff", falloff);
        o.put("exponent", exponent);
        o.putArray("center_offset_um").add(c.dy()).add(c.dx());
    }

    private static JsonNode auto(AutoDouble a) {
        return a.auto() ? NODES.textNode("auto") : NODES.numberNode(a.value());
    }

    private static void putOpt(ObjectNode o, String name, Double v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v.doubleValue());
        }
    }
}
