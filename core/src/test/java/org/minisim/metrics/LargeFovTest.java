package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The oracle at production size: hundreds of blurred cells on a 608 × 608 FOV (not a power of two). */
class LargeFovTest {

    private static ImageStack cells(int n, int size, long seed) {
        Random rng = new Random(seed);
        List<ImageStack.Patch> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int cy = 30 + rng.nextInt(size - 60), cx = 30 + rng.nextInt(size - 60);
            int r = 12;
            double[] v = new double[(2 * r + 1) * (2 * r + 1)];
            for (int a = -r; a <= r; a++) {
                for (int b = -r; b <= r; b++) {
                    v[(a + r) * (2 * r + 1) + b + r] = Math.exp(-(a * a + b * b) / (2 * 16.0));
                }
            }
            ps.add(new ImageStack.Patch(cy - r, cx - r, 2 * r + 1, 2 * r + 1, v));
        }
        return new ImageStack(size, size, ps);
    }

    @Test
    void autoShiftAndMatchingOnA608FovAreFast() {
        ImageStack truth = cells(400, 608, 11);
        ImageStack est = truth.translate(5, -7);
        long t0 = System.nanoTime();
        Match m = Matching.hungarianMatch(est, truth, "iou", 0.9, ShiftRequest.auto());
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(new PixelShift(-5, 7), m.shift());
        assertTrue(m.recall(0.5) > 0.95, "recall " + m.recall(0.5));
        assertTrue(secs < 10.0, "took " + secs + " s");
        System.out.printf("608x608, 400 cells, auto shift + IoU matching: %.2f s%n", secs);
    }
}
