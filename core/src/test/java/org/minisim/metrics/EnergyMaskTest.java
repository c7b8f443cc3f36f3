package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnergyMaskTest {

    private static int[] mask(double[] img, int w, double frac) {
        return EnergyMask.masks(ImageStack.fromImages(img.length / w, w, img), frac)[0];
    }

    @Test
    void keepsTheShortestBrightestPrefixReachingTheFraction() {
        double[] img = {0, 5, 0, 3, 1, 1}; // total 10
        assertArrayEquals(new int[] {1}, mask(img, 3, 0.5)); // 5 ≥ 5
        assertArrayEquals(new int[] {1, 3}, mask(img, 3, 0.51)); // 8 ≥ 5.1
        assertArrayEquals(new int[] {1, 3}, mask(img, 3, 0.8));
        assertArrayEquals(new int[] {1, 3, 5}, mask(img, 3, 0.9)); // tie at 1: higher index first
        assertArrayEquals(new int[] {1, 3, 4, 5}, mask(img, 3, 1.0));
    }

    @Test
    void tiesAreBrokenLikeAReversedStableAscendingSort() {
        double[] flat = {2, 2, 2, 2};
        assertArrayEquals(new int[] {3}, mask(flat, 2, 0.25));
        assertArrayEquals(new int[] {2, 3}, mask(flat, 2, 0.3));
    }

    @Test
    void allZeroOrNegativeFootprintsGiveAnEmptyMask() {
        assertArrayEquals(new int[0], mask(new double[9], 3, 0.9));
        assertArrayEquals(new int[0], mask(new double[] {-1, -2, 0, -3}, 2, 1.0));
    }

    @Test
    void indicesAreGlobalGridIndicesOfAWindowedUnit() {
        double[] img = new double[5 * 7];
        img[3 * 7 + 4] = 2.0;
        img[2 * 7 + 4] = 1.0;
        assertArrayEquals(new int[] {2 * 7 + 4, 3 * 7 + 4}, mask(img, 7, 1.0));
    }

    @Test
    void fractionMustBeInTheHalfOpenUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> mask(new double[4], 2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> mask(new double[4], 2, 1.0000001));
    }
}
