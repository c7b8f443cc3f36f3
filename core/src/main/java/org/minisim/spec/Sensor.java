package org.minisim.spec;

/**
 * {@code sensor}: digitisation (docs/spec.md#step-sensor); detector hardware lives on {@link ImageSensor}.
 *
 * @param photonsPerUnit exposure scale of every light source, photons per a.u.
 */
public record Sensor(double photonsPerUnit) implements Step {
    public static final Sensor DEFAULTS = new Sensor(100.0);

    @Override
    public StepKind kind() {
        return StepKind.SENSOR;
    }
}
