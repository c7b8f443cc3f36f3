package org.minisim.table;

/** Dense Cholesky solve of a small symmetric positive-definite system (row-major, in place). */
final class Cholesky {

    private Cholesky() {}

    /**
     * Solves {@code A x = b}: {@code a} (m × m, row-major) is overwritten by its lower factor, {@code b} by x.
     *
     * @return false when a pivot is not positive (A not positive definite); a and b are then undefined
     */
    static boolean solveInPlace(double[] a, int m, double[] b) {
        for (int j = 0; j < m; j++) {
            double d = a[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * m + k] * a[j * m + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[j * m + j] = ljj;
            for (int i = j + 1; i < m; i++) {
                double v = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    v -= a[i * m + k] * a[j * m + k];
                }
                a[i * m + j] = v / ljj;
            }
        }
        for (int i = 0; i < m; i++) {
            double v = b[i];
            for (int k = 0; k < i; k++) {
                v -= a[i * m + k] * b[k];
            }
            b[i] = v / a[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double v = b[i];
            for (int k = i + 1; k < m; k++) {
                v -= a[k * m + i] * b[k];
            }
            b[i] = v / a[i * m + i];
        }
        return true;
    }
}
