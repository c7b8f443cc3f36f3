package org.minisim.spec;

import java.util.List;

/**
 * {@code brain_motion} (docs/spec.md#step-brain_motion): explicit when {@code trajectoryUm} is non-null, otherwise the
 * physical (driven damped oscillator) or walk model.
 *
 * @param model              generator used without a trajectory
 * @param trajectoryUm       explicit per-frame (dy, dx) displacement, µm, or null
 * @param maxShiftUm         hard clamp on displacement magnitude, µm; sizes the margin
 * @param locomotionFreqHz   stride frequency, Hz (physical)
 * @param motionAmplitudeUm  99th-percentile displacement radius, µm (physical)
 * @param locomotionAxis     axis the stride drives (physical)
 * @param resonanceFreqHz    natural frequency, Hz (physical)
 * @param dampingRatio       damping ζ (physical)
 * @param locomotionFraction rhythm share vs broadband noise, [0, 1] (physical)
 * @param walkStepUm         walk step σ, µm per frame (walk)
 */
public record BrainMotion(Model model, List<Vec2> trajectoryUm, double maxShiftUm, double locomotionFreqHz,
                          double motionAmplitudeUm, Axis locomotionAxis, double resonanceFreqHz,
                          double dampingRatio, double locomotionFraction, double walkStepUm) implements Step {
    public static final BrainMotion DEFAULTS = new BrainMotion(Model.PHYSICAL, null, 15.0, 7.0, 10.0, Axis.Y, 6.0,
            0.5, 0.25, 0.3);

    public BrainMotion {
        trajectoryUm = trajectoryUm == null ? null : List.copyOf(trajectoryUm);
    }

    @Override
    public StepKind kind() {
        return StepKind.BRAIN_MOTION;
    }

    /** @return the largest per-frame max(|dy|, |dx|) of the explicit trajectory, µm (0 if empty) */
    public double trajectoryExtentUm() {
        double m = 0.0;
        if (trajectoryUm != null) {
            for (Vec2 v : trajectoryUm) {
                m = Math.max(m, Math.max(Math.abs(v.dy()), Math.abs(v.dx())));
            }
        }
        return m;
    }

    /** Motion generator. */
    public enum Model {
        PHYSICAL("physical"),
        WALK("walk");

        private final String jsonName;

        Model(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    /** Locomotion axis. */
    public enum Axis {
        Y("y"),
        X("x");

        private final String jsonName;

        Axis(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
