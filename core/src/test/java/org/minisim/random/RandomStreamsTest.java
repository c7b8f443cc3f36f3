package org.minisim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    /** What a frame renderer draws: a few normals and uniforms from frame t's own stream. */
    static double[] drawFrame(RandomStreams rs, long t) {
        UniformRandomProvider rng = rs.stream(Purpose.SENSOR, t);
        ContinuousSampler n = RandomStreams.normal(rng);
        double[] v = new double[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? n.sample() : rng.nextDouble();
        }
        return v;
    }

    static long[] words(UniformRandomProvider rng, int n) {
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = rng.nextLong();
        }
        return w;
    }

    @Test
    void addressedFrameEqualsTheSameFrameReachedSequentially() {
        RandomStreams rs = new RandomStreams(42);
        double[] last = null;
        for (long t = 0; t <= 1000; t++) {
            last = drawFrame(rs, t);
        }
        assertArrayEquals(last, drawFrame(new RandomStreams(42), 1000));
    }

    @Test
    void sameAddressSameSequence() {
        assertArrayEquals(words(new RandomStreams(7).stream(Purpose.ACTIVITY, 3), 64),
                words(new RandomStreams(7).stream(Purpose.ACTIVITY, 3), 64));
        assertArrayEquals(words(new RandomStreams(7).stream(Purpose.MOTION), 8),
                words(new RandomStreams(7).stream(Purpose.MOTION, 0, 0), 8));
    }

    @Test
    void distinctAddressesGiveDifferentSequences() {
        RandomStreams rs = new RandomStreams(7);
        long[][] seqs = {
            words(rs.stream(Purpose.ACTIVITY, 3), 8),
            words(rs.stream(Purpose.ACTIVITY, 4), 8),
            words(rs.stream(Purpose.PLACE_SHAPE, 3), 8),
            words(rs.stream(Purpose.VESSEL, 1, 2), 8),
            words(rs.stream(Purpose.VESSEL, 2, 1), 8),
            words(new RandomStreams(8).stream(Purpose.ACTIVITY, 3), 8),
            words(rs.stream(Purpose.ACTIVITY_GAIN), 8),
        };
        for (int i = 0; i < seqs.length; i++) {
            for (int j = 0; j < i; j++) {
                assertFalse(Arrays.equals(seqs[i], seqs[j]), i + " vs " + j);
            }
        }
        // and every purpose's unindexed stream is distinct
        for (Purpose a : Purpose.values()) {
            for (Purpose b : Purpose.values()) {
                if (a != b) {
                    assertFalse(Arrays.equals(words(rs.stream(a), 4), words(rs.stream(b), 4)));
                }
            }
        }
    }

    @Test
    void serialisedStreamsDrawTheSameNumbers() throws Exception {
        RandomStreams rs = new RandomStreams(123);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rs);
        }
        RandomStreams back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RandomStreams) in.readObject();
        }
        assertEquals(123, back.seed());
        assertArrayEquals(words(rs.stream(Purpose.SENSOR, 99), 16), words(back.stream(Purpose.SENSOR, 99), 16));
    }

    @Test
    void uniformsAreInTheUnitIntervalWithMeanHalf() {
        UniformRandomProvider rng = new RandomStreams(1).stream(Purpose.PLACE_CENTRES, 0);
        int n = 200_000;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            assertTrue(u >= 0 && u < 1);
            s += u;
        }
        assertEquals(0.5, s / n, 0.005);
    }

    @Test
    void normalSamplerHasUnitMomentsAndPassesKolmogorovSmirnov() {
        int n = 200_000;
        ContinuousSampler norm = RandomStreams.normal(new RandomStreams(2024).stream(Purpose.NEUROPIL_SPATIAL, 1));
        double[] x = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            x[i] = norm.sample();
            mean += x[i];
        }
        mean /= n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, var, 0.01);
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = phi(x[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        // K–S critical value at α = 0.001 is 1.95/√n
        assertTrue(d * Math.sqrt(n) < 1.95, "KS statistic √n·D = " + d * Math.sqrt(n));
        // and the test has teeth: a shifted sample fails it
        double dShift = 0;
        for (int i = 0; i < n; i++) {
            double f = phi(x[i] + 0.02);
            dShift = Math.max(dShift, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        assertTrue(dShift * Math.sqrt(n) > 1.95);
    }

    @Test
    void poissonSamplerFromOurStreamsHasEqualMeanAndVariance() {
        for (double mu : new double[] {5.0, 40.0}) {
            UniformRandomProvider rng = new RandomStreams(9).stream(Purpose.PLACE_SHAPE, (long) mu);
            var p = PoissonSampler.of(rng, mu);
            int n = 100_000;
            double s = 0, s2 = 0;
            for (int i = 0; i < n; i++) {
                int k = p.sample();
                assertTrue(k >= 0);
                s += k;
                s2 += (double) k * k;
            }
            double mean = s / n, var = s2 / n - mean * mean;
            assertEquals(mu, mean, 0.02 * mu);
            assertEquals(mu, var, 0.05 * mu);
        }
    }

    /** Standard normal CDF via erfc (~1e−7 accurate, ample for a K–S test at n = 2·10⁵). */
    static double phi(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2.0));
    }

    /** Numerical Recipes' erfc (Chebyshev fit), fractional error &lt; 1.2e−7 everywhere. */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
