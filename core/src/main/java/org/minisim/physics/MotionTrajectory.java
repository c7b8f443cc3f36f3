package org.minisim.physics;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.BrainMotion;
import org.minisim.spec.Vec2;

/**
 * The per-frame rigid brain displacement {@code (dy, dx)} in px (docs/physics.md#brain-motion): an explicit trajectory,
 * a bounded random walk, or the physical model — the brain as a damped mass tethered to the skull,
 * {@code x'' + 2ζω0·x' + ω0²·x = a(t)}, driven by a wandering stride rhythm on one axis plus broadband acceleration
 * noise on both, integrated at ~300 Hz and averaged to frames (exposure integration), scaled so the 99th-percentile
 * displacement radius equals the amplitude, clamped to the max-shift disk. Frame 0 is (0, 0).
 *
 * <p>The trajectory is a function of the whole recording (global normalisation and calibration) and is computed
 * once per recording from {@code rs.stream(MOTION)}; renderers only slice it.
 */
public final class MotionTrajectory {

    /** Fine integration rate of the physical model, Hz. */
    static final double INTEGRATION_HZ = 300.0;
    /** Relative σ of the stride-frequency wander, dimensionless. */
    static final double LOCOMOTION_FREQ_CV = 0.15;
    /** Correlation time of the stride-frequency wander, s. */
    static final double LOCOMOTION_FREQ_TAU_S = 0.3;
    /** Correlation time of the broadband behavioural acceleration, s. */
    static final double BEHAVIOURAL_TAU_S = 0.12;
    /** Displacement-radius percentile calibrated to the amplitude. */
    static final double EXCURSION_PERCENTILE = 99.0;
    private static final double EPS = 1e-12;

    private MotionTrajectory() {}

    /**
     * @param step        the brain-motion step
     * @param nFrames     frame count T
     * @param pixelSizeUm object-space pixel size, µm/px
     * @param fps         frame rate, Hz
     * @param rs          the recording's streams (only {@code stream(MOTION)} is used; not at all when explicit)
     * @return (T, 2) row-major displacements {@code (dy, dx)}, px
     * @throws IllegalArgumentException when an explicit trajectory's length differs from T
     */
    public static double[] generate(BrainMotion step, int nFrames, double pixelSizeUm, double fps,
                                    RandomStreams rs) {
        double inv = 1.0 / pixelSizeUm;
        if (step.trajectoryUm() != null) {
            return explicit(step.trajectoryUm(), nFrames, pixelSizeUm);
        }
        double maxPx = step.maxShiftUm() * inv;
        UniformRandomProvider rng = rs.stream(Purpose.MOTION);
        if (step.model() == BrainMotion.Model.WALK) {
            return walk(nFrames, step.walkStepUm() * inv, maxPx, rng);
        }
        return physical(nFrames, fps, step.locomotionFreqHz(), step.resonanceFreqHz(), step.dampingRatio(),
                step.locomotionFraction(), step.locomotionAxis() == BrainMotion.Axis.Y ? 0 : 1,
                step.motionAmplitudeUm() * inv, maxPx, rng);
    }

    /**
     * @return (T, 2) px: {@code trajectory_um[t] / px}
     * @throws IllegalArgumentException when the trajectory does not have exactly T entries
     */
    public static double[] explicit(List<Vec2> trajectoryUm, int nFrames, double pixelSizeUm) {
        if (trajectoryUm.size() != nFrames) {
            throw new IllegalArgumentException("brain_motion.trajectory_um has " + trajectoryUm.size()
                    + " entries but the recording has " + nFrames + " frames; they must match");
        }
        double inv = 1.0 / pixelSizeUm;
        double[] out = new double[2 * nFrames];
        for (int t = 0; t < nFrames; t++) {
            Vec2 v = trajectoryUm.get(t);
            out[2 * t] = v.dy() * inv;
            out[2 * t + 1] = v.dx() * inv;
        }
        return out;
    }

    /**
     * Bounded 2-D random walk: {@code d(0) = 0}; each later frame adds {@code (N(0, s), N(0, s))} (dy then dx) and
     * a candidate outside the radius-{@code maxPx} disk is scaled back onto its circle.
     *
     * @param stepPx walk step σ, px per frame
     * @param maxPx  disk radius, px
     * @return (T, 2) px
     */
    public static double[] walk(int nFrames, double stepPx, double maxPx, UniformRandomProvider rng) {
        ContinuousSampler normal = RandomStreams.normal(rng);
        double[] out = new double[2 * nFrames];
        for (int t = 1; t < nFrames; t++) {
            double y = out[2 * (t - 1)] + stepPx * normal.sample();
            double x = out[2 * (t - 1) + 1] + stepPx * normal.sample();
            double mag = StrictMath.hypot(y, x);
            if (mag > maxPx) {
                double s = maxPx / mag;
                y *= s;
                x *= s;
            }
            out[2 * t] = y;
            out[2 * t + 1] = x;
        }
        return out;
    }

    /**
     * The physical (driven damped oscillator) model; all lengths in px. Draws 3·T·bins normals in order: the
     * frequency wander, the y noise, the x noise.
     *
     * @param locomotionFreqHz   stride frequency, Hz
     * @param resonanceFreqHz    natural frequency f0, Hz
     * @param dampingRatio       ζ, dimensionless
     * @param locomotionFraction rhythm share λ, [0, 1]
     * @param locomotionAxis     0 = y, 1 = x
     * @param amplitudePx        99th-percentile displacement radius, px
     * @param maxPx              clamp radius, px
     * @return (T, 2) px
     */
    public static double[] physical(int nFrames, double fps, double locomotionFreqHz, double resonanceFreqHz,
                                    double dampingRatio, double locomotionFraction, int locomotionAxis,
                                    double amplitudePx, double maxPx, UniformRandomProvider rng) {
        if (nFrames <= 0) {
            return new double[0];
        }
        int bins = Math.max((int) Math.rint(INTEGRATION_HZ / fps), 1);
        double dt = 1.0 / (bins * fps);
        int n = nFrames * bins;
        double w0 = 2.0 * Math.PI * resonanceFreqHz;
        ContinuousSampler normal = RandomStreams.normal(rng);

        // stride rhythm with a slowly wandering frequency (Hz), phase = 2π·dt·cumsum(f)
        double[] freq = lowpass(normals(normal, n), LOCOMOTION_FREQ_TAU_S, dt);
        double[] loco = new double[n];
        double cum = 0.0;
        for (int i = 0; i < n; i++) {
            cum += locomotionFreqHz * (1.0 + LOCOMOTION_FREQ_CV * freq[i]);
            loco[i] = StrictMath.sin(2.0 * Math.PI * cum * dt);
        }
        double[] noiseY = lowpass(normals(normal, n), BEHAVIOURAL_TAU_S, dt);
        double[] noiseX = lowpass(normals(normal, n), BEHAVIOURAL_TAU_S, dt);

        double[] zeros = new double[n];
        double[] locoFrames = locomotionAxis == 0
                ? frames(loco, zeros, dt, w0, dampingRatio, nFrames, bins)
                : frames(zeros, loco, dt, w0, dampingRatio, nFrames, bins);
        double[] noiseFrames = frames(noiseY, noiseX, dt, w0, dampingRatio, nFrames, bins);

        double lam = locomotionFraction;
        double[] traj = new double[2 * nFrames];
        for (int k = 0; k < traj.length; k++) {
            traj[k] = lam * locoFrames[k] + (1.0 - lam) * noiseFrames[k];
        }
        double[] radius = radii(traj);
        double p = percentile(radius, EXCURSION_PERCENTILE);
        if (p > EPS) {
            double s = amplitudePx / p;
            for (int k = 0; k < traj.length; k++) {
                traj[k] *= s;
            }
        }
        for (int t = 0; t < nFrames; t++) {
            double mag = StrictMath.hypot(traj[2 * t], traj[2 * t + 1]);
            if (mag > maxPx) {
                double s = maxPx / mag;
                traj[2 * t] *= s;
                traj[2 * t + 1] *= s;
            }
        }
        return traj;
    }

    /**
     * Fails when any shift leaves the tissue margin, i.e. the crop would expose the canvas edge.
     *
     * @param shifts  (T, 2) px
     * @param marginH row margin, px
     * @param marginW column margin, px
     * @throws IllegalArgumentException "enlarge the margin" when {@code |dy| > marginH + 1e−9} or
     *                                  {@code |dx| > marginW + 1e−9} for some frame
     */
    public static void checkWithinMargin(double[] shifts, int marginH, int marginW) {
        double maxDy = 0.0;
        double maxDx = 0.0;
        for (int t = 0; 2 * t + 1 < shifts.length; t++) {
            maxDy = Math.max(maxDy, Math.abs(shifts[2 * t]));
            maxDx = Math.max(maxDx, Math.abs(shifts[2 * t + 1]));
        }
        if (maxDy > marginH + 1e-9 || maxDx > marginW + 1e-9) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "brain-motion shift up to (dy=%.3f, dx=%.3f) px exceeds the tissue margin (%d, %d) px;"
                            + " enlarge the margin (it is sized from max_shift_um or the explicit trajectory)",
                    maxDy, maxDx, marginH, marginW));
        }
    }

    /**
     * Fails unless the canvas is the FOV plus a symmetric margin: {@code Hc − 2·((Hc − H) div 2) = H} with a
     * non-negative margin, same for the width.
     *
     * @param canvasH canvas rows Hc, px
     * @param canvasW canvas columns Wc, px
     * @param h       FOV rows H, px
     * @param w       FOV columns W, px
     * @throws IllegalArgumentException naming both shapes
     */
    public static void checkSymmetricMargin(int canvasH, int canvasW, int h, int w) {
        int mh = Math.floorDiv(canvasH - h, 2);
        int mw = Math.floorDiv(canvasW - w, 2);
        if (mh < 0 || mw < 0 || canvasH - 2 * mh != h || canvasW - 2 * mw != w) {
            throw new IllegalArgumentException("canvas (" + canvasH + ", " + canvasW + ") is not the sensor FOV ("
                    + h + ", " + w + ") plus a symmetric margin");
        }
    }

    /** @return (T) displacement radii {@code hypot(dy, dx)}, px */
    public static double[] radii(double[] shifts) {
        double[] r = new double[shifts.length / 2];
        for (int t = 0; t < r.length; t++) {
            r[t] = StrictMath.hypot(shifts[2 * t], shifts[2 * t + 1]);
        }
        return r;
    }

    /**
     * Percentile with linear interpolation at virtual index (n − 1)·q/100 of the sorted sample
     * (docs/physics.md#conventions).
     */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = (s.length - 1) * q / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        double f = pos - lo;
        return s[lo] + (s[hi] - s[lo]) * f;
    }

    private static double[] normals(ContinuousSampler normal, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = normal.sample();
        }
        return out;
    }

    /**
     * One-pole low-pass {@code s_i = α·w_i + (1 − α)·s_{i−1}}, {@code s_{−1} = 0}, {@code α = dt/(τ + dt)},
     * divided by its population std when that exceeds 1e−12 (in place on {@code w}).
     */
    static double[] lowpass(double[] w, double tauS, double dt) {
        double a = dt / (tauS + dt);
        double prev = 0.0;
        for (int i = 0; i < w.length; i++) {
            prev = a * w[i] + (1.0 - a) * prev;
            w[i] = prev;
        }
        double sd = std(w);
        if (sd > EPS) {
            for (int i = 0; i < w.length; i++) {
                w[i] /= sd;
            }
        }
        return w;
    }

    /**
     * Integrates the oscillator from rest on each axis (semi-implicit Euler as the recurrence
     * {@code x_i = (2 − c1·dt − c2·dt²)·x_{i−1} − (1 − c1·dt)·x_{i−2} + dt²·a_i}), averages each run of
     * {@code bins} samples to a frame, subtracts frame 0 and divides by the RMS radius.
     *
     * @return (T, 2) interleaved (dy, dx)
     */
    private static double[] frames(double[] ay, double[] ax, double dt, double w0, double zeta, int nFrames,
                                   int bins) {
        double c1 = 2.0 * zeta * w0;
        double c2 = w0 * w0;
        double b1 = 2.0 - c1 * dt - c2 * dt * dt;
        double b2 = 1.0 - c1 * dt;
        double dt2 = dt * dt;
        double[] out = new double[2 * nFrames];
        for (int axis = 0; axis < 2; axis++) {
            double[] a = axis == 0 ? ay : ax;
            double x1 = 0.0;
            double x2 = 0.0;
            int i = 0;
            for (int t = 0; t < nFrames; t++) {
                double sum = 0.0;
                for (int b = 0; b < bins; b++, i++) {
                    double x = b1 * x1 - b2 * x2 + dt2 * a[i];
                    x2 = x1;
                    x1 = x;
                    sum += x;
                }
                out[2 * t + axis] = sum / bins;
            }
        }
        double oy = out[0];
        double ox = out[1];
        double ss = 0.0;
        for (int t = 0; t < nFrames; t++) {
            out[2 * t] -= oy;
            out[2 * t + 1] -= ox;
            ss += out[2 * t] * out[2 * t] + out[2 * t + 1] * out[2 * t + 1];
        }
        double rms = Math.sqrt(ss / nFrames);
        if (rms > EPS) {
            for (int k = 0; k < out.length; k++) {
                out[k] /= rms;
            }
        }
        return out;
    }

    /** Population standard deviation (divide by n). */
    static double std(double[] v) {
        if (v.length == 0) {
            return 0.0;
        }
        double m = 0.0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0.0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / v.length);
    }
}
