package org.minisim.spec;

/**
 * An explicit cell centre {@code (z, y, x)} in µm: depth below the surface first, then the lateral
 * optical-centre position (+y down, +x right).
 *
 * @param z depth, µm
 * @param y lateral row-direction position, µm
 * @param x lateral column-direction position, µm
 */
public record Position3(double z, double y, double x) implements java.io.Serializable {}
