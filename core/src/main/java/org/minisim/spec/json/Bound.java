package org.minisim.spec.json;

/**
 * A numeric interval constraint (rule {@code F:<Model>.<field>}).
 *
 * @param lo          lower limit or null
 * @param loInclusive whether {@code lo} itself is allowed
 * @param hi          upper limit or null
 * @param hiInclusive whether {@code hi} itself is allowed
 */
public record Bound(Double lo, boolean loInclusive, Double hi, boolean hiInclusive) {
    public static final Bound POSITIVE = new Bound(0.0, false, null, false);
    public static final Bound NON_NEGATIVE = new Bound(0.0, true, null, false);
    public static final Bound AT_LEAST_ONE = new Bound(1.0, true, null, false);
    public static final Bound UNIT_CLOSED = new Bound(0.0, true, 1.0, true);
    public static final Bound UNIT_OPEN_LO = new Bound(0.0, false, 1.0, true);
    public static final Bound UNIT_OPEN_HI = new Bound(0.0, true, 1.0, false);
    public static final Bound HALF_TO_ONE_OPEN = new Bound(0.5, false, 1.0, false);

    /** @return whether {@code v} satisfies the bound */
    public boolean test(double v) {
        if (lo != null && (loInclusive ? v < lo : v <= lo)) {
            return false;
        }
        return hi == null || (hiInclusive ? v <= hi : v < hi);
    }

    /** @return the constraint in words, e.g. "> 0", "in (0, 1]" */
    public String describe() {
        if (hi == null) {
            return (loInclusive ? ">= " : "> ") + JsonFloat.format(lo).replaceAll("\\.0$", "");
        }
        return "in " + (loInclusive ? "[" : "(") + JsonFloat.format(lo).replaceAll("\\.0$", "") + ", "
                + JsonFloat.format(hi).replaceAll("\\.0$", "") + (hiInclusive ? "]" : ")");
    }
}
