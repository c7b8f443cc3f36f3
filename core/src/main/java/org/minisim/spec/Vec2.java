package org.minisim.spec;

/**
 * A lateral pair {@code (dy, dx)} in µm, optical-centre frame (+y down, +x right); used for offsets and
 * per-frame motion displacements.
 *
 * @param dy rows direction, µm
 * @param dx columns direction, µm
 */
public record Vec2(double dy, double dx) implements java.io.Serializable {}
