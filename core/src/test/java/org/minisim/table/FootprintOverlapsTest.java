package org.minisim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.minisim.scene.Scene;
import org.minisim.spec.json.SpecReader;

/** Neighbour cosines on their lattices against the exact cosines of the whole footprints. */
class FootprintOverlapsTest {

    private static double exactCosine(FovFootprint a, FovFootprint b) {
        return FootprintOverlaps.dot(a, b) / Math.sqrt(FootprintOverlaps.dot(a, a) * FootprintOverlaps.dot(b, b));
    }

    @Test
    void latticeCosinesAreWithinTheirDocumentedErrorOfTheExactOnes() throws Exception {
        String full = new String(getClass().getResourceAsStream("/specs/full-64px-1s.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Scene scene = Scene.build(SpecReader.read(full).spec());
        CellFacts facts = CellFacts.of(scene, "test");
        FootprintOverlaps ov = facts.overlaps();
        int n = ov.size();
        assertTrue(n > 5);
        int blurred = 0;
        for (int i = 0; i < n; i++) {
            blurred += ov.level(i) > 0 ? 1 : 0;
            double best = 0;
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && !facts.observed[i].isEmpty() && !facts.observed[j].isEmpty()) {
                    double c = exactCosine(facts.observed[i], facts.observed[j]);
                    best = Math.max(best, c);
                    count += c >= FootprintOverlaps.OVERLAP_COSINE + 0.02 ? 1 : 0;
                }
            }
            if (!Double.isNaN(ov.maxNeighbourCosine(i))) {
                assertEquals(best, ov.maxNeighbourCosine(i), 0.02, "unit " + i + " level " + ov.level(i));
                assertTrue(ov.overlappingNeighbours(i) >= count, "unit " + i);
            }
            int[] nb = ov.neighbours(i);
            assertTrue(nb.length <= FootprintOverlaps.MAX_NEIGHBOURS);
        }
        assertTrue(blurred > 0, "some pairs use a coarser lattice");
    }

    @Test
    void sharpFootprintsAreComparedPixelByPixel() {
        CellFacts f = TableFixtures.facts(2.0, new double[] {1, 3, 2, 1, 0, 0, 0, 0});
        assertEquals(0, f.overlaps().level(0));
        assertEquals(exactCosine(f.observed[0], f.observed[1]), f.overlaps().maxNeighbourCosine(0), 1e-12);
        assertEquals(1, f.overlaps().neighbours(0).length);
    }

    @Test
    void theZOrderVisitsEveryUnitOnceWithNeighboursTogether() {
        // a 4 x 4 grid of 8 px boxes listed column by column: the Z order takes each 2 x 2 quad in turn
        int[] y0 = new int[16], y1 = new int[16], x0 = new int[16], x1 = new int[16];
        for (int i = 0; i < 16; i++) {
            int r = i % 4, c = i / 4;
            y0[i] = 8 * r;
            y1[i] = 8 * r + 8;
            x0[i] = 8 * c;
            x1[i] = 8 * c + 8;
        }
        int[] order = FootprintOverlaps.zOrder(y0, y1, x0, x1);
        boolean[] seen = new boolean[16];
        for (int i : order) {
            assertTrue(!seen[i], "unit " + i + " twice");
            seen[i] = true;
        }
        for (int q = 0; q < 16; q += 4) {
            int qr = y0[order[q]] / 16, qc = x0[order[q]] / 16;
            for (int k = q; k < q + 4; k++) {
                assertEquals(qr, y0[order[k]] / 16, "rank " + k);
                assertEquals(qc, x0[order[k]] / 16, "rank " + k);
            }
        }
        // equal centres keep index order
        int[] same = FootprintOverlaps.zOrder(new int[] {0, 0, 0}, new int[] {4, 4, 4}, new int[] {0, 0, 0},
                new int[] {4, 4, 4});
        assertEquals(java.util.List.of(0, 1, 2), java.util.Arrays.stream(same).boxed().toList());
    }
}
