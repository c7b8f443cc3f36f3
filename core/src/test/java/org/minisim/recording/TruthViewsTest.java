package org.minisim.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minisim.footprint.GaussianFilter;
import org.minisim.footprint.ImageStack;

class TruthViewsTest {

    /** A 3 × 3 block of ones with its top-left at (y, x) on an h × w canvas. */
    private static double[] block(int h, int w, int y, int x) {
        double[] d = new double[h * w];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                d[(y + a) * w + x + b] = 1.0;
            }
        }
        return d;
    }

    private static double[] crop(double[] canvas, int cw, int top, int left, int h, int w) {
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(canvas, (top + y) * cw + left, out, y * w, w);
        }
        return out;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void plantedViewIsEachPatchCroppedToTheFovWindow() {
        double[] straddling = block(30, 30, 4, 10); // rows 4..6, FOV starts at row 5
        GroundTruth gt = TruthFixture.fromImages(30, 30, straddling, block(30, 30, 12, 12)).fov(5, 5, 20, 20).build();
        ImageStack a = TruthViews.aPlanted(gt);
        assertEquals(2, a.size());
        assertEquals(20, a.height());
        assertArrayEquals(crop(straddling, 30, 5, 5, 20, 20), a.dense(0));
        assertEquals(6.0, sum(a.dense(0)));
        assertEquals(1.0, a.get(1, 7, 7));
    }

    @Test
    void withoutOpticsArraysTheObservedViewIsThePlantedView() {
        GroundTruth gt = TruthFixture.fromImages(20, 20, block(20, 20, 5, 5)).build();
        assertArrayEquals(TruthViews.aPlanted(gt).toDense(), TruthViews.aObserved(gt).toDense());
    }

    @Test
    void aNaNSigmaUnitKeepsItsPlantedFootprintWhileASiblingIsBlurred() {
        double[] a = block(40, 40, 8, 8), b = block(40, 40, 25, 25);
        GroundTruth gt = TruthFixture.fromImages(40, 40, a, b)
                .optics(new double[] {Double.NaN, 1.5}, new double[] {0.3, 0.5}).build();
        ImageStack obs = TruthViews.aObserved(gt);
        assertArrayEquals(a, obs.dense(0)); // gain ignored too
        double[] blurred = obs.dense(1);
        assertNotEquals(b[26 * 40 + 26], blurred[26 * 40 + 26]);
        assertTrue(blurred[25 * 40 + 22] > 0.0, "light spreads past the planted box");
        assertEquals(0.5 * 9.0, sum(blurred), 1e-4); // blur conserves light, gain scales it
    }

    @Test
    void aUnitStraddlingTheFovEdgeIsBlurredOnTheCanvasBeforeTheCrop() {
        int ch = 40, cw = 40, top = 10, left = 10, h = 20, w = 20;
        double[] planted = block(ch, cw, 7, 15); // rows 7..9: entirely above the FOV except the blur
        double[] edge = block(ch, cw, 9, 20); // rows 9..11: one row outside, two inside
        double sigma = 1.2, gain = 0.8;
        GroundTruth gt = TruthFixture.fromImages(ch, cw, planted, edge).fov(top, left, h, w)
                .optics(new double[] {sigma, sigma}, new double[] {gain, gain}).build();
        ImageStack obs = TruthViews.aObserved(gt);
        for (int i = 0; i < 2; i++) {
            double[] src = i == 0 ? planted : edge;
            double[] canvasBlur = GaussianFilter.filter(src, ch, cw, sigma, GaussianFilter.Boundary.ZERO);
            double[] want = crop(canvasBlur, cw, top, left, h, w);
            double[] got = obs.dense(i);
            for (int k = 0; k < want.length; k++) {
                assertEquals((float) (gain * want[k]), got[k], 1e-6, "unit " + i + " pixel " + k);
            }
        }
        // light from the margin reaches the FOV: more than blurring the cropped footprint would give
        double[] croppedThenBlurred = GaussianFilter.filter(crop(edge, cw, top, left, h, w), h, w, sigma,
                GaussianFilter.Boundary.ZERO);
        assertTrue(obs.get(1, 0, 11) > gain * croppedThenBlurred[11] + 1e-3);
        assertTrue(sum(obs.dense(0)) > 0.0, "a unit planted in the margin still casts blur into the FOV");
    }

    @Test
    void theObservedViewIsMemoisedPerGroundTruth() {
        GroundTruth gt = TruthFixture.fromImages(20, 20, block(20, 20, 5, 5))
                .optics(new double[] {1.0}, new double[] {1.0}).build();
        assertSame(TruthViews.aObserved(gt), TruthViews.aObserved(gt));
    }

    @Test
    void detectableSubsetSlicesEveryPerUnitFieldAndCarriesTheRest() {
        int f = 3;
        double[] c = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] s = {0, 1, 0, 1, 0, 1, 0, 0, 1};
        double[] vignette = new double[20 * 20];
        double[] shifts = new double[2 * f];
        GroundTruth gt = TruthFixture.fromImages(20, 20, block(20, 20, 1, 1), block(20, 20, 8, 8), block(20, 20, 14, 3))
                .traces(f, c, s).detectable(true, false, true)
                .optics(new double[] {1.0, Double.NaN, 2.0}, new double[] {0.9, 0.8, 0.7})
                .shifts(shifts).vignette(vignette).bleaching(new double[] {1, 1, 1, .9, .9, .9, .8, .8, .8})
                .vesselOverlap(new double[] {0.1, 0.2, 0.3}).build();
        GroundTruth sub = TruthViews.detectableSubset(gt);
        assertEquals(2, sub.nUnits());
        assertArrayEquals(new int[] {0, 2}, TruthViews.detectableIndex(gt));
        assertSame(gt.planted().get(2), sub.planted().get(1));
        assertArrayEquals(new double[] {1, 2, 3, 7, 8, 9}, sub.c());
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1}, sub.s());
        assertArrayEquals(new double[] {0, 0, 0, 20, 0, 0}, sub.centersUm());
        assertArrayEquals(new double[] {1.0, 2.0}, sub.observedSigmaPx());
        assertArrayEquals(new double[] {0.9, 0.7}, sub.observedGain());
        assertArrayEquals(new double[] {1, 1, 1, .8, .8, .8}, sub.bleaching());
        assertArrayEquals(new double[] {0.1, 0.3}, sub.vesselOverlapFraction());
        assertArrayEquals(new boolean[] {true, true}, sub.detectable());
        assertEquals(2, sub.inFocus().length);
        assertEquals(2, sub.amplitudePerCell().length);
        assertSame(shifts, sub.shifts());
        assertSame(vignette, sub.vignette());
        assertNull(sub.leakage());
        assertEquals(gt.focalDepthUm(), sub.focalDepthUm());
        assertEquals(gt.fovTop(), sub.fovTop());
        assertEquals(gt.canvasHeight(), sub.canvasHeight());
        assertEquals(f, sub.nFrames());
        // the subset's observed view is the full view's detectable rows
        ImageStack full = TruthViews.aObserved(gt), part = TruthViews.aObserved(sub);
        assertArrayEquals(full.dense(0), part.dense(0));
        assertArrayEquals(full.dense(2), part.dense(1));
    }

    @Test
    void aSubsetOfAMemoisedTruthReusesTheParentsObservedRows() {
        GroundTruth gt = TruthFixture.fromImages(20, 20, block(20, 20, 1, 1), block(20, 20, 10, 10))
                .detectable(false, true).optics(new double[] {1.0, 1.0}, new double[] {1.0, 1.0}).build();
        ImageStack full = TruthViews.aObserved(gt);
        GroundTruth sub = TruthViews.detectableSubset(gt);
        assertSame(full.unit(1), TruthViews.aObserved(sub).unit(0));
    }

    @Test
    void detectableSubsetKeepsNullOptionalsNullAndCanBeEmpty() {
        GroundTruth gt = TruthFixture.fromImages(10, 10, block(10, 10, 1, 1)).detectable(false).build();
        GroundTruth sub = TruthViews.detectableSubset(gt);
        assertEquals(0, sub.nUnits());
        assertNull(sub.observedSigmaPx());
        assertNull(sub.bleaching());
        assertEquals(0, TruthViews.aObserved(sub).size());
        assertEquals(10, TruthViews.aObserved(sub).width());
    }
}
