package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.ObservedFootprint;
import org.minisim.physics.CellOpticsModel.CellOpticsResult;
import org.minisim.spec.Acquisition;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Optics;
import org.minisim.spec.Output;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.Tissue;

class CellOpticsModelTest {

    /** 40 × 40 px sensor at 0.375 µm/px (15 µm FOV), 10 frames at 20 fps. */
    static final ImageSensor CHIP = new ImageSensor(40, 40, 3.0, 0.7, 2.0, 1.0, 8);

    static Acquisition acq(Optics optics, Tissue tissue, AutoDouble focal) {
        return new Acquisition(optics, CHIP, tissue, 20.0, 0.5, focal, null);
    }

    static Spec spec(Acquisition a, boolean sensor) {
        List<Step> steps = new ArrayList<>();
        if (sensor) {
            steps.add(Sensor.DEFAULTS);
        }
        return new Spec(a, 1, steps, Output.DEFAULTS);
    }

    /** Flattened (z, y, x) centres. */
    static double[] centres(double[][] zyx) {
        double[] c = new double[zyx.length * 3];
        for (int i = 0; i < zyx.length; i++) {
            System.arraycopy(zyx[i], 0, c, 3 * i, 3);
        }
        return c;
    }

    /** Traces with baseline 1 and a transient of height dF (frame 5) per cell; 10 frames. */
    static double[] traces(double... dF) {
        double[] c = new double[dF.length * 10];
        for (int i = 0; i < dF.length; i++) {
            for (int t = 0; t < 10; t++) {
                c[i * 10 + t] = 1.0 + (t == 5 ? dF[i] : 0.0);
            }
        }
        return c;
    }

    static double resolve(Spec s, double[] centres, double[] c, double[] field) {
        return CellOpticsModel.resolveFocalDepth(s, centres, c, 10, field, s.geometry());
    }

    @Test
    void numericFocalPassesThroughAndNoCellsMeansTheSurface() {
        Spec num = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.of(37.5)), true);
        assertEquals(37.5, resolve(num, centres(new double[][] {{100, 0, 0}}), traces(5), null), 0.0);
        Spec auto = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), true);
        assertEquals(0.0, resolve(auto, new double[0], null, null), 0.0);
    }

    @Test
    void autoWithoutSensorOrTracesIsTheMedianDepth() {
        double[][] zyx = new double[21][];
        for (int i = 0; i < 21; i++) {
            zyx[i] = new double[] {200 - 10 * i, 1, -2};
        }
        Spec noSensor = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), false);
        assertEquals(100.0, resolve(noSensor, centres(zyx), traces(new double[21]), null), 0.0);
        Spec sensor = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), true);
        assertEquals(100.0, resolve(sensor, centres(zyx), null, null), 0.0);
        // even count: the middle pair is averaged
        assertEquals(25.0, resolve(noSensor, centres(new double[][] {{0, 0, 0}, {20, 0, 0}, {30, 0, 0}, {90, 0, 0}}),
                null, null), 0.0);
    }

    @Test
    void fieldCurvatureMovesTheMedianToTheEffectiveDepth() {
        double[][] zyx = {{50, 0, 0}, {60, 6, 6}, {70, -7, 7}};
        Optics curved = new Optics(0.45, 8.0, 525, AutoDouble.AUTO, 100.0);
        Spec flat = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), false);
        Spec bent = spec(acq(curved, Tissue.DEFAULTS, AutoDouble.AUTO), false);
        assertEquals(60.0, resolve(flat, centres(zyx), null, null), 0.0);
        double f = resolve(bent, centres(zyx), null, null);
        assertEquals(60.0 + curved.curvatureShiftUm(Math.hypot(6, 6)), f, 1e-12);
        assertTrue(f > 60.0);
    }

    @Test
    void yieldScanParksOnTheDenseShallowClusterNotTheMedianGap() {
        List<double[]> zyx = new ArrayList<>();
        List<Double> df = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            zyx.add(new double[] {18 + i, 1, 1});
            df.add(20.0);
        }
        zyx.add(new double[] {90, 0, 0});
        zyx.add(new double[] {110, 0, 0});
        df.add(0.01);
        df.add(0.01);
        for (int i = 0; i < 4; i++) {
            zyx.add(new double[] {176 + 2 * i, -1, 1});
            df.add(20.0);
        }
        double[] cz = centres(zyx.toArray(new double[0][]));
        double[] c = traces(df.stream().mapToDouble(Double::doubleValue).toArray());
        Spec s = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), true);
        Spec noSensor = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), false);
        double median = resolve(noSensor, cz, c, null);
        double f = resolve(s, cz, c, null);
        assertTrue(f >= 15 && f <= 26, "focal " + f);
        assertTrue(Math.abs(median - f) > 30, "median " + median);
        // the returned plane is one of the 96 candidates over the traced cells' range
        double step = (182.0 - 18.0) / 95.0;
        double k = (f - 18.0) / step;
        assertEquals(Math.rint(k), k, 1e-9);
    }

    @Test
    void strongScatterPushesADeepClusterBelowTheFloorAndTheFocusMovesShallow() {
        List<double[]> zyx = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            zyx.add(new double[] {30, 0.5 * i, 0});
        }
        for (int i = 0; i < 6; i++) {
            zyx.add(new double[] {150, -0.5 * i, 0});
        }
        double[] cz = centres(zyx.toArray(new double[0][]));
        double[] c = traces(20, 20, 20, 20, 20, 20, 20, 20, 20);
        Tissue clear = new Tissue(5000, 5000, 0.01);
        Tissue murky = new Tissue(600, 40, 0.05);
        double fClear = resolve(spec(acq(Optics.DEFAULTS, clear, AutoDouble.AUTO), true), cz, c, null);
        double fMurky = resolve(spec(acq(Optics.DEFAULTS, murky, AutoDouble.AUTO), true), cz, c, null);
        assertEquals(150.0, fClear, 3.0);
        assertEquals(30.0, fMurky, 3.0);
    }

    @Test
    void aStrongVignetteMovesThePlaneBackTowardTheCentreCluster() {
        List<double[]> zyx = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            zyx.add(new double[] {40, 0.3 * i, -0.3 * i}); // centre cluster
        }
        double[][] corners = {{-7, -7}, {-7, 7}, {7, -7}, {7, 7}, {-6.8, -7}};
        for (double[] yx : corners) {
            zyx.add(new double[] {80, yx[0], yx[1]}); // corner cluster, larger
        }
        double[] cz = centres(zyx.toArray(new double[0][]));
        double[] c = traces(2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5);
        Spec s = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), true);
        int h = 40, w = 40;
        double[] vignette = new double[h * w];
        double cy = (h - 1) / 2.0, cx = (w - 1) / 2.0, rMax = Math.hypot(cy, cx);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                vignette[y * w + x] = 1.0 - (1.0 - 0.01) * Math.pow(Math.hypot(y - cy, x - cx) / rMax, 2.0);
            }
        }
        double plain = resolve(s, cz, c, null);
        double vig = resolve(s, cz, c, vignette);
        assertEquals(80.0, plain, 2.0);
        assertTrue(vig < plain - 5.0, "vignetted " + vig + " vs " + plain);
        assertEquals(40.0, vig, 2.0);
    }

    @Test
    void yieldScanOverAZeroRangeReturnsThatDepth() {
        double[] cz = centres(new double[][] {{42.5, 0, 0}, {42.5, 1, 1}, {42.5, -1, 2}});
        Spec s = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), true);
        assertEquals(42.5, resolve(s, cz, traces(3, 0.0, 1), null), 0.0);
    }

    @Test
    void yieldTiesGoToTheLargestSignalThenTheShallowestPlane() {
        // nothing is ever detectable (no transients): yield 0 and signal 0 everywhere → the first (shallowest) plane
        double[] cz = centres(new double[][] {{10, 0, 0}, {90, 0, 0}});
        Spec s = spec(acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.AUTO), true);
        assertEquals(10.0, resolve(s, cz, traces(0.0, 0.0), null), 0.0);
    }

    /** A 1-px-radius planted disk in the middle of a 161 × 161 canvas. */
    static Footprint smallDisk() {
        double[] d = new double[161 * 161];
        for (int y = 78; y <= 82; y++) {
            for (int x = 78; x <= 82; x++) {
                if (Math.hypot(y - 80, x - 80) <= 2) {
                    d[y * 161 + x] = 1.0;
                }
            }
        }
        return Footprint.fromDense(d, 161, 161);
    }

    @Test
    void surfaceCellFocusedAtTheSurface() {
        Acquisition a = acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.of(0));
        CellOpticsResult r = CellOpticsModel.perCell(a, 0, 0, 0, 0);
        double na2 = 0.45 * 0.45;
        assertTrue(r.inFocus());
        assertEquals(na2, r.opticalBrightness(), 1e-15);
        assertEquals(na2, r.observedGain(), 1e-15);
        assertEquals(Optics.DEFAULTS.diffractionSigmaUm() / a.pixelSizeUm(), r.observedSigmaPx(), 1e-12);
        Footprint p = smallDisk();
        Footprint o = ObservedFootprint.degrade(p, r.observedSigmaPx(), r.observedGain());
        assertEquals(p.sum() * na2, o.sum(), 0.01 * p.sum() * na2);
    }

    @Test
    void deeperInFocusCellIsDimmerAndFocusConservesTheIntegral() {
        Acquisition a = acq(Optics.DEFAULTS, Tissue.DEFAULTS, AutoDouble.of(0));
        Footprint p = smallDisk();
        CellOpticsResult shallow = CellOpticsModel.perCell(a, 0, 0, 0, 0);
        CellOpticsResult deep = CellOpticsModel.perCell(a, 30, 0, 0, 30);
        assertTrue(deep.inFocus());
        Footprint os = ObservedFootprint.degrade(p, shallow.observedSigmaPx(), shallow.observedGain());
        Footprint od = ObservedFootprint.degrade(p, deep.observedSigmaPx(), deep.observedGain());
        assertTrue(od.sum() < os.sum());
        assertTrue(od.max() < os.max());
        assertTrue(deep.opticalBrightness() < shallow.opticalBrightness());
        // moving the focal plane spreads the light but conserves it
        CellOpticsResult defocused = CellOpticsModel.perCell(a, 30, 0, 0, 50);
        assertFalse(defocused.inFocus());
        Footprint ox = ObservedFootprint.degrade(p, defocused.observedSigmaPx(), defocused.observedGain());
        assertEquals(od.sum(), ox.sum(), 0.01 * od.sum());
        assertTrue(ox.max() < od.max());
        assertTrue(defocused.opticalBrightness() < deep.opticalBrightness());
        double inv1 = deep.observedSigmaPx() * deep.observedSigmaPx() * deep.opticalBrightness();
        double inv2 = defocused.observedSigmaPx() * defocused.observedSigmaPx() * defocused.opticalBrightness();
        assertEquals(inv1, inv2, 1e-12 * inv1);
    }

    @Test
    void inFocusRespectsTheDepthOfFieldBound() {
        Optics dof15 = new Optics(0.45, 8.0, 525, AutoDouble.of(15.0), null);
        Acquisition a = acq(dof15, Tissue.DEFAULTS, AutoDouble.of(80));
        assertTrue(CellOpticsModel.perCell(a, 70, 0, 0, 80).inFocus());
        assertTrue(CellOpticsModel.perCell(a, 80, 0, 0, 80).inFocus());
        assertTrue(CellOpticsModel.perCell(a, 95, 0, 0, 80).inFocus());
        assertFalse(CellOpticsModel.perCell(a, 96, 0, 0, 80).inFocus());
        assertFalse(CellOpticsModel.perCell(a, 64, 0, 0, 80).inFocus());
        // the auto depth of field is 1.33·λ/NA² and falls with NA
        assertEquals(1.33 * 0.525 / (0.45 * 0.45), Optics.DEFAULTS.resolvedDepthOfFieldUm(), 1e-12);
        assertTrue(new Optics(0.6, 8, 525, AutoDouble.AUTO, null).resolvedDepthOfFieldUm()
                < Optics.DEFAULTS.resolvedDepthOfFieldUm());
    }

    @Test
    void withCurvatureACornerCellAtTheFocalDepthIsOutOfFocusAndDimmer() {
        Optics curved = new Optics(0.45, 8.0, 525, AutoDouble.AUTO, 500.0);
        Acquisition a = acq(curved, Tissue.DEFAULTS, AutoDouble.of(50));
        CellOpticsResult axis = CellOpticsModel.perCell(a, 50, 0, 0, 50);
        CellOpticsResult corner = CellOpticsModel.perCell(a, 50, 100, 100, 50);
        assertTrue(axis.inFocus());
        assertFalse(corner.inFocus());
        assertTrue(corner.opticalBrightness() < axis.opticalBrightness());
        assertTrue(corner.observedSigmaPx() > axis.observedSigmaPx());
        assertEquals(axis.observedGain(), corner.observedGain(), 0.0);
        // the curvature shift: 0 on axis, ≈ r²/2R, grows with r, 0 for a flat field
        assertEquals(0.0, curved.curvatureShiftUm(0), 0.0);
        assertEquals(10.0 * 10.0 / 1000.0, curved.curvatureShiftUm(10), 1e-4);
        assertTrue(curved.curvatureShiftUm(20) > curved.curvatureShiftUm(10));
        assertEquals(0.0, Optics.DEFAULTS.curvatureShiftUm(100), 0.0);
    }

    @Test
    void linspaceAndMedianHelpers() {
        double[] v = CellOpticsModel.linspace(2.0, 7.0, 96);
        assertEquals(2.0, v[0], 0.0);
        assertEquals(7.0, v[95], 0.0);
        double[] flat = CellOpticsModel.linspace(3.0, 3.0, 96);
        for (double x : flat) {
            assertEquals(3.0, x, 0.0);
        }
        assertEquals(2.5, CellOpticsModel.median(new double[] {4, 1, 2, 3}), 0.0);
        assertEquals(3.0, CellOpticsModel.median(new double[] {5, 3, 1}), 0.0);
    }
}
