package org.minisim.metrics;

/**
 * A whole-pixel global translation {@code (dy, dx)}: positive moves content down / right.
 *
 * @param dy rows
 * @param dx columns
 */
public record PixelShift(int dy, int dx) {

    /** No translation. */
    public static final PixelShift ZERO = new PixelShift(0, 0);

    /** @return the shift with each component rounded half-to-even (docs/scoring.md#conventions) */
    public static PixelShift round(double dy, double dx) {
        return new PixelShift(toInt(Math.rint(dy)), toInt(Math.rint(dx)));
    }

    private static int toInt(double r) {
        if (!Double.isFinite(r) || Math.abs(r) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shift component not representable as a pixel count: " + r);
        }
        return (int) r;
    }

    /** @return true for {@code (0, 0)} */
    public boolean isZero() {
        return dy == 0 && dx == 0;
    }

    /** @return the Python tuple spelling, e.g. {@code (-6, -4)} */
    @Override
    public String toString() {
        return "(" + dy + ", " + dx + ")";
    }
}
