package org.minisim.metrics;

import java.util.Arrays;

/**
 * Rectangular linear sum assignment (docs/scoring.md#assignment): the one-to-one pairing of {@code min(rows, cols)}
 * rows and columns with the largest total weight. Shortest augmenting paths with dual potentials
 * (Jonker–Volgenant style, as in Crouse 2016 — the algorithm behind SciPy's {@code linear_sum_assignment}),
 * O(n²·m) for an n × m problem with n ≤ m. Written here rather than taken from a library: the candidates on
 * Maven Central are either unmaintained or square-only, and the solver is ~80 lines.
 */
public final class LinearAssignment {

    private LinearAssignment() {}

    /**
     * @param weights row-major {@code rows × cols} weights, all finite
     * @param rows    rows (may be 0)
     * @param cols    columns (may be 0)
     * @return for each row the assigned column, or −1 for the {@code rows − cols} rows left out when
     *     {@code rows > cols}
     * @throws IllegalArgumentException on a NaN or infinite weight
     */
    public static int[] maximize(double[] weights, int rows, int cols) {
        if (weights.length != rows * cols) {
            throw new IllegalArgumentException("weights length " + weights.length + " != " + rows + " x " + cols);
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("assignment weights contain an invalid entry: " + w);
            }
        }
        int[] colOf = new int[rows];
        Arrays.fill(colOf, -1);
        if (rows == 0 || cols == 0) {
            return colOf;
        }
        if (rows <= cols) {
            double[] cost = new double[rows * cols];
            for (int k = 0; k < cost.length; k++) {
                cost[k] = -weights[k];
            }
            return solve(cost, rows, cols);
        }
        double[] cost = new double[rows * cols]; // transposed: cols × rows
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cost[j * rows + i] = -weights[i * cols + j];
            }
        }
        int[] rowOfCol = solve(cost, cols, rows);
        for (int j = 0; j < cols; j++) {
            colOf[rowOfCol[j]] = j;
        }
        return colOf;
    }

    /** Minimum-cost assignment of every row of an {@code n × m} cost matrix, n ≤ m. */
    private static int[] solve(double[] cost, int n, int m) {
        double[] u = new double[n], v = new double[m], dist = new double[m];
        int[] path = new int[m], col4row = new int[n], row4col = new int[m], remaining = new int[m];
        boolean[] sr = new boolean[n], sc = new boolean[m];
        Arrays.fill(col4row, -1);
        Arrays.fill(row4col, -1);
        for (int cur = 0; cur < n; cur++) {
            Arrays.fill(path, -1);
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(sr, false);
            Arrays.fill(sc, false);
            for (int it = 0; it < m; it++) {
                remaining[it] = m - it - 1;
            }
            int nRemaining = m;
            double minVal = 0.0;
            int sink = -1;
            int i = cur;
            while (sink == -1) {
                int index = -1;
                double lowest = Double.POSITIVE_INFINITY;
                sr[i] = true;
                for (int it = 0; it < nRemaining; it++) {
                    int j = remaining[it];
                    double r = minVal + cost[i * m + j] - u[i] - v[j];
                    if (r < dist[j]) {
                        path[j] = i;
                        dist[j] = r;
                    }
                    if (dist[j] < lowest || (dist[j] == lowest && row4col[j] == -1)) {
                        lowest = dist[j];
                        index = it;
                    }
                }
                minVal = lowest;
                if (index < 0 || minVal == Double.POSITIVE_INFINITY) {
                    throw new IllegalStateException("assignment infeasible"); // cannot happen with finite weights
                }
                int j = remaining[index];
                if (row4col[j] == -1) {
                    sink = j;
                } else {
                    i = row4col[j];
                }
                sc[j] = true;
                remaining[index] = remaining[--nRemaining];
            }
            u[cur] += minVal;
            for (int r = 0; r < n; r++) {
                if (sr[r] && r != cur) {
                    u[r] += minVal - dist[col4row[r]];
                }
            }
            for (int c = 0; c < m; c++) {
                if (sc[c]) {
                    v[c] -= minVal - dist[c];
                }
            }
            int j = sink;
            while (true) {
                int r = path[j];
                row4col[j] = r;
                int prev = col4row[r];
                col4row[r] = j;
                j = prev;
                if (r == cur) {
                    break;
                }
            }
        }
        return col4row;
    }
}
