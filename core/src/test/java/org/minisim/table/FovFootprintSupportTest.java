package org.minisim.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.Footprint;

/**
 * A footprint's support box (docs/table.md#neighbour-columns) is the tight box of the values at or above
 * {@code rel × peak}: the row-maxima search that reads only rows reaching the cut, from their ends inwards, gives
 * the box of the definition on footprints with empty rows, single pixels, negative values, views cropped by the
 * FOV and a value that is not a number.
 */
class FovFootprintSupportTest {

    /** @return {y0, y1, x0, x1} of the definition over the view's box of a dense canvas (empty: all 0) */
    private static int[] definition(float[] dense, int w, int[] box, double rel) {
        float peak = 0f;
        for (int y = box[0]; y < box[1]; y++) {
            for (int x = box[2]; x < box[3]; x++) {
                peak = Math.max(peak, dense[y * w + x]);
            }
        }
        if (!(peak > 0f)) {
            return new int[] {0, 0, 0, 0};
        }
        float cut = (float) (rel * peak);
        int a = Integer.MAX_VALUE, b = -1, c = Integer.MAX_VALUE, d = -1;
        for (int y = box[0]; y < box[1]; y++) {
            for (int x = box[2]; x < box[3]; x++) {
                if (dense[y * w + x] >= cut) {
                    a = Math.min(a, y);
                    b = Math.max(b, y + 1);
                    c = Math.min(c, x);
                    d = Math.max(d, x + 1);
                }
            }
        }
        return new int[] {a, b, c, d};
    }

    @Test
    void supportIsTheTightBoxOfTheValuesAtTheCut() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            int h = 1 + rnd.nextInt(12), w = 1 + rnd.nextInt(12);
            float[] dense = new float[h * w];
            int kind = trial % 5;
            for (int k = 0; k < dense.length; k++) {
                dense[k] = switch (kind) {
                    case 0 -> rnd.nextInt(3) == 0 ? (float) rnd.nextDouble() : 0f; // sparse
                    case 1 -> 0f; // empty
                    case 2 -> (float) (rnd.nextDouble() - 0.7); // mostly negative
                    default -> (float) Math.exp(-rnd.nextDouble() * 8); // smooth-ish, many tiny values
                };
            }
            if (kind == 1 && rnd.nextBoolean()) {
                dense[rnd.nextInt(dense.length)] = 0.5f; // a single pixel
            }
            if (trial % 37 == 0) {
                dense[rnd.nextInt(dense.length)] = Float.NaN;
            }
            Footprint canvas = new Footprint(0, 0, h, w, dense, h, w);
            // the FOV: the whole canvas or a crop of it
            int top = rnd.nextInt(Math.max(1, h / 2)), left = rnd.nextInt(Math.max(1, w / 2));
            int fh = h - top - rnd.nextInt(Math.max(1, (h - top) / 2)), fw = w - left - rnd.nextInt(Math.max(1, (w - left) / 2));
            FovFootprint view = new FovFootprint(canvas, top, left, fh, fw);
            for (double rel : new double[] {0.01, 0.05, 0.5, 1.0}) {
                FovFootprint s = view.support(rel);
                int[] got = s.isEmpty() ? new int[] {0, 0, 0, 0}
                        : new int[] {s.y0() + top, s.y1() + top, s.x0() + left, s.x1() + left};
                int[] want = definition(dense, w, new int[] {view.y0() + top, view.y1() + top, view.x0() + left,
                        view.x1() + left}, rel);
                if (view.isEmpty()) {
                    want = new int[] {0, 0, 0, 0};
                }
                if (want[0] == want[1]) {
                    want = new int[] {0, 0, 0, 0};
                    got = s.isEmpty() ? want : got;
                }
                assertArrayEquals(want, got, "trial " + trial + " rel " + rel);
            }
        }
    }
}
