package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.ImageSensor;

class SensorDigitizerTest {

    private static final ImageSensor SENSOR = ImageSensor.DEFAULTS; // QE 0.7, σr 2 e⁻, gain 1, 8 bit

    private static double[] digitize(double[] intensity, double ppu, ImageSensor s, long seed, int t) {
        double[] out = new double[intensity.length];
        SensorDigitizer.digitize(intensity, ppu, s, new RandomStreams(seed).stream(Purpose.SENSOR, t), out);
        return out;
    }

    @Test
    void countsAreIntegersWithinTheAdcRange() {
        double[] in = new double[4000];
        for (int p = 0; p < in.length; p++) {
            in[p] = -0.5 + 5.0 * p / in.length; // negative (unphysical) to saturating
        }
        double[] c = digitize(in, 100.0, SENSOR, 1, 0);
        boolean sawZero = false;
        boolean sawFull = false;
        for (double v : c) {
            assertEquals(Math.floor(v), v);
            assertTrue(v >= 0 && v <= 255);
            sawZero |= v == 0;
            sawFull |= v == 255;
        }
        assertTrue(sawZero && sawFull, "both clips reached");
    }

    @Test
    void meanCountRisesWithExposure() {
        double[] in = new double[2000];
        Arrays.fill(in, 1.0);
        double prev = -1;
        for (double ppu : new double[] {10, 50, 150}) {
            double m = Arrays.stream(digitize(in, ppu, SENSOR, 2, 3)).average().orElseThrow();
            assertTrue(m > prev);
            prev = m;
        }
    }

    @Test
    void sameStreamGivesSameCountsAndFramesDiffer() {
        double[] in = new double[500];
        Arrays.fill(in, 0.8);
        assertArrayEquals(digitize(in, 100, SENSOR, 5, 9), digitize(in, 100, SENSOR, 5, 9));
        assertTrue(!Arrays.equals(digitize(in, 100, SENSOR, 5, 9), digitize(in, 100, SENSOR, 5, 10)));
    }

    @Test
    void electronStatisticsMatchShotPlusReadNoise() {
        // gain chosen so floor(e·gain)/gain resolves electrons to 1/1000; 24 bits so nothing clips
        ImageSensor fine = new ImageSensor(1, 1, 3.0, 0.6, 3.0, 1000.0, 24);
        int n = 200_000;
        double[] in = new double[n];
        Arrays.fill(in, 0.5);
        double ppu = 80.0; // photons 40, λ = 24 e⁻, variance λ + σr² = 33 e⁻²
        double[] c = digitize(in, ppu, fine, 7, 0);
        double m = 0;
        for (double v : c) {
            m += (v + 0.5) / 1000.0;
        }
        m /= n;
        double var = 0;
        for (double v : c) {
            double e = (v + 0.5) / 1000.0 - m;
            var += e * e;
        }
        var /= n;
        assertEquals(24.0, m, 5 * Math.sqrt(33.0 / n));
        assertEquals(33.0, var, 33.0 * 5 * Math.sqrt(2.0 / n));
    }

    @Test
    void outputMayAliasTheInput() {
        double[] in = new double[300];
        Arrays.fill(in, 1.2);
        double[] expect = digitize(in.clone(), 100, SENSOR, 3, 1);
        SensorDigitizer.digitize(in, 100, SENSOR, new RandomStreams(3).stream(Purpose.SENSOR, 1), in);
        assertArrayEquals(expect, in);
    }

    @Test
    void bufferedWordsGiveExactlyTheNormalsOfTheFrameStream() {
        double[] in = new double[3000];
        for (int p = 0; p < in.length; p++) {
            in[p] = 0.01 * (p % 300);
        }
        double[] got = digitize(in, 100.0, SENSOR, 4, 2);
        var normal = RandomStreams.normal(new RandomStreams(4).stream(Purpose.SENSOR, 2));
        double readVar = SENSOR.readNoiseE() * SENSOR.readNoiseE();
        for (int p = 0; p < in.length; p++) {
            double lambda = Math.max(100.0 * in[p], 0.0) * SENSOR.quantumEfficiency();
            double e = lambda + Math.sqrt(lambda + readVar) * normal.sample();
            double c = Math.min(Math.max(Math.floor(e * SENSOR.gainAduPerE()), 0.0), 255.0);
            assertEquals(c, got[p]);
        }
    }
}
