package org.minisim.render;

import org.minisim.scene.Scene;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.Recording;
import org.minisim.spec.Acquisition;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.Bleaching;
import org.minisim.spec.CellActivity;
import org.minisim.spec.CellOptics;
import org.minisim.spec.Composite;
import org.minisim.spec.DepthRange;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Neuropil;
import org.minisim.spec.Optics;
import org.minisim.spec.Output;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.Tissue;
import org.minisim.spec.Vignette;

/** Whole-pipeline structure (docs/physics.md#invariants): emergent physics a broken chain would violate. */
class PipelineStructureTest {

    private static Acquisition acquisition(double focalUm, double seconds) {
        return new Acquisition(new Optics(0.45, 8.0, 525.0, AutoDouble.of(40.0), null),
                new ImageSensor(96, 96, 8.0, 0.7, 2.0, 1.0, 8), Tissue.DEFAULTS, 20.0, seconds,
                AutoDouble.of(focalUm), null);
    }

    private static PlaceNeurons band(double density, double lo, double hi) {
        NeuronPopulation d = NeuronPopulation.DEFAULTS;
        return new PlaceNeurons(new NeuronPopulation(density, 4.0, d.irregularity(), d.morphology(),
                d.dendriteLengthUm(), d.dendriteWidthUm(), new DepthRange(lo, hi), 0.0, null), null);
    }

    private static CellActivity activity(double activeRateHz, double pQa, double cv) {
        CellActivity d = CellActivity.DEFAULTS;
        return new CellActivity(d.spikeSimHz(), pQa, d.pActiveToQuiescent(), activeRateHz, d.quiescentRateHz(),
                d.tauRiseS(), 0.4, cv, d.f0(), d.traceNoise());
    }

    private static double mean(boolean[] flags) {
        int k = 0;
        for (boolean f : flags) {
            k += f ? 1 : 0;
        }
        return flags.length == 0 ? 0.0 : (double) k / flags.length;
    }

    @Test
    void detectabilityAndFocusFallWithDepthWithTheFocusAtTheSurface() {
        double[][] bands = {{0, 10}, {40, 50}, {80, 90}, {120, 130}};
        List<Double> inFocus = new ArrayList<>(), detectable = new ArrayList<>();
        for (double[] b : bands) {
            Spec spec = new Spec(acquisition(0.0, 3.0), 10, List.<Step>of(band(600000.0, b[0], b[1]),
                    activity(80.0, 0.08, 0.0), CellOptics.DEFAULTS, Composite.DEFAULTS, new Sensor(250.0)),
                    Output.DEFAULTS);
            GroundTruth gt = Scene.build(spec).groundTruth();
            inFocus.add(mean(gt.inFocus()));
            detectable.add(mean(gt.detectable()));
        }
        assertTrue(inFocus.get(0) > 0.9 && inFocus.get(3) < 0.1, "in focus " + inFocus);
        assertTrue(detectable.get(0) > 0.8 && detectable.get(3) < 0.05, "detectable " + detectable);
        for (int i = 1; i < bands.length; i++) {
            assertTrue(inFocus.get(i) <= inFocus.get(i - 1) + 0.05, "in focus non-increasing " + inFocus);
            assertTrue(detectable.get(i) <= detectable.get(i - 1) + 0.05, "detectable non-increasing " + detectable);
        }
        assertTrue(inFocus.get(1) < 0.1 && detectable.get(1) > 0.2,
                "an out-of-focus band stays detectable on SNR alone: " + inFocus + " " + detectable);
    }

    @Test
    void aStrongVignetteCostsTheRimCellsTheirDetectability() {
        for (long seed = 11; seed <= 13; seed++) {
            List<Step> steps = new ArrayList<>(List.of(band(2.5e6, 0, 10), activity(80.0, 0.08, 0.0),
                    CellOptics.DEFAULTS, Composite.DEFAULTS, new Sensor(40.0)));
            GroundTruth plain = Scene.build(new Spec(acquisition(5.0, 2.0), seed, steps, Output.DEFAULTS))
                    .groundTruth();
            steps.add(new Vignette(0.1, 2.0, new org.minisim.spec.Vec2(0, 0)));
            GroundTruth vignetted = Scene.build(new Spec(acquisition(5.0, 2.0), seed, steps,
                    Output.DEFAULTS)).groundTruth();
            int n = plain.nUnits();
            assertTrue(n > 50 && n == vignetted.nUnits(), "same cells with and without the vignette");
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = Math.hypot(plain.centersUm()[3 * i + 1], plain.centersUm()[3 * i + 2]);
            }
            double[] sorted = r.clone();
            java.util.Arrays.sort(sorted);
            double median = sorted[n / 2];
            int lostInner = 0, lostOuter = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(!vignetted.detectable()[i] || plain.detectable()[i],
                        "a vignette never makes a cell detectable (cell " + i + ")");
                if (plain.detectable()[i] && !vignetted.detectable()[i]) {
                    if (r[i] < median) {
                        lostInner++;
                    } else {
                        lostOuter++;
                    }
                }
            }
            assertTrue(lostOuter > 2 * lostInner && lostOuter > 5,
                    "seed " + seed + ": rim cells lose detectability: outer " + lostOuter + ", inner " + lostInner);
        }
    }

    @Test
    void bleachingDimsLaterFrames() {
        Spec spec = new Spec(acquisition(5.0, 2.0), 12, List.<Step>of(band(400000.0, 0, 10),
                activity(5.0, CellActivity.DEFAULTS.pQuiescentToActive(), CellActivity.DEFAULTS.brightnessCv()),
                new Bleaching(0.15, 20000.0, 1.0), CellOptics.DEFAULTS, Composite.DEFAULTS,
                new Neuropil(40.0, 10.0, 1.5, 0.4, 2, 0.7), new Sensor(140.0)), Output.DEFAULTS);
        Recording r = Simulator.simulate(spec);
        int f = r.frames(), q = 96 * 96, quarter = f / 4;
        double first = 0, last = 0;
        for (int t = 0; t < quarter; t++) {
            for (int k = 0; k < q; k++) {
                first += r.observed()[t * q + k];
                last += r.observed()[(f - quarter + t) * q + k];
            }
        }
        assertTrue(last < first, "last quarter " + last + " vs first " + first);
    }
}
