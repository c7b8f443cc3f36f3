package org.minisim.spec.preset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.DepthRange;
import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Leakage;
import org.minisim.spec.Morphology;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Neuropil;
import org.minisim.spec.Optics;
import org.minisim.spec.Tissue;
import org.minisim.spec.Vasculature;
import org.minisim.spec.VesselLayer;
import org.minisim.spec.Vignette;

/** The named presets of docs/spec.md#named-presets (unlisted fields = model defaults). */
public final class Presets {
    private Presets() {
    }

    /** UCLA Miniscope V4: NA 0.3, 2.9×, 608² px at 4.8 µm pitch (≈1.655 µm/px), 700 µm working distance. */
    public static final Scope MINISCOPE_V4 = new Scope(
            new Optics(0.3, 2.9, 525.0, AutoDouble.AUTO, 2500.0),
            new ImageSensor(608, 608, 4.8, ImageSensor.DEFAULTS.quantumEfficiency(),
                    ImageSensor.DEFAULTS.readNoiseE(), ImageSensor.DEFAULTS.gainAduPerE(), 8),
            new IlluminationProfile(0.7, IlluminationProfile.DEFAULTS.exponent(),
                    IlluminationProfile.DEFAULTS.centerOffsetUm()),
            new Vignette(0.6, Vignette.DEFAULTS.exponent(), Vignette.DEFAULTS.centerOffsetUm()),
            new Leakage(Leakage.Profile.GAUSSIAN, 0.08, null),
            600.0, AutoDouble.AUTO, 700.0);

    /** A generic 1-photon scope: default optics and sensor, no scope-side falloff or glow. */
    public static final Scope GENERIC_1P = new Scope(Optics.DEFAULTS, ImageSensor.DEFAULTS, null, null, null, 100.0,
            AutoDouble.AUTO, null);

    /** Hippocampal CA1 pyramidal layer: dense small cytosolic cells at 140–160 µm. */
    public static final Region CA1 = new Region(
            population(45000.0, 5.0, 140.0, 160.0),
            Tissue.DEFAULTS,
            neuropil(0.4),
            new Vasculature(true, List.of(layer(120.0, 3, 14.0, 0.65, VesselLayer.DEFAULTS.branchProb(),
                    VesselLayer.DEFAULTS.tortuosityDeg()))));

    /** Cortex layer 2/3: sparse cytosolic cells through 100–200 µm. */
    public static final Region CORTEX_L23 = new Region(
            population(8000.0, 6.0, 100.0, 200.0),
            Tissue.DEFAULTS,
            neuropil(0.6),
            new Vasculature(true, List.of(layer(80.0, 2, 25.0, 0.9, 0.15, 5.0))));

    private static final Map<String, Scope> SCOPES = new LinkedHashMap<>();
    private static final Map<String, Region> REGIONS = new LinkedHashMap<>();

    static {
        SCOPES.put("miniscope_v4", MINISCOPE_V4);
        SCOPES.put("generic_1p", GENERIC_1P);
        REGIONS.put("ca1", CA1);
        REGIONS.put("cortex_l23", CORTEX_L23);
    }

    /** @return the scope preset of that name (exact) */
    public static Optional<Scope> scope(String name) {
        return Optional.ofNullable(SCOPES.get(name));
    }

    /** @return the region preset of that name (exact) */
    public static Optional<Region> region(String name) {
        return Optional.ofNullable(REGIONS.get(name));
    }

    /** @return the scope preset names */
    public static List<String> scopeNames() {
        return List.copyOf(SCOPES.keySet());
    }

    /** @return the region preset names */
    public static List<String> regionNames() {
        return List.copyOf(REGIONS.keySet());
    }

    private static NeuronPopulation population(double density, double radius, double lo, double hi) {
        NeuronPopulation d = NeuronPopulation.DEFAULTS;
        return new NeuronPopulation(density, radius, d.irregularity(), Morphology.CYTOSOLIC, d.dendriteLengthUm(),
                d.dendriteWidthUm(), new DepthRange(lo, hi), d.minDistanceUm(), null);
    }

    private static Neuropil neuropil(double amplitude) {
        Neuropil d = Neuropil.DEFAULTS;
        return new Neuropil(d.spatialSigmaUm(), d.temporalTauS(), d.populationTauS(), amplitude, d.nComponents(),
                d.populationCoupling());
    }

    private static VesselLayer layer(double depth, int roots, double rootRadius, double opacity, double branchProb,
                                     double tortuosity) {
        VesselLayer d = VesselLayer.DEFAULTS;
        return new VesselLayer(depth, roots, rootRadius, d.minRadiusUm(), opacity, d.absorptionPerUm(), branchProb,
                tortuosity, d.branchAngleDeg(), d.branchAreaMain(), d.stepPerRadius());
    }
}
