package org.minisim.spec;

/**
 * {@code leakage}: additive static glow on the FOV (docs/spec.md#step-leakage).
 *
 * @param profile glow shape
 * @param level   glow level (gaussian peak), a.u.
 * @param sigmaUm gaussian width, µm; null = ¼ of the smaller FOV side
 */
public record Leakage(Profile profile, double level, Double sigmaUm) implements Step {
    public static final Leakage DEFAULTS = new Leakage(Profile.GAUSSIAN, 0.1, null);

    @Override
    public StepKind kind() {
        return StepKind.LEAKAGE;
    }

    /** Glow shape. */
    public enum Profile {
        UNIFORM("uniform"),
        GAUSSIAN("gaussian");

        private final String jsonName;

        Profile(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
