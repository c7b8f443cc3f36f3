package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;

/**
 * A validated {@code sample} block (docs/sweeps.md#sampled-sweeps): {@code count} points, each a value per
 * sample axis, drawn from addressed random streams under {@code seed}.
 *
 * <p>Unit draws: u(i, j) = (m + ½)·2⁻⁵³ ∈ (0, 1), m the top 53 bits of the first word of stream
 * ({@link Purpose#SWEEP_SAMPLE}, i, j). {@code random} uses u(i, j) itself; {@code latin_hypercube} uses
 * (π_j(i) + u(i, j)) / count with π_j a permutation of 0 … count−1 dealt by a Fisher–Yates shuffle from stream
 * ({@link Purpose#SWEEP_STRATA}, j). Axis j's value is its distribution's inverse CDF at that probability.
 *
 * @param count  number of sample points, ≥ 1
 * @param method random or latin_hypercube
 * @param seed   the sample seed (independent of the recordings' master seeds)
 * @param axes   the sample axes in file order
 */
record Sample(int count, SampleMethod method, long seed, List<SampleAxis> axes) {
    private static final double TWO_POW_M53 = 0x1.0p-53;

    /** One axis of the sample block: its position for messages, its resolved path and its distribution. */
    record SampleAxis(String where, AxisPath path, Distribution distribution) {
    }

    Sample {
        axes = List.copyOf(axes);
    }

    /** @return the probabilities of every point on axis j ({@code [i]} = point i), each in (0, 1) */
    double[] probabilities(int axis) {
        RandomStreams streams = new RandomStreams(seed);
        double[] u = new double[count];
        for (int i = 0; i < count; i++) {
            u[i] = unit(streams.stream(Purpose.SWEEP_SAMPLE, i, axis));
        }
        if (method == SampleMethod.LATIN_HYPERCUBE) {
            int[] stratum = permutation(streams.stream(Purpose.SWEEP_STRATA, axis), count);
            for (int i = 0; i < count; i++) {
                u[i] = (stratum[i] + u[i]) / count;
            }
        }
        return u;
    }

    /** @return the drawn values: {@code get(i).get(j)} = point i's value on axis j */
    List<List<JsonNode>> draw() {
        List<List<JsonNode>> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(new ArrayList<>(axes.size()));
        }
        for (int j = 0; j < axes.size(); j++) {
            double[] u = probabilities(j);
            Distribution d = axes.get(j).distribution();
            for (int i = 0; i < count; i++) {
                points.get(i).add(d.at(u[i]));
            }
        }
        return points;
    }

    /** @return a unit draw in (0, 1) from the stream's first word */
    private static double unit(UniformRandomProvider rng) {
        return ((rng.nextLong() >>> 11) + 0.5) * TWO_POW_M53;
    }

    /** @return 0 … n−1 shuffled (Fisher–Yates, swap index ⌊u·(k+1)⌋ for k = n−1 … 1) */
    private static int[] permutation(UniformRandomProvider rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int k = n - 1; k > 0; k--) {
            int r = (int) Math.min(k, Math.floor(unit(rng) * (k + 1)));
            int t = p[k];
            p[k] = p[r];
            p[r] = t;
        }
        return p;
    }
}
