package org.minisim.spec.preset;

import java.util.ArrayList;
import java.util.List;
import org.minisim.spec.Acquisition;
import org.minisim.spec.CellActivity;
import org.minisim.spec.CellOptics;
import org.minisim.spec.Composite;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Output;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.json.ParsedSpec;
import org.minisim.spec.json.SpecReader;

/**
 * {@code build_spec(scope, region, …)} of docs/spec.md#build_spec: assembles a spec from a scope and a region.
 * Defaults: duration 150 s, 20 fps, <b>seed 0</b>, every {@code include_*} true. Use
 * {@code BuildSpec.of(scope, region).durationS(30).build()}.
 */
public final class BuildSpec {
    private final Scope scope;
    private final Region region;
    private double durationS = 150.0;
    private double fps = 20.0;
    private long seed = 0L;
    private List<NeuronPopulation> populations;
    private CellActivity activity;
    private Sensor sensor;
    private List<Step> extraSteps = List.of();
    private boolean includeNeuropil = true;
    private boolean includeVasculature = true;
    private boolean includeScopeFields = true;
    private boolean saveIntermediates;

    private BuildSpec(Scope scope, Region region) {
        this.scope = scope;
        this.region = region;
    }

    /** Start from a scope and a region with every other argument at its default. */
    public static BuildSpec of(Scope scope, Region region) {
        if (scope == null || region == null) {
            throw new IllegalArgumentException("build_spec needs a scope and a region");
        }
        return new BuildSpec(scope, region);
    }

    /**
     * {@code build_spec(scope, region)} with every other argument at its default (150 s, 20 fps, seed 0).
     *
     * @throws org.minisim.spec.json.SpecValidationException when a rule fails
     */
    public static ParsedSpec build(Scope scope, Region region) {
        return of(scope, region).build();
    }

    /** @param v recording length, s */
    public BuildSpec durationS(double v) {
        durationS = v;
        return this;
    }

    /** @param v frame rate, Hz */
    public BuildSpec fps(double v) {
        fps = v;
        return this;
    }

    public BuildSpec seed(long v) {
        seed = v;
        return this;
    }

    /** @param v populations replacing {@code [region.population]}, or null */
    public BuildSpec populations(List<NeuronPopulation> v) {
        populations = v == null ? null : List.copyOf(v);
        return this;
    }

    /** @param v the activity step, or null for a default {@code cell_activity} */
    public BuildSpec activity(CellActivity v) {
        activity = v;
        return this;
    }

    /** @param v the sensor step, or null for the scope's {@code photons_per_unit} */
    public BuildSpec sensor(Sensor v) {
        sensor = v;
        return this;
    }

    /** @param v steps appended last */
    public BuildSpec extraSteps(List<Step> v) {
        extraSteps = List.copyOf(v);
        return this;
    }

    public BuildSpec includeNeuropil(boolean v) {
        includeNeuropil = v;
        return this;
    }

    public BuildSpec includeVasculature(boolean v) {
        includeVasculature = v;
        return this;
    }

    public BuildSpec includeScopeFields(boolean v) {
        includeScopeFields = v;
        return this;
    }

    public BuildSpec saveIntermediates(boolean v) {
        saveIntermediates = v;
        return this;
    }

    /** @return the assembled spec, not yet validated */
    public Spec assemble() {
        Acquisition acq = new Acquisition(scope.optics(), scope.imageSensor(), region.tissue(), fps, durationS,
                scope.focalDepthInTissueUm(), scope.frontWorkingDistanceUm());
        List<Step> steps = new ArrayList<>();
        steps.add(new PlaceNeurons(NeuronPopulation.DEFAULTS,
                populations != null ? populations : List.of(region.population())));
        steps.add(activity != null ? activity : CellActivity.DEFAULTS);
        steps.add(new CellOptics());
        steps.add(new Composite());
        if (includeNeuropil && region.neuropil() != null) {
            steps.add(region.neuropil());
        }
        if (includeVasculature && region.vasculature() != null) {
            steps.add(region.vasculature());
        }
        if (includeScopeFields) {
            if (scope.illumination() != null) {
                steps.add(scope.illumination());
            }
            if (scope.vignette() != null) {
                steps.add(scope.vignette());
            }
            if (scope.leakage() != null) {
                steps.add(scope.leakage());
            }
        }
        steps.add(sensor != null ? sensor : new Sensor(scope.photonsPerUnit()));
        steps.addAll(extraSteps);
        return new Spec(acq, seed, steps, new Output(saveIntermediates, Output.StoreDtype.FLOAT32));
    }

    /**
     * @return the fully validated spec with its warnings
     * @throws org.minisim.spec.json.SpecValidationException when a rule fails (e.g. S-1 for a kind given twice)
     */
    public ParsedSpec build() {
        return SpecReader.validate(assemble());
    }
}
