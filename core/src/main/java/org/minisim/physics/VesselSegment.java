package org.minisim.physics;

/**
 * One straight piece of a vessel with constant radius, in the canvas-corner frame (µm from the canvas top-left
 * corner, +y down, +x right); rasterised as a capsule.
 *
 * @param y0       start row coordinate, µm
 * @param x0       start column coordinate, µm
 * @param y1       end row coordinate, µm
 * @param x1       end column coordinate, µm
 * @param radiusUm lumen radius, µm
 */
public record VesselSegment(double y0, double x0, double y1, double x1, double radiusUm) {}
