package org.minisim.spec;

/**
 * A spec value that is either a finite number or the string {@code "auto"} (the <i>number or {@code "auto"}</i> type of
 * docs/spec.md#conventions). The unit is that of the field holding it.
 *
 * @param value the number; meaningless (NaN) when {@code auto}
 * @param auto  true for {@code "auto"}
 */
public record AutoDouble(double value, boolean auto) implements java.io.Serializable {
    /** The {@code "auto"} value. */
    public static final AutoDouble AUTO = new AutoDouble(Double.NaN, true);

    /** A concrete number. */
    public static AutoDouble of(double value) {
        return new AutoDouble(value, false);
    }

    /** @return true when this is a number (not "auto") */
    public boolean isNumber() {
        return !auto;
    }

    @Override
    public String toString() {
        return auto ? "auto" : Double.toString(value);
    }
}
