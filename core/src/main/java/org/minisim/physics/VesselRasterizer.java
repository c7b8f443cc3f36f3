package org.minisim.physics;

import java.util.List;

/**
 * Turns vessel segments into a blood path-length map (docs/physics.md#vasculature, step 3). Each segment is a capsule
 * (round caps); a pixel centre at distance d px from the segment with {@code d² < r_px²} sees a chord
 * {@code 2·sqrt(r_px² − d²)·px} µm of blood; overlapping capsules add. Work is confined to each segment's bounding box
 * grown by the radius and clipped to the canvas.
 */
public final class VesselRasterizer {

    private static final double EPS = 1e-12;

    private VesselRasterizer() {}

    /**
     * @param segments    segments in µm, canvas-corner frame
     * @param h           canvas rows, px
     * @param w           canvas columns, px
     * @param pixelSizeUm µm/px
     * @return (h, w) row-major path length of blood through each pixel, µm (all zero for no segments)
     */
    public static double[] rasterise(List<VesselSegment> segments, int h, int w, double pixelSizeUm) {
        double[] out = new double[h * w];
        double inv = 1.0 / pixelSizeUm;
        for (VesselSegment s : segments) {
            addCapsule(out, h, w, s.y0() * inv, s.x0() * inv, s.y1() * inv, s.x1() * inv, s.radiusUm() * inv,
                    pixelSizeUm);
        }
        return out;
    }

    /** Adds one capsule (all geometry in px) to the map; chords are converted to µm by {@code pixelSizeUm}. */
    static void addCapsule(double[] out, int h, int w, double py0, double px0, double py1, double px1, double rPx,
                           double pixelSizeUm) {
        int yMin = (int) Math.max(Math.floor(Math.min(py0, py1) - rPx), 0);
        int yMax = (int) Math.min(Math.ceil(Math.max(py0, py1) + rPx), h - 1);
        int xMin = (int) Math.max(Math.floor(Math.min(px0, px1) - rPx), 0);
        int xMax = (int) Math.min(Math.ceil(Math.max(px0, px1) + rPx), w - 1);
        if (yMin > yMax || xMin > xMax) {
            return;
        }
        double vy = py1 - py0;
        double vx = px1 - px0;
        double len2 = vy * vy + vx * vx;
        boolean degenerate = !(len2 > EPS);
        double r2 = rPx * rPx;
        for (int yy = yMin; yy <= yMax; yy++) {
            double wy = yy - py0;
            int row = yy * w;
            for (int xx = xMin; xx <= xMax; xx++) {
                double wx = xx - px0;
                double t = 0.0;
                if (!degenerate) {
                    t = (wy * vy + wx * vx) / len2;
                    t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
                }
                double dy = wy - t * vy;
                double dx = wx - t * vx;
                double d2 = dy * dy + dx * dx;
                if (d2 < r2) {
                    out[row + xx] += 2.0 * Math.sqrt(r2 - d2) * pixelSizeUm;
                }
            }
        }
    }
}
