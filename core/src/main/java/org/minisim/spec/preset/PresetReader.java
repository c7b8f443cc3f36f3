package org.minisim.spec.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minisim.spec.CellActivity;
import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.Leakage;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Neuropil;
import org.minisim.spec.Sensor;
import org.minisim.spec.Step;
import org.minisim.spec.Vasculature;
import org.minisim.spec.Vignette;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.ParsedSpec;
import org.minisim.spec.json.Schema;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecTrees;
import org.minisim.spec.json.SpecValidationException;
import org.minisim.spec.json.TreeValidator;

/**
 * Reads {@code build_spec} arguments given as a JSON object (a sweep file's {@code base_preset}, docs/sweeps.md#base):
 * {@code scope}/{@code region} are a preset name or a Scope/Region object, the other members the arguments of
 * docs/spec.md#build_spec. Same strictness as spec models; every error is collected.
 */
public final class PresetReader {
    private PresetReader() {
    }

    /**
     * Build and validate the spec described by {@code args}.
     *
     * @param path path of {@code args} in its document, prefixed to every issue
     * @throws SpecValidationException with every error (argument errors, then spec errors)
     */
    public static ParsedSpec build(JsonNode args, String path) {
        List<SpecIssue> errors = new ArrayList<>();
        if (args == null || !args.isObject()) {
            throw new SpecValidationException(List.of(new SpecIssue("J-1", path, JsonText.raw(args),
                    "build_spec arguments must be a JSON object")));
        }
        Scope scope = scope(args.get("scope"), child(path, "scope"), errors);
        Region region = region(args.get("region"), child(path, "region"), errors);
        ObjectNode rest = ((ObjectNode) args).deepCopy();
        rest.remove("scope");
        rest.remove("region");
        TreeValidator.Result r = TreeValidator.walk(Schema.BUILD_ARGS, rest, path);
        errors.addAll(r.errors());
        if (!errors.isEmpty()) {
            throw new SpecValidationException(errors);
        }
        ObjectNode a = r.node();
        BuildSpec b = BuildSpec.of(scope, region)
                .durationS(a.get("duration_s").doubleValue())
                .fps(a.get("fps").doubleValue())
                .seed(a.get("seed").longValue())
                .includeNeuropil(a.get("include_neuropil").booleanValue())
                .includeVasculature(a.get("include_vasculature").booleanValue())
                .includeScopeFields(a.get("include_scope_fields").booleanValue())
                .saveIntermediates(a.get("save_intermediates").booleanValue());
        if (!a.get("populations").isNull()) {
            List<NeuronPopulation> pops = new ArrayList<>();
            a.get("populations").forEach(p -> pops.add(SpecTrees.population(p)));
            b.populations(pops);
        }
        if (!a.get("activity").isNull()) {
            b.activity((CellActivity) SpecTrees.step(a.get("activity")));
        }
        if (!a.get("sensor").isNull()) {
            b.sensor((Sensor) SpecTrees.step(a.get("sensor")));
        }
        List<Step> extra = new ArrayList<>();
        a.get("extra_steps").forEach(s -> extra.add(SpecTrees.step(s)));
        b.extraSteps(extra);
        return b.build();
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Scope scope(JsonNode v, String p, List<SpecIssue> errors) {
        if (v == null) {
            errors.add(new SpecIssue("J-3", p, "", "build_spec needs a scope: a preset name ("
                    + String.join(", ", Presets.scopeNames()) + ") or a Scope object"));
            return null;
        }
        if (v.isTextual()) {
            Optional<Scope> s = Presets.scope(v.textValue());
            if (s.isEmpty()) {
                errors.add(new SpecIssue("J-8", p, JsonText.raw(v), "unknown scope preset; known: "
                        + String.join(", ", Presets.scopeNames())));
            }
            return s.orElse(null);
        }
        TreeValidator.Result r = TreeValidator.walk(Schema.SCOPE, v, p);
        errors.addAll(r.errors());
        if (!r.ok()) {
            return null;
        }
        ObjectNode n = r.node();
        return new Scope(SpecTrees.optics(n.get("optics")), SpecTrees.imageSensor(n.get("image_sensor")),
                n.get("illumination").isNull() ? null : (IlluminationProfile) SpecTrees.step(n.get("illumination")),
                n.get("vignette").isNull() ? null : (Vignette) SpecTrees.step(n.get("vignette")),
                n.get("leakage").isNull() ? null : (Leakage) SpecTrees.step(n.get("leakage")),
                n.get("photons_per_unit").doubleValue(),
                n.get("focal_depth_in_tissue_um").isTextual() ? org.minisim.spec.AutoDouble.AUTO
                        : org.minisim.spec.AutoDouble.of(n.get("focal_depth_in_tissue_um").doubleValue()),
                n.get("front_working_distance_um").isNull() ? null
                        : n.get("front_working_distance_um").doubleValue());
    }

    private static Region region(JsonNode v, String p, List<SpecIssue> errors) {
        if (v == null) {
            errors.add(new SpecIssue("J-3", p, "", "build_spec needs a region: a preset name ("
                    + String.join(", ", Presets.regionNames()) + ") or a Region object"));
            return null;
        }
        if (v.isTextual()) {
            Optional<Region> s = Presets.region(v.textValue());
            if (s.isEmpty()) {
                errors.add(new SpecIssue("J-8", p, JsonText.raw(v), "unknown region preset; known: "
                        + String.join(", ", Presets.regionNames())));
            }
            return s.orElse(null);
        }
        TreeValidator.Result r = TreeValidator.walk(Schema.REGION, v, p);
        errors.addAll(r.errors());
        if (!r.ok()) {
            return null;
        }
        ObjectNode n = r.node();
        return new Region(SpecTrees.population(n.get("population")), SpecTrees.tissue(n.get("tissue")),
                n.get("neuropil").isNull() ? null : (Neuropil) SpecTrees.step(n.get("neuropil")),
                n.get("vasculature").isNull() ? null : (Vasculature) SpecTrees.step(n.get("vasculature")));
    }
}
