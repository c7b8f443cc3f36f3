package org.minisim.spec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.minisim.spec.json.JsonText;

/**
 * Drawn values follow their declared distributions (docs/sweeps.md#sampled-sweeps).
 *
 * <p>Every test uses fixed sample seeds, so it is deterministic (never flaky); the thresholds are the critical
 * values at significance level α = 0.001: Kolmogorov–Smirnov D &lt; 1.94947/√n (asymptotic), chi-square with k−1
 * degrees of freedom below 18.467 (4), 13.816 (2) or 10.828 (1). A correct sampler passes a given seed with
 * probability 0.999; a wrong mapping (a skewed or shifted inverse CDF) fails by far at n = 10 000.
 */
class SampleDistributionsTest {
    static final int N = 10_000;
    static final double KS_CRITICAL = 1.94947 / Math.sqrt(N);

    static Sample sample(SampleMethod method, long seed, int count, Distribution... ds) {
        List<Sample.SampleAxis> axes = new ArrayList<>();
        for (int j = 0; j < ds.length; j++) {
            String name = "a" + j;
            axes.add(new Sample.SampleAxis("sample.axes[" + j + "]",
                    new AxisPath(name, List.of(name), null, false, AxisPath.Leaf.NUMBER), ds[j]));
        }
        return new Sample(count, method, seed, axes);
    }

    /** @return the drawn values of one axis as doubles */
    static double[] values(Sample s, int axis) {
        List<List<JsonNode>> pts = s.draw();
        double[] v = new double[pts.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = pts.get(i).get(axis).doubleValue();
        }
        return v;
    }

    /** @return the Kolmogorov–Smirnov statistic of a sample against a CDF */
    static double ks(double[] x, DoubleUnaryOperator cdf) {
        double[] s = x.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / s.length - f, f - (double) i / s.length));
        }
        return d;
    }

    /** Normal density, integrated by composite Simpson in the test (independent of the sampler's Φ). */
    static double normalMass(double mean, double sd, double from, double to) {
        double a = Math.max(from, mean - 12 * sd);
        double b = Math.min(to, mean + 12 * sd);
        if (b <= a) {
            return 0;
        }
        int n = 400;
        double h = (b - a) / n;
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            double z = (a + k * h - mean) / sd;
            double f = Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
            sum += f * (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    static DoubleUnaryOperator truncatedNormalCdf(double mean, double sd, double min, double max) {
        double total = normalMass(mean, sd, min, max);
        return x -> normalMass(mean, sd, min, x) / total;
    }

    static void assertKs(double[] x, DoubleUnaryOperator cdf, String what) {
        double d = ks(x, cdf);
        assertTrue(d < KS_CRITICAL, what + ": KS D = " + d + " ≥ " + KS_CRITICAL);
    }

    @Test
    void uniformPassesKolmogorovSmirnov() {
        for (SampleMethod m : SampleMethod.values()) {
            double[] x = values(sample(m, 7, N, new Distribution.Uniform(0.3, 0.6)), 0);
            assertKs(x, v -> (v - 0.3) / 0.3, "uniform " + m);
            assertTrue(Arrays.stream(x).allMatch(v -> v >= 0.3 && v <= 0.6));
        }
    }

    @Test
    void logUniformPassesKolmogorovSmirnov() {
        for (SampleMethod m : SampleMethod.values()) {
            double[] x = values(sample(m, 11, N, new Distribution.LogUniform(1e4, 1e5)), 0);
            assertKs(x, v -> Math.log(v / 1e4) / Math.log(10), "log_uniform " + m);
            assertTrue(Arrays.stream(x).allMatch(v -> v >= 1e4 && v <= 1e5));
        }
    }

    @Test
    void normalsPassKolmogorovSmirnovTruncatedOrNot() {
        double inf = Double.POSITIVE_INFINITY;
        double[][] cases = {
            {2, 0.5, 1, 3},       // the brief's read noise: truncated on both sides
            {0, 1, -inf, inf},    // untruncated
            {10, 3, 11, inf},     // one-sided, above the mean
            {0, 1, -inf, -1.5},   // one-sided, below the mean
            {0, 1, 4, 6},         // far in the upper tail
            {5, 2, -9, -3},       // far in the lower tail
        };
        long seed = 100;
        for (double[] c : cases) {
            for (SampleMethod m : SampleMethod.values()) {
                double[] x = values(sample(m, seed++, N, new Distribution.Normal(c[0], c[1], c[2], c[3])), 0);
                assertKs(x, truncatedNormalCdf(c[0], c[1], c[2], c[3]), "normal " + Arrays.toString(c) + " " + m);
                assertTrue(Arrays.stream(x).allMatch(v -> v >= c[2] && v <= c[3]), Arrays.toString(c));
            }
        }
    }

    /** @return Pearson's chi-square of observed counts against expected probabilities */
    static double chiSquare(long[] observed, double[] p) {
        long n = Arrays.stream(observed).sum();
        double chi = 0;
        for (int k = 0; k < p.length; k++) {
            double e = n * p[k];
            chi += (observed[k] - e) * (observed[k] - e) / e;
        }
        return chi;
    }

    @Test
    void intUniformIncludesBothEndsEquallyOften() {
        double[] x = values(sample(SampleMethod.RANDOM, 5, N, new Distribution.IntUniform(8, 12)), 0);
        long[] counts = new long[5];
        for (double v : x) {
            assertEquals(Math.rint(v), v, "integers only");
            counts[(int) v - 8]++;
        }
        double chi = chiSquare(counts, new double[] {0.2, 0.2, 0.2, 0.2, 0.2});
        assertTrue(chi < 18.467, "int_uniform [8, 12]: chi-square " + chi + " (df 4), counts " + Arrays.toString(counts));
    }

    static long[] choiceCounts(Sample s, int values) {
        long[] counts = new long[values];
        for (List<JsonNode> p : s.draw()) {
            counts[p.get(0).intValue()]++;
        }
        return counts;
    }

    static List<JsonNode> ints(int n) {
        List<JsonNode> v = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            v.add(JsonText.NODES.numberNode(k));
        }
        return v;
    }

    @Test
    void weightedChoiceFollowsItsWeights() {
        long[] two = choiceCounts(sample(SampleMethod.RANDOM, 3, N,
                Distribution.Choice.of(ints(2), new double[] {0.3, 0.7})), 2);
        double chi2 = chiSquare(two, new double[] {0.3, 0.7});
        assertTrue(chi2 < 10.828, "weights [0.3, 0.7]: chi-square " + chi2 + " (df 1), counts " + Arrays.toString(two));

        long[] four = choiceCounts(sample(SampleMethod.RANDOM, 4, N,
                Distribution.Choice.of(ints(4), new double[] {0.5, 0, 1.5, 2})), 4);
        assertEquals(0, four[1], "a zero weight is never drawn");
        double chi3 = chiSquare(new long[] {four[0], four[2], four[3]}, new double[] {0.125, 0.375, 0.5});
        assertTrue(chi3 < 13.816, "weights [0.5, 0, 1.5, 2]: chi-square " + chi3 + " (df 2), counts "
                + Arrays.toString(four));

        long[] equal = choiceCounts(sample(SampleMethod.RANDOM, 6, N, Distribution.Choice.of(ints(3), null)), 3);
        double chiEq = chiSquare(equal, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
        assertTrue(chiEq < 13.816, "no weights: chi-square " + chiEq + " (df 2), counts " + Arrays.toString(equal));
    }

    @Test
    void latinHypercubePutsExactlyOnePointInEachEqualProbabilityBin() {
        int count = 500;
        double inf = Double.POSITIVE_INFINITY;
        Distribution[] ds = {new Distribution.Uniform(0.3, 0.6), new Distribution.LogUniform(1e4, 1e5),
            new Distribution.Normal(2, 0.5, 1, 3), new Distribution.Normal(0, 1, -inf, inf)};
        DoubleUnaryOperator[] cdfs = {v -> (v - 0.3) / 0.3, v -> Math.log(v / 1e4) / Math.log(10),
            truncatedNormalCdf(2, 0.5, 1, 3), truncatedNormalCdf(0, 1, -inf, inf)};
        Sample s = sample(SampleMethod.LATIN_HYPERCUBE, 9, count, ds);
        for (int j = 0; j < ds.length; j++) {
            double[] u = s.probabilities(j);
            double[] x = values(s, j);
            int[] inBin = new int[count];
            for (int i = 0; i < count; i++) {
                inBin[(int) Math.floor(u[i] * count)]++;
                // the value's own CDF puts it in the same bin (up to the test's quadrature error at a bin edge)
                double f = cdfs[j].applyAsDouble(x[i]) * count;
                assertEquals(Math.floor(u[i] * count) + 0.5, f, 0.5 + 1e-6, "axis " + j + " point " + i);
            }
            for (int b = 0; b < count; b++) {
                assertEquals(1, inBin[b], "axis " + j + " bin " + b);
            }
        }
    }

    @Test
    void latinHypercubeOnDiscreteAxesMatchesTheProportionsWithinTwo() {
        int count = 1000;
        Sample s = sample(SampleMethod.LATIN_HYPERCUBE, 12, count, new Distribution.IntUniform(8, 12),
                Distribution.Choice.of(ints(3), new double[] {0.3, 0.2, 0.5}));
        long[] ints = new long[5];
        long[] choices = new long[3];
        for (List<JsonNode> p : s.draw()) {
            ints[p.get(0).intValue() - 8]++;
            choices[p.get(1).intValue()]++;
        }
        for (long c : ints) {
            assertTrue(Math.abs(c - 200) < 2, Arrays.toString(ints));
        }
        double[] w = {0.3, 0.2, 0.5};
        for (int k = 0; k < 3; k++) {
            assertTrue(Math.abs(choices[k] - w[k] * count) < 2, Arrays.toString(choices));
        }
    }

    @Test
    void drawsLieStrictlyInsideTheUnitInterval() {
        for (SampleMethod m : SampleMethod.values()) {
            double[] u = sample(m, 1, N).probabilities(0);
            assertTrue(Arrays.stream(u).allMatch(v -> v > 0 && v < 1), m.toString());
        }
    }
}
