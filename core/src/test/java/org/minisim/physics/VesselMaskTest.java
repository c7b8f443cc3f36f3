package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.Optics;
import org.minisim.spec.Tissue;
import org.minisim.spec.Vasculature;
import org.minisim.spec.VesselLayer;

class VesselMaskTest {

    private static final double PX = 1.0;

    private static VesselLayer layer(double r0, double floor, double branchProb) {
        return new VesselLayer(30.0, 2, r0, floor, 0.85, 0.04, branchProb, 8.0, 30.0, 0.7, 1.5);
    }

    @Test
    void disabledOrLayerlessGivesNull() {
        RandomStreams rs = new RandomStreams(1);
        assertNull(VesselMask.build(Vasculature.DEFAULTS, 20, 20, PX, Optics.DEFAULTS, Tissue.DEFAULTS, 0, rs));
        assertNull(VesselMask.build(new Vasculature(true, List.of()), 20, 20, PX, Optics.DEFAULTS, Tissue.DEFAULTS,
                0, rs));
        assertNull(VesselMask.build(new Vasculature(false, List.of(VesselLayer.DEFAULTS)), 20, 20, PX,
                Optics.DEFAULTS, Tissue.DEFAULTS, 0, rs));
    }

    @Test
    void murrayConservesTheCubeSumAndTheMainChildIsThicker() {
        double[] rr = VesselTree.murrayChildren(10.0, 0.7);
        assertEquals(1000.0, Math.pow(rr[0], 3) + Math.pow(rr[1], 3), 1e-9);
        assertTrue(rr[0] > rr[1]);
    }

    @Test
    void unbranchedTreeKeepsItsRadiusAndChains() {
        VesselLayer l = layer(5.0, 2.0, 0.0);
        List<VesselSegment> s = VesselTree.grow(0.0, 50.0, 0.5 * Math.PI, l, 100, 100, VesselTree.MAX_SEGMENTS,
                new RandomStreams(2).stream(Purpose.VESSEL, 0, 0));
        assertTrue(s.size() > 3);
        assertEquals(0.0, s.get(0).y0());
        assertEquals(50.0, s.get(0).x0());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(5.0, s.get(i).radiusUm());
            if (i > 0) {
                assertEquals(s.get(i - 1).y1(), s.get(i).y0());
                assertEquals(s.get(i - 1).x1(), s.get(i).x0());
            }
        }
        VesselSegment last = s.get(s.size() - 1);
        assertTrue(last.y1() < 0 || last.y1() > 100 || last.x1() < 0 || last.x1() > 100, "runs until it leaves");
    }

    @Test
    void branchedTreeStaysBetweenFloorAndTrunkAndIsDeterministic() {
        VesselLayer l = layer(12.0, 1.5, 0.5);
        List<VesselSegment> a = VesselTree.seedAndGrow(l, 300, 300, new RandomStreams(5).stream(Purpose.VESSEL, 0, 1));
        List<VesselSegment> b = VesselTree.seedAndGrow(l, 300, 300, new RandomStreams(5).stream(Purpose.VESSEL, 0, 1));
        assertEquals(a, b);
        double max = 0;
        double min = Double.MAX_VALUE;
        for (VesselSegment s : a) {
            max = Math.max(max, s.radiusUm());
            min = Math.min(min, s.radiusUm());
        }
        assertEquals(12.0, max);
        assertTrue(min >= 1.5);
        assertTrue(min < 12.0, "some segment is thinner");
    }

    @Test
    void segmentCapHolds() {
        // tiny steps, no branching loss: would grow far beyond the cap on a huge canvas
        VesselLayer l = new VesselLayer(30, 1, 1.0, 0.1, 0.85, 0.04, 0.3, 20.0, 30.0, 0.9, 0.2);
        List<VesselSegment> s = VesselTree.grow(5000, 5000, 0.0, l, 1e4, 1e4, 50,
                new RandomStreams(1).stream(Purpose.VESSEL, 0, 0));
        assertEquals(50, s.size());
        List<VesselSegment> full = VesselTree.grow(5000, 5000, 0.0, l, 1e4, 1e4, VesselTree.MAX_SEGMENTS,
                new RandomStreams(1).stream(Purpose.VESSEL, 0, 0));
        assertTrue(full.size() <= VesselTree.MAX_SEGMENTS);
    }

    @Test
    void horizontalSegmentRasterisesToItsChord() {
        int h = 30;
        int w = 40;
        double r = 4.0;
        double[] L = VesselRasterizer.rasterise(List.of(new VesselSegment(15, 10, 15, 30, r)), h, w, PX);
        assertEquals(2 * r, L[15 * w + 20], 1e-12);
        assertEquals(2 * Math.sqrt(r * r - 4), L[17 * w + 20], 1e-12);
        assertTrue(L[17 * w + 20] < L[15 * w + 20] && L[18 * w + 20] < L[17 * w + 20]);
        assertEquals(0.0, L[19 * w + 20]); // d = r exactly: strict inequality
        assertEquals(0.0, L[25 * w + 20]);
        assertEquals(0.0, L[2 * w + 2]);
        // pixel size enters both the geometry and the µm chord
        double[] L2 = VesselRasterizer.rasterise(List.of(new VesselSegment(30, 20, 30, 60, 2 * r)), h, w, 2.0);
        assertEquals(4 * r, L2[15 * w + 20], 1e-12);
        assertArrayEquals(new double[h * w], VesselRasterizer.rasterise(List.of(), h, w, PX));
    }

    @Test
    void crossingVesselsAdd() {
        int n = 30;
        VesselSegment a = new VesselSegment(15, 2, 15, 28, 3);
        VesselSegment b = new VesselSegment(2, 15, 28, 15, 3);
        double[] la = VesselRasterizer.rasterise(List.of(a), n, n, PX);
        double[] lb = VesselRasterizer.rasterise(List.of(b), n, n, PX);
        double[] lab = VesselRasterizer.rasterise(List.of(a, b), n, n, PX);
        assertEquals(la[15 * n + 15] + lb[15 * n + 15], lab[15 * n + 15], 1e-12);
        assertEquals(12.0, lab[15 * n + 15], 1e-12);
    }

    @Test
    void transmissionFollowsBeerLambertWithTheOpacityFloor() {
        double[] L = {0.0, 5.0, 1e4};
        double[] m = VesselMask.transmission(L, 0.85, 0.04);
        assertEquals(1.0, m[0]);
        assertTrue(m[1] < 1.0 && m[1] > 0.15);
        assertEquals(0.15, m[2], 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, VesselMask.transmission(L, 0.0, 0.04));
        assertTrue(VesselMask.transmission(L, 0.85, 0.2)[1] < m[1], "larger κ is darker");
    }

    @Test
    void maskIsDeterministicBoundedNonTrivialAndASecondLayerOnlyDarkens() {
        int h = 48;
        int w = 56;
        VesselLayer l1 = new VesselLayer(30.0, 3, 6.0, 1.5, 0.85, 0.04, 0.2, 8.0, 30.0, 0.7, 1.5);
        VesselLayer l2 = new VesselLayer(60.0, 3, 4.0, 1.5, 0.6, 0.04, 0.2, 8.0, 30.0, 0.7, 1.5);
        Vasculature one = new Vasculature(true, List.of(l1));
        Vasculature two = new Vasculature(true, List.of(l1, l2));
        double[] a = VesselMask.build(one, h, w, PX, Optics.DEFAULTS, Tissue.DEFAULTS, 40.0, new RandomStreams(9));
        double[] b = VesselMask.build(one, h, w, PX, Optics.DEFAULTS, Tissue.DEFAULTS, 40.0, new RandomStreams(9));
        double[] c = VesselMask.build(two, h, w, PX, Optics.DEFAULTS, Tissue.DEFAULTS, 40.0, new RandomStreams(9));
        assertArrayEquals(a, b);
        double min = 1;
        for (int p = 0; p < a.length; p++) {
            assertTrue(a[p] > 0.0 && a[p] <= 1.0);
            assertTrue(c[p] <= a[p] + 1e-15);
            min = Math.min(min, a[p]);
        }
        assertTrue(min < 0.9, "non-trivial: some vessel shadow");
    }

    @Test
    void layerBlurCombinesDiffractionScatterAndDefocus() {
        Optics o = Optics.DEFAULTS;
        Tissue t = Tissue.DEFAULTS;
        double s = VesselMask.layerBlurSigmaUm(30.0, o, t, 70.0);
        double expect = Math.sqrt(Math.pow(o.diffractionSigmaUm(), 2) + Math.pow(0.05 * 30, 2)
                + Math.pow(0.45 * 40, 2));
        assertEquals(expect, s, 1e-12);
    }
}
