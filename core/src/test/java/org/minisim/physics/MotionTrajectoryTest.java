package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.BrainMotion;
import org.minisim.spec.Vec2;

class MotionTrajectoryTest {

    private static double[] physical(int n, double fps, double f0, double zeta, double lam, int axis, double amp,
                                     double max, long seed) {
        return MotionTrajectory.physical(n, fps, 7.0, f0, zeta, lam, axis, amp, max,
                new RandomStreams(seed).stream(Purpose.MOTION));
    }

    @Test
    void walkStartsAtOriginAndStaysInItsDisk() {
        double[] s = MotionTrajectory.walk(2000, 0.8, 3.0, new RandomStreams(1).stream(Purpose.MOTION));
        assertEquals(0.0, s[0]);
        assertEquals(0.0, s[1]);
        double maxR = 0;
        for (double r : MotionTrajectory.radii(s)) {
            assertTrue(r <= 3.0 + 1e-12);
            maxR = Math.max(maxR, r);
        }
        assertTrue(maxR > 2.9, "the walk reaches its boundary");
    }

    @Test
    void physicalStartsAtOriginAndStaysWithinMax() {
        double[] s = physical(2000, 50.0, 6.0, 0.5, 0.6, 0, 10.0, 12.0, 0);
        assertEquals(4000, s.length);
        assertEquals(0.0, s[0]);
        assertEquals(0.0, s[1]);
        for (double r : MotionTrajectory.radii(s)) {
            assertTrue(r <= 12.0 + 1e-9);
        }
    }

    @Test
    void physicalAmplitudeIsThe99thPercentileRadius() {
        double[] s = physical(3000, 50.0, 6.0, 0.5, 0.25, 0, 10.0, 30.0, 1);
        double[] r = MotionTrajectory.radii(s);
        assertEquals(10.0, MotionTrajectory.percentile(r, 99.0), 1e-5);
        assertTrue(MotionTrajectory.percentile(r, 50.0) < 6.0);
    }

    /** |DFT|² of the mean-removed series at bin k (frequency k·fps/n). */
    private static double power(double[] s, int axis, int k) {
        int n = s.length / 2;
        double m = 0;
        for (int t = 0; t < n; t++) {
            m += s[2 * t + axis];
        }
        m /= n;
        double re = 0;
        double im = 0;
        for (int t = 0; t < n; t++) {
            double ang = -2 * Math.PI * (double) k * t / n;
            double v = s[2 * t + axis] - m;
            re += v * Math.cos(ang);
            im += v * Math.sin(ang);
        }
        return re * re + im * im;
    }

    @Test
    void spectrumPeaksAtTheStrideFrequencyOnTheDrivenAxisOnly() {
        double fps = 50.0;
        int n = 4096;
        for (int axis = 0; axis < 2; axis++) {
            double[] s = physical(n, fps, 7.0, 0.4, 0.9, axis, 10.0, 40.0, 2 + axis);
            int best = -1;
            double bestP = -1;
            for (int k = 1; k <= n / 2; k++) {
                if (k * fps / n <= 1.0) {
                    continue;
                }
                double p = power(s, axis, k);
                if (p > bestP) {
                    bestP = p;
                    best = k;
                }
            }
            assertEquals(7.0, best * fps / n, 0.5, "driven axis " + axis);
            int kLoco = (int) Math.rint(7.0 * n / fps);
            assertTrue(power(s, axis, kLoco) > 20.0 * power(s, 1 - axis, kLoco), "cross axis weaker");
        }
    }

    @Test
    void generateIsDeterministicAndDispatchesOnTheModel() {
        BrainMotion phys = BrainMotion.DEFAULTS;
        double[] a = MotionTrajectory.generate(phys, 300, 0.5, 30.0, new RandomStreams(7));
        double[] b = MotionTrajectory.generate(phys, 300, 0.5, 30.0, new RandomStreams(7));
        assertArrayEquals(a, b);
        assertEquals(0.0, a[0]);
        assertEquals(0.0, a[1]);
        for (double r : MotionTrajectory.radii(a)) {
            assertTrue(r <= 15.0 / 0.5 + 1e-9);
        }
        BrainMotion walk = new BrainMotion(BrainMotion.Model.WALK, null, 2.0, 7, 10, BrainMotion.Axis.Y, 6, 0.5,
                0.25, 0.3);
        double[] w = MotionTrajectory.generate(walk, 300, 0.5, 30.0, new RandomStreams(7));
        for (double r : MotionTrajectory.radii(w)) {
            assertTrue(r <= 4.0 + 1e-12);
        }
        assertTrue(!java.util.Arrays.equals(a, w));
    }

    @Test
    void explicitTrajectoryIsConvertedToPixelsAndMustMatchTheFrameCount() {
        List<Vec2> traj = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            traj.add(new Vec2(0.5 * t, -0.25 * t));
        }
        BrainMotion m = new BrainMotion(BrainMotion.Model.PHYSICAL, traj, 15, 7, 10, BrainMotion.Axis.Y, 6, 0.5,
                0.25, 0.3);
        double[] s = MotionTrajectory.generate(m, 5, 0.25, 20.0, new RandomStreams(1));
        assertArrayEquals(new double[] {0, 0, 2, -1, 4, -2, 6, -3, 8, -4}, s, 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MotionTrajectory.generate(m, 6, 0.25, 20.0, new RandomStreams(1)));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("6"));
    }

    @Test
    void shiftsBeyondTheMarginFailClearly() {
        MotionTrajectory.checkWithinMargin(new double[] {0, 0, 3.0, -2.0}, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MotionTrajectory.checkWithinMargin(new double[] {0, 0, 3.01, 0}, 3, 5));
        assertTrue(e.getMessage().contains("enlarge the margin"));
        assertThrows(IllegalArgumentException.class,
                () -> MotionTrajectory.checkWithinMargin(new double[] {0, 0, 0, -5.5}, 3, 5));
    }

    @Test
    void canvasMustBeTheFovPlusASymmetricMargin() {
        MotionTrajectory.checkSymmetricMargin(30, 34, 20, 20);
        MotionTrajectory.checkSymmetricMargin(20, 20, 20, 20);
        assertThrows(IllegalArgumentException.class, () -> MotionTrajectory.checkSymmetricMargin(31, 30, 20, 20));
        assertThrows(IllegalArgumentException.class, () -> MotionTrajectory.checkSymmetricMargin(18, 20, 20, 20));
    }

    @Test
    void percentileInterpolatesLinearly() {
        assertEquals(2.5, MotionTrajectory.percentile(new double[] {4, 1, 3, 2}, 50.0), 1e-15);
        assertEquals(3.97, MotionTrajectory.percentile(new double[] {4, 1, 3, 2}, 99.0), 1e-12);
    }
}
