package org.minisim.footprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintTest {

    /** 6 × 7 canvas with non-zero pixels in rows 1..3, columns 2..5. */
    static double[] sample() {
        double[] d = new double[6 * 7];
        d[1 * 7 + 2] = 0.5;
        d[2 * 7 + 4] = 1.0;
        d[3 * 7 + 5] = 0.25;
        return d;
    }

    @Test
    void fromDenseGivesTheTightBoxAndToDenseRebuilds() {
        Footprint f = Footprint.fromDense(sample(), 6, 7);
        assertEquals(1, f.y0());
        assertEquals(2, f.x0());
        assertEquals(3, f.ph());
        assertEquals(4, f.pw());
        assertArrayEquals(new int[] {1, 4, 2, 6}, f.bbox());
        assertArrayEquals(sample(), f.toDense());
        assertEquals(1.75, f.sum(), 1e-12);
        assertEquals(1.0, f.max(), 0.0);
    }

    @Test
    void allZeroIsEmptyAndASinglePixelIsOneByOne() {
        Footprint e = Footprint.fromDense(new double[12], 3, 4);
        assertTrue(e.isEmpty());
        assertEquals(0, e.patch().length);
        assertEquals(0, e.y0());
        assertEquals(3, e.canvasH());
        double[] d = new double[12];
        d[7] = 2.0;
        Footprint one = Footprint.fromDense(d, 3, 4);
        assertEquals(1, one.ph());
        assertEquals(1, one.pw());
        assertEquals(1, one.y0());
        assertEquals(3, one.x0());
    }

    @Test
    void fromWindowEqualsFromDenseOfTheCanvas() {
        double[] win = {0, 0, 0, 0, 3, 0, 0, 1, 2};
        Footprint f = Footprint.fromWindow(win, 3, 3, 4, 5, 10, 12);
        double[] canvas = new double[120];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                canvas[(4 + a) * 12 + 5 + b] = win[a * 3 + b];
            }
        }
        Footprint g = Footprint.fromDense(canvas, 10, 12);
        assertEquals(g.y0(), f.y0());
        assertEquals(g.x0(), f.x0());
        assertArrayEquals(g.patch(), f.patch());
        assertTrue(Footprint.fromWindow(new double[4], 2, 2, 1, 1, 5, 5).isEmpty());
    }

    @Test
    void cropInsidePartialAndOutside() {
        Footprint f = Footprint.fromDense(sample(), 6, 7);
        Footprint in = f.crop(1, 1, 4, 6);
        assertEquals(0, in.y0());
        assertEquals(1, in.x0());
        double[] dense = sample(), slice = new double[24];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 6; b++) {
                slice[a * 6 + b] = dense[(1 + a) * 7 + 1 + b];
            }
        }
        assertArrayEquals(slice, in.toDense());
        Footprint part = f.crop(2, 0, 4, 5); // keeps rows 2..3 and columns 2..4 only
        assertEquals(1.0, part.sum(), 0.0);
        Footprint out = f.crop(4, 0, 2, 2);
        assertTrue(out.isEmpty());
        assertEquals(2, out.canvasH());
    }

    @Test
    void addIntoPlainAndWeighted() {
        Footprint f = Footprint.fromDense(sample(), 6, 7);
        double[] canvas = new double[42];
        f.addInto(canvas);
        assertArrayEquals(sample(), canvas);
        double[] w = {2.0, -1.0, 0.5};
        double[] block = new double[3 * 42];
        f.addInto(block, w);
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 42; p++) {
                assertEquals(w[t] * sample()[p], block[t * 42 + p], 1e-12);
            }
        }
        double[] untouched = new double[3 * 42];
        Footprint.empty(6, 7).addInto(untouched, w);
        Footprint.empty(6, 7).addInto(new double[42]);
        assertArrayEquals(new double[3 * 42], untouched);
        assertThrows(IllegalArgumentException.class, () -> f.addInto(new double[10], w));
    }

    @Test
    void stackDenseIndexMaskSliceAndCrop() {
        Footprint a = Footprint.fromDense(sample(), 6, 7);
        double[] d = new double[42];
        d[0] = 1;
        Footprint b = Footprint.fromDense(d, 6, 7);
        FootprintStack s = new FootprintStack(List.of(a, b, Footprint.empty(6, 7)), 6, 7);
        double[] dense = s.toDense();
        assertEquals(3 * 42, dense.length);
        for (int i = 0; i < 3; i++) {
            double[] m = s.get(i).toDense();
            for (int p = 0; p < 42; p++) {
                assertEquals(m[p], dense[i * 42 + p], 0.0);
            }
        }
        assertEquals(0, new FootprintStack(List.of(), 6, 7).toDense().length);
        FootprintStack masked = s.mask(new boolean[] {false, true, true});
        assertEquals(2, masked.size());
        assertEquals(b, masked.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.mask(new boolean[] {true}));
        assertEquals(a, s.select(2, 0).get(1));
        assertEquals(b, s.slice(1, 2).get(0));
        FootprintStack c = s.crop(1, 1, 3, 3);
        assertEquals(3, c.canvasH());
        assertEquals(3, c.size());
        assertTrue(c.get(1).isEmpty());
    }

    @Test
    void mixedCanvasesFailAndArraysRoundTrip() {
        assertThrows(IllegalArgumentException.class,
                () -> new FootprintStack(List.of(Footprint.empty(2, 2), Footprint.empty(3, 2)), 2, 2));
        Footprint a = Footprint.fromDense(sample(), 6, 7);
        FootprintStack s = new FootprintStack(List.of(a, Footprint.empty(6, 7), a), 6, 7);
        FootprintStack back = FootprintStack.fromArrays(s.offsets(), s.shapes(), s.data(), 6, 7);
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(s.get(i).toDense(), back.get(i).toDense());
        }
        FootprintStack none = FootprintStack.fromArrays(new int[0], new int[0], new float[0], 6, 7);
        assertEquals(0, none.size());
        assertEquals(6, none.canvasH());
    }
}
