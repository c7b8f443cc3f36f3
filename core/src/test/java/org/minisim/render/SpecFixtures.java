package org.minisim.render;

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
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Neuropil;
import org.minisim.spec.Optics;
import org.minisim.spec.Output;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.Vasculature;
import org.minisim.spec.VesselLayer;
import org.minisim.spec.Vignette;

/** Small programmatic specs for renderer and pipeline tests (1 µm pixels, short movies). */
public final class SpecFixtures {
    private SpecFixtures() {}

    /** Acquisition of an n × n px FOV at 1 µm/px, {@code seconds} at 20 fps, given focal depth. */
    public static Acquisition acquisition(int n, double seconds, AutoDouble focal) {
        return new Acquisition(new Optics(0.45, 8.0, 525.0, AutoDouble.AUTO, null),
                new ImageSensor(n, n, 8.0, 0.7, 2.0, 1.0, 8), org.minisim.spec.Tissue.DEFAULTS, 20.0, seconds,
                focal, null);
    }

    /** A dense shallow population in [20, 60] µm. */
    public static PlaceNeurons population(double density) {
        NeuronPopulation p = new NeuronPopulation(density, 4.0, 0.3, NeuronPopulation.DEFAULTS.morphology(), 24.0,
                3.0, new DepthRange(20.0, 60.0), 0.0, null);
        return new PlaceNeurons(p, null);
    }

    /** The quick-start chain (place, activity, optics, composite, sensor). */
    public static Spec quickstart(int n, double seconds, long seed) {
        return new Spec(acquisition(n, seconds, AutoDouble.AUTO), seed, List.of(population(200000.0),
                CellActivity.DEFAULTS, CellOptics.DEFAULTS, Composite.DEFAULTS, Sensor.DEFAULTS), Output.DEFAULTS);
    }

    /** All twelve step kinds, optionally without motion and with snapshots. */
    public static Spec full(int n, double seconds, long seed, boolean motion, boolean saveIntermediates) {
        List<Step> steps = new ArrayList<>(List.of(population(200000.0), CellActivity.DEFAULTS,
                new Bleaching(0.05, 20000.0, 1.0), CellOptics.DEFAULTS, Composite.DEFAULTS, Neuropil.DEFAULTS,
                new Vasculature(true, List.of(new VesselLayer(30.0, 2, 6.0, 1.0, 0.85, 0.04, 0.2, 8.0, 30.0, 0.7,
                        1.5))),
                IlluminationProfile.DEFAULTS, Vignette.DEFAULTS, Leakage.DEFAULTS, new Sensor(300.0)));
        if (motion) {
            steps.add(new BrainMotion(BrainMotion.Model.PHYSICAL, null, 4.0, 7.0, 2.0, BrainMotion.Axis.Y, 6.0,
                    0.5, 0.25, 0.3));
        }
        return new Spec(acquisition(n, seconds, AutoDouble.AUTO), seed, steps,
                new Output(saveIntermediates, Output.StoreDtype.FLOAT32));
    }
}
