package org.minisim.footprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A footprint kept as its blur's factors reads, window by window, exactly as the stored footprint. */
class BlurredFootprintTest {

    private static Footprint irregular(Random r, int h, int w) {
        double cy = r.nextDouble() * h, cx = r.nextDouble() * w, rad = 1.5 + 4 * r.nextDouble();
        Footprint disk = ObservedFootprintTest.disk(h, w, cy, cx, rad);
        float[] p = disk.patch().clone();
        for (int i = 0; i < p.length; i++) {
            p[i] *= (float) (0.5 + r.nextDouble()); // uneven weights; zeros stay zeros
        }
        return new Footprint(disk.y0(), disk.x0(), disk.ph(), disk.pw(), p, h, w);
    }

    @Test
    void everySubWindowReadsAsTheStoredWindowToTheBit() {
        Random r = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int h = 40 + r.nextInt(60), w = 40 + r.nextInt(60);
            Footprint planted = irregular(r, h, w); // near edges too: the window is clipped to the canvas
            if (planted.isEmpty()) {
                continue;
            }
            double sigma = 0.2 + 12 * r.nextDouble(), gain = (r.nextBoolean() ? 1 : -1) * 3 * r.nextDouble();
            BlurredFootprint b = new BlurredFootprint(planted, sigma, gain);
            Footprint stored = ObservedFootprint.degrade(planted, sigma, gain);
            assertEquals(stored.y0(), b.y0());
            assertEquals(stored.x0(), b.x0());
            assertEquals(stored.ph(), b.ph());
            assertEquals(stored.pw(), b.pw());
            assertArrayEquals(stored.patch(), b.dense().patch());
            for (int k = 0; k < 20; k++) {
                int a0 = r.nextInt(b.ph() + 1), a1 = a0 + r.nextInt(b.ph() - a0 + 1);
                int b0 = r.nextInt(b.pw() + 1), b1 = b0 + r.nextInt(b.pw() - b0 + 1);
                int off = r.nextInt(3);
                float[] got = new float[off + (a1 - a0) * (b1 - b0)];
                float[] want = new float[got.length];
                java.util.Arrays.fill(got, Float.NaN); // every written value must be overwritten
                b.copyWindow(a0, a1, b0, b1, got, off);
                stored.copyWindow(a0, a1, b0, b1, want, off);
                for (int i = off; i < got.length; i++) {
                    assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]),
                            "trial " + trial + " window [" + a0 + "," + a1 + ")x[" + b0 + "," + b1 + ") at " + i);
                }
            }
        }
    }

    @Test
    void aSceneKeepsTheFactorsOnlyWhereTheyAreSmaller() {
        Footprint planted = ObservedFootprintTest.disk(256, 256, 128, 128, 4);
        FootprintPatch blurred = ObservedFootprint.observe(planted, 20.0, 0.5);
        assertInstanceOf(BlurredFootprint.class, blurred);
        assertTrue(blurred.heapBytes() * 4 < blurred.denseBytes(), blurred.heapBytes() + " vs " + blurred.denseBytes());
        FootprintPatch sharp = ObservedFootprint.observe(planted, 0.5, 0.5);
        assertInstanceOf(Footprint.class, sharp);
        assertArrayEquals(ObservedFootprint.degrade(planted, 0.5, 0.5).patch(), sharp.dense().patch());
        // a non-finite gain poisons the whole window as a dense multiply would: stored, not factored
        assertInstanceOf(Footprint.class, ObservedFootprint.observe(planted, 20.0, Double.POSITIVE_INFINITY));
    }
}
