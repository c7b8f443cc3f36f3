package org.minisim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.Footprint;

/** The energy core found by binning equals the definition's sort of every value. */
class FootprintSummaryTest {

    /** @return the definition: the fewest brightest values whose sum reaches frac of the positive total */
    private static int bySort(float[] v, double frac) {
        if (frac >= 1.0) {
            int positive = 0;
            for (float x : v) {
                positive += x > 0 ? 1 : 0;
            }
            return positive; // all of it: every positive pixel (tiny ones too, which a running sum may not notice)
        }
        float[] s = v.clone();
        Arrays.sort(s);
        double total = 0;
        for (float x : s) {
            total += x > 0 ? x : 0;
        }
        double cum = 0;
        int n = 0;
        for (int k = s.length - 1; k >= 0 && s[k] > 0; k--) {
            cum += s[k];
            n++;
            if (cum >= frac * total) {
                return n;
            }
        }
        return n;
    }

    @Test
    void binnedCoreEqualsTheSortedDefinition() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int h = 3 + rng.nextInt(30), w = 3 + rng.nextInt(30);
            float[] v = new float[h * w];
            double sigma = 0.5 + 6 * rng.nextDouble(), cy = rng.nextDouble() * h, cx = rng.nextDouble() * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double g = Math.exp(-((y - cy) * (y - cy) + (x - cx) * (x - cx)) / (2 * sigma * sigma));
                    v[y * w + x] = (float) (trial % 3 == 0 ? Math.round(g * 4) / 4.0 : g); // ties too
                }
            }
            FovFootprint f = new FovFootprint(new Footprint(0, 0, h, w, v, h, w), 0, 0, h, w);
            for (double frac : new double[] {0.5, 0.9, 0.99, 1.0}) {
                assertEquals(bySort(v, frac), FootprintSummary.of(f, frac).coreArea(), "trial " + trial + " " + frac);
            }
        }
    }
}
