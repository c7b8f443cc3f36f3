package org.minisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    /** Best total over all injective maps of the smaller side into the larger, by exhaustive search. */
    private static double bruteForce(double[] w, int rows, int cols) {
        if (rows <= cols) {
            return best(w, rows, cols, 0, new boolean[cols], false);
        }
        return best(w, cols, rows, 0, new boolean[rows], true);
    }

    private static double best(double[] w, int n, int m, int i, boolean[] used, boolean transposed) {
        if (i == n) {
            return 0.0;
        }
        double b = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                used[j] = true;
                double v = (transposed ? w[j * n + i] : w[i * m + j]) + best(w, n, m, i + 1, used, transposed);
                used[j] = false;
                b = Math.max(b, v);
            }
        }
        return b;
    }

    private static double total(double[] w, int cols, int[] colOf) {
        double s = 0.0;
        for (int i = 0; i < colOf.length; i++) {
            if (colOf[i] >= 0) {
                s += w[i * cols + colOf[i]];
            }
        }
        return s;
    }

    @Test
    void matchesExhaustiveSearchOnRandomRectangularProblems() {
        Random rng = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + rng.nextInt(6), cols = 1 + rng.nextInt(6);
            double[] w = new double[rows * cols];
            for (int k = 0; k < w.length; k++) {
                // many ties and zeros, like similarity matrices
                w[k] = rng.nextInt(3) == 0 ? 0.0 : rng.nextInt(5) / 4.0;
            }
            int[] colOf = LinearAssignment.maximize(w, rows, cols);
            int assigned = 0;
            boolean[] used = new boolean[cols];
            for (int c : colOf) {
                if (c >= 0) {
                    assertEquals(false, used[c], "column used twice");
                    used[c] = true;
                    assigned++;
                }
            }
            assertEquals(Math.min(rows, cols), assigned);
            assertEquals(bruteForce(w, rows, cols), total(w, cols, colOf), 1e-12, "trial " + trial);
        }
    }

    @Test
    void emptySidesGiveNoAssignment() {
        assertArrayEquals(new int[0], LinearAssignment.maximize(new double[0], 0, 3));
        assertArrayEquals(new int[] {-1, -1}, LinearAssignment.maximize(new double[0], 2, 0));
    }

    @Test
    void tallProblemsLeaveTheWorstRowsOut() {
        double[] w = {0.1, 0.9, 0.5}; // 3 rows, 1 column
        assertArrayEquals(new int[] {-1, 0, -1}, LinearAssignment.maximize(w, 3, 1));
    }

    @Test
    void invalidWeightsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.maximize(new double[] {Double.NaN}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.maximize(new double[2], 1, 1));
    }

    @Test
    void solvesALargeProblemQuickly() {
        Random rng = new Random(1);
        int n = 400, m = 500;
        double[] w = new double[n * m];
        for (int k = 0; k < w.length; k++) {
            w[k] = rng.nextDouble() < 0.02 ? rng.nextDouble() : 0.0;
        }
        long t0 = System.nanoTime();
        int[] colOf = LinearAssignment.maximize(w, n, m);
        assertEquals(n, java.util.Arrays.stream(colOf).filter(c -> c >= 0).count());
        assertEquals(true, (System.nanoTime() - t0) / 1e9 < 5.0);
    }
}
