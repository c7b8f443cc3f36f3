package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.Footprint;
import org.minisim.physics.NeuronPlacement.PlacedCell;
import org.minisim.random.RandomStreams;
import org.minisim.spec.DepthRange;
import org.minisim.spec.Geometry;
import org.minisim.spec.Morphology;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Position3;

class NeuronPlacementTest {

    /** 100 × 100 px at 0.5 µm/px = a 50 µm FOV, no margin. */
    static final Geometry G50 = new Geometry(0.5, 100, 100, 10, 20.0, 0);

    static NeuronPopulation pop(double density, double radius, double irr, Morphology m, double lo, double hi,
                                double minD, List<Position3> pos) {
        return new NeuronPopulation(density, radius, irr, m, 24.0, 3.0, new DepthRange(lo, hi), minD, pos);
    }

    static PlaceNeurons step(NeuronPopulation p) {
        return new PlaceNeurons(p, null);
    }

    @Test
    void countFollowsTheVolumetricRuleOnAPlanarLayer() {
        // 50 µm FOV, planar layer floored to one soma diameter (10 µm), 200 000 /mm³ ⇒ 200000·0.0025·0.01 = 5
        NeuronPopulation p = pop(200_000, 5.0, 0.3, Morphology.SOMA, 50, 50, 0, null);
        assertEquals(5, NeuronPlacement.targetCount(p, G50));
        assertEquals(5, NeuronPlacement.place(step(p), G50, new RandomStreams(1)).size());
    }

    @Test
    void defaultCountUsesTheCanvasIncludingTheMargin() {
        Geometry noMargin = new Geometry(0.375, 256, 256, 10, 20.0, 0);
        Geometry margin = new Geometry(0.375, 256, 256, 10, 20.0, 41);
        assertEquals(46, NeuronPlacement.targetCount(NeuronPopulation.DEFAULTS, noMargin));
        assertEquals(80, NeuronPlacement.targetCount(NeuronPopulation.DEFAULTS, margin));
    }

    @Test
    void centresLieInTheDepthRangeAndOnTheCanvas() {
        Geometry g = new Geometry(0.5, 100, 80, 10, 20.0, 6);
        NeuronPopulation p = pop(400_000, 3.0, 0.3, Morphology.SOMA, 20, 60, 0, null);
        List<PlacedCell> cells = NeuronPlacement.place(step(p), g, new RandomStreams(3));
        assertTrue(cells.size() > 20);
        double hh = g.canvasHeight() * 0.5 / 2, hw = g.canvasWidth() * 0.5 / 2;
        for (PlacedCell c : cells) {
            assertTrue(c.zUm() >= 20 && c.zUm() <= 60);
            assertTrue(Math.abs(c.yUm()) <= hh && Math.abs(c.xUm()) <= hw);
            Footprint f = c.planted();
            assertEquals(g.canvasHeight(), f.canvasH());
            assertEquals(g.canvasWidth(), f.canvasW());
            assertTrue(f.y0() >= 0 && f.x0() >= 0 && f.y0() + f.ph() <= f.canvasH() && f.x0() + f.pw() <= f.canvasW());
            assertEquals(1.0, f.max(), 0.0);
            assertTrue(!f.isEmpty());
            for (float v : f.patch()) {
                assertTrue(v >= 0f && v <= 1f);
            }
        }
    }

    @Test
    void cellsFillTheMarginToo() {
        Geometry g = new Geometry(0.5, 100, 80, 10, 20.0, 20);
        NeuronPopulation p = pop(300_000, 3.0, 0.3, Morphology.SOMA, 0, 20, 0, null);
        List<PlacedCell> cells = NeuronPlacement.place(step(p), g, new RandomStreams(6));
        boolean inMargin = false;
        for (PlacedCell c : cells) {
            inMargin |= Math.abs(c.yUm()) > 25.0 || Math.abs(c.xUm()) > 20.0;
            // the footprint sits where the centre maps on the canvas
            double cy = g.rowIndex(c.yUm(), g.canvasHeight()), cx = g.colIndex(c.xUm(), g.canvasWidth());
            Footprint f = c.planted();
            assertTrue(cy >= f.y0() - 1 && cy <= f.y0() + f.ph() && cx >= f.x0() - 1 && cx <= f.x0() + f.pw());
        }
        assertTrue(inMargin);
    }

    @Test
    void zeroIrregularityGivesABinaryDiskOfAreaPiRSquared() {
        NeuronPopulation p = pop(0, 5.0, 0.0, Morphology.SOMA, 10, 10, 0, List.of(new Position3(10, 0.3, -1.1)));
        Footprint f = NeuronPlacement.place(step(p), G50, new RandomStreams(1)).get(0).planted();
        double rPx = 10.0;
        int lit = 0;
        for (float v : f.patch()) {
            assertTrue(v == 0f || v == 1f);
            lit += v > 0 ? 1 : 0;
        }
        assertEquals(Math.PI * rPx * rPx, lit, 0.1 * Math.PI * rPx * rPx);
    }

    @Test
    void irregularSomaIsLumpyButRoughlyTheSameSize() {
        NeuronPopulation p = pop(0, 5.0, 0.3, Morphology.SOMA, 10, 10, 0, List.of(new Position3(10, 0, 0)));
        Footprint f = NeuronPlacement.place(step(p), G50, new RandomStreams(1)).get(0).planted();
        double lit = f.sum();
        assertEquals(Math.PI * 100, lit, 0.35 * Math.PI * 100);
        NeuronPopulation clean = pop(0, 5.0, 0.0, Morphology.SOMA, 10, 10, 0, List.of(new Position3(10, 0, 0)));
        Footprint d = NeuronPlacement.place(step(clean), G50, new RandomStreams(1)).get(0).planted();
        assertNotEquals(d.sum(), lit);
    }

    @Test
    void minDistanceIsRespectedPairwise() {
        NeuronPopulation p = pop(300_000, 2.0, 0.3, Morphology.SOMA, 0, 40, 8.0, null);
        List<double[]> c = NeuronPlacement.sampleCentres(step(p), G50, new RandomStreams(5));
        assertTrue(c.size() > 10);
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < i; j++) {
                double dz = c.get(i)[0] - c.get(j)[0], dy = c.get(i)[1] - c.get(j)[1], dx = c.get(i)[2] - c.get(j)[2];
                assertTrue(Math.sqrt(dz * dz + dy * dy + dx * dx) >= 8.0);
            }
        }
    }

    @Test
    void overDenseRejectionSamplingEndsWithFewerCells() {
        NeuronPopulation p = pop(2_000_000, 2.0, 0.3, Morphology.SOMA, 0, 10, 30.0, null);
        int target = NeuronPlacement.targetCount(p, G50);
        List<double[]> c = NeuronPlacement.sampleCentres(step(p), G50, new RandomStreams(5));
        assertTrue(c.size() < target && c.size() > 0, c.size() + " of " + target);
    }

    @Test
    void sameSeedSameCellsOtherSeedOtherCells() {
        NeuronPopulation p = pop(300_000, 3.0, 0.3, Morphology.CYTOSOLIC, 0, 30, 0, null);
        List<PlacedCell> a = NeuronPlacement.place(step(p), G50, new RandomStreams(9));
        List<PlacedCell> b = NeuronPlacement.place(step(p), G50, new RandomStreams(9));
        List<PlacedCell> o = NeuronPlacement.place(step(p), G50, new RandomStreams(10));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).zUm(), b.get(i).zUm());
            assertEquals(a.get(i).yUm(), b.get(i).yUm());
            assertEquals(a.get(i).xUm(), b.get(i).xUm());
            assertEquals(a.get(i).planted().y0(), b.get(i).planted().y0());
            assertArrayEquals(a.get(i).planted().patch(), b.get(i).planted().patch());
        }
        assertNotEquals(a.get(0).zUm(), o.get(0).zUm());
    }

    @Test
    void centresOnlySamplerEqualsThePlacementAlsoWithSeveralPopulations() {
        NeuronPopulation p1 = pop(300_000, 3.0, 0.3, Morphology.CYTOSOLIC, 0, 20, 4.0, null);
        NeuronPopulation p2 = pop(200_000, 4.0, 0.2, Morphology.SOMA, 40, 60, 0, null);
        NeuronPopulation p3 = pop(0, 4.0, 0.2, Morphology.SOMA, 0, 0, 0, List.of(new Position3(5, 1, 2)));
        PlaceNeurons s = new PlaceNeurons(NeuronPopulation.DEFAULTS, List.of(p1, p2, p3));
        RandomStreams rs = new RandomStreams(11);
        List<PlacedCell> cells = NeuronPlacement.place(s, G50, rs);
        List<double[]> centres = NeuronPlacement.sampleCentres(s, G50, rs);
        assertEquals(cells.size(), centres.size());
        for (int i = 0; i < cells.size(); i++) {
            assertArrayEquals(new double[] {cells.get(i).zUm(), cells.get(i).yUm(), cells.get(i).xUm()},
                    centres.get(i));
        }
    }

    @Test
    void aFlatSpecEqualsTheSamePopulationListedExplicitly() {
        NeuronPopulation p = pop(300_000, 3.0, 0.3, Morphology.CYTOSOLIC, 0, 20, 0, null);
        List<PlacedCell> flat = NeuronPlacement.place(step(p), G50, new RandomStreams(4));
        List<PlacedCell> listed = NeuronPlacement.place(new PlaceNeurons(NeuronPopulation.DEFAULTS, List.of(p)), G50,
                new RandomStreams(4));
        assertEquals(flat.size(), listed.size());
        for (int i = 0; i < flat.size(); i++) {
            assertEquals(flat.get(i).zUm(), listed.get(i).zUm());
            assertArrayEquals(flat.get(i).planted().patch(), listed.get(i).planted().patch());
        }
    }

    @Test
    void populationsConcatenateAndKeepTheirOwnDepths() {
        NeuronPopulation shallow = pop(200_000, 5.0, 0.3, Morphology.SOMA, 10, 10, 0, null);
        NeuronPopulation deep = pop(200_000, 5.0, 0.3, Morphology.SOMA, 90, 90, 0, null);
        List<PlacedCell> cells = NeuronPlacement.place(new PlaceNeurons(NeuronPopulation.DEFAULTS,
                List.of(shallow, deep)), G50, new RandomStreams(2));
        assertEquals(10, cells.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(i < 5 ? 10.0 : 90.0, cells.get(i).zUm(), 0.0);
        }
    }

    @Test
    void explicitPositionsComeBackVerbatimLastAndWithoutDraws() {
        List<Position3> pos = List.of(new Position3(30, -3.25, 7.5), new Position3(12.5, 4, -8));
        NeuronPopulation sampled = pop(200_000, 5.0, 0.3, Morphology.SOMA, 10, 10, 0, null);
        NeuronPopulation explicit = pop(1, 5.0, 0.3, Morphology.SOMA, 0, 200, 0, pos);
        List<PlacedCell> mixed = NeuronPlacement.place(new PlaceNeurons(NeuronPopulation.DEFAULTS,
                List.of(sampled, explicit)), G50, new RandomStreams(2));
        assertEquals(7, mixed.size());
        for (int k = 0; k < 2; k++) {
            PlacedCell c = mixed.get(5 + k);
            assertArrayEquals(new double[] {pos.get(k).z(), pos.get(k).y(), pos.get(k).x()},
                    new double[] {c.zUm(), c.yUm(), c.xUm()});
        }
        // the sampled population is unaffected by the explicit one following it
        List<PlacedCell> alone = NeuronPlacement.place(step(sampled), G50, new RandomStreams(2));
        for (int i = 0; i < 5; i++) {
            assertEquals(alone.get(i).yUm(), mixed.get(i).yUm());
        }
    }

    @Test
    void offCanvasOrSubPixelCellsLightTheNearestPixel() {
        List<Position3> pos = List.of(new Position3(0, 500, -500), new Position3(0, 0.1, 0.1));
        NeuronPopulation far = pop(1, 5.0, 0.3, Morphology.SOMA, 0, 0, 0, pos.subList(0, 1));
        Footprint f = NeuronPlacement.place(step(far), G50, new RandomStreams(1)).get(0).planted();
        assertEquals(1, f.ph());
        assertEquals(1, f.pw());
        assertEquals(99, f.y0());
        assertEquals(0, f.x0());
        assertEquals(1.0, f.max(), 0.0);
        NeuronPopulation tiny = pop(1, 0.01, 0.0, Morphology.SOMA, 0, 0, 0, pos.subList(1, 2));
        Footprint t = NeuronPlacement.place(step(tiny), G50, new RandomStreams(1)).get(0).planted();
        // centre index 49.5 + 0.2 = 49.7 → 50
        assertEquals(50, t.y0());
        assertEquals(50, t.x0());
        assertEquals(1, t.patch().length);
    }

    @Test
    void cytosolicCellsLightMorePixelsReachFurtherAndAreGraded() {
        List<Position3> at = List.of(new Position3(10, 0, 0));
        Geometry g = new Geometry(0.5, 200, 200, 10, 20.0, 0);
        NeuronPopulation soma = pop(1, 5.0, 0.3, Morphology.SOMA, 0, 0, 0, at);
        NeuronPopulation cyto = pop(1, 5.0, 0.3, Morphology.CYTOSOLIC, 0, 0, 0, at);
        Footprint s = NeuronPlacement.place(step(soma), g, new RandomStreams(8)).get(0).planted();
        Footprint c = NeuronPlacement.place(step(cyto), g, new RandomStreams(8)).get(0).planted();
        assertTrue(lit(c) > lit(s));
        assertTrue(reach(c, 99.5, 99.5) > reach(s, 99.5, 99.5) + 2.0);
        assertEquals(1.0, c.max(), 0.0);
        boolean graded = false;
        for (float v : c.patch()) {
            graded |= v > 0f && v < 1f;
        }
        assertTrue(graded);
        // the soma is untouched by the dendrites: every soma pixel stays 1
        double[] ds = s.toDense(), dc = c.toDense();
        for (int i = 0; i < ds.length; i++) {
            if (ds[i] == 1.0) {
                assertEquals(1.0, dc[i], 0.0);
            }
        }
    }

    @Test
    void dendriteLayoutVariesWithTheSeedAndRepeatsForTheSameSeed() {
        List<Position3> at = List.of(new Position3(10, 0, 0));
        Geometry g = new Geometry(0.5, 200, 200, 10, 20.0, 0);
        NeuronPopulation cyto = pop(1, 5.0, 0.3, Morphology.CYTOSOLIC, 0, 0, 0, at);
        Set<Integer> counts = new HashSet<>();
        for (int seed = 0; seed < 8; seed++) {
            counts.add(lit(NeuronPlacement.place(step(cyto), g, new RandomStreams(seed)).get(0).planted()));
        }
        assertTrue(counts.size() >= 5, counts.toString());
        Footprint a = NeuronPlacement.place(step(cyto), g, new RandomStreams(3)).get(0).planted();
        Footprint b = NeuronPlacement.place(step(cyto), g, new RandomStreams(3)).get(0).planted();
        assertArrayEquals(a.patch(), b.patch());
    }

    @Test
    void somaMorphologyIgnoresDendriteParameters() {
        List<Position3> at = List.of(new Position3(10, 1, 2));
        NeuronPopulation a = new NeuronPopulation(1, 5.0, 0.3, Morphology.SOMA, 24, 3, new DepthRange(0, 0), 0, at);
        NeuronPopulation b = new NeuronPopulation(1, 5.0, 0.3, Morphology.SOMA, 80, 9, new DepthRange(0, 0), 0, at);
        Footprint fa = NeuronPlacement.place(step(a), G50, new RandomStreams(3)).get(0).planted();
        Footprint fb = NeuronPlacement.place(step(b), G50, new RandomStreams(3)).get(0).planted();
        assertEquals(fa.y0(), fb.y0());
        assertArrayEquals(fa.patch(), fb.patch());
    }

    @Test
    void dendritesAtTheCanvasEdgeAreClipped() {
        List<Position3> at = List.of(new Position3(10, -24, 24));
        NeuronPopulation cyto = pop(1, 5.0, 0.3, Morphology.CYTOSOLIC, 0, 0, 0, at);
        List<Footprint> fs = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) {
            Footprint f = NeuronPlacement.place(step(cyto), G50, new RandomStreams(seed)).get(0).planted();
            assertTrue(f.y0() >= 0 && f.x0() + f.pw() <= 100);
            assertEquals(1.0, f.max(), 0.0);
            fs.add(f);
        }
        assertEquals(4, fs.size());
    }

    static int lit(Footprint f) {
        int n = 0;
        for (float v : f.patch()) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    static double reach(Footprint f, double cy, double cx) {
        double r = 0;
        for (int a = 0; a < f.ph(); a++) {
            for (int b = 0; b < f.pw(); b++) {
                if (f.patch()[a * f.pw() + b] > 0) {
                    r = Math.max(r, Math.hypot(f.y0() + a - cy, f.x0() + b - cx));
                }
            }
        }
        return r;
    }
}
