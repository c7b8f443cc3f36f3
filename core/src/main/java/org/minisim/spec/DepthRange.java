package org.minisim.spec;

/**
 * A band of depths below the tissue surface, {@code [lo, hi]} in µm (spec {@code [float, float]}).
 *
 * @param lo shallow end, µm
 * @param hi deep end, µm
 */
public record DepthRange(double lo, double hi) implements java.io.Serializable {}
