package org.minisim.table;

import org.minisim.footprint.Footprint;

/**
 * A unit's observed footprint {@code A_observed[i]} on the FOV (docs/table.md "Footprints"), as a view of its
 * canvas patch: no copy is made. FOV pixel {@code (y, x)} inside the box {@code [y0, y1) × [x0, x1)} has the value
 * {@code patch()[rowOffset(y) + x]}; outside the box it is 0. Values are float32 as the renderer uses them,
 * dimensionless (a footprint of peak 1 scaled by the optical gain).
 */
public final class FovFootprint {

    private final float[] patch;
    private final int pw;
    /** Patch index of FOV pixel (0, 0): {@code (top − fy0)·pw + (left − fx0)} of the canvas patch. */
    private final int origin;
    private final int y0, y1, x0, x1;

    /**
     * @param canvas the unit's observed footprint on the canvas
     * @param top    FOV top offset in the canvas, px
     * @param left   FOV left offset in the canvas, px
     * @param h      FOV rows, px
     * @param w      FOV columns, px
     */
    private FovFootprint(float[] patch, int pw, int origin, int y0, int y1, int x0, int x1) {
        this.patch = patch;
        this.pw = pw;
        this.origin = origin;
        this.y0 = y0;
        this.y1 = y1;
        this.x0 = x0;
        this.x1 = x1;
    }

    public FovFootprint(Footprint canvas, int top, int left, int h, int w) {
        patch = canvas.patch();
        pw = canvas.pw();
        origin = (top - canvas.y0()) * pw + (left - canvas.x0());
        int a = Math.max(canvas.y0(), top) - top, b = Math.min(canvas.y0() + canvas.ph(), top + h) - top;
        int c = Math.max(canvas.x0(), left) - left, d = Math.min(canvas.x0() + canvas.pw(), left + w) - left;
        if (canvas.isEmpty() || a >= b || c >= d) {
            y0 = y1 = x0 = x1 = 0;
        } else {
            y0 = a;
            y1 = b;
            x0 = c;
            x1 = d;
        }
    }

    /**
     * @param rel a fraction of the peak, in (0, 1)
     * @return the same footprint restricted to the smallest box holding every pixel where it reaches {@code rel}
     *     of its peak (an empty view when it has no positive value): the support of the overlap statistics, which
     *     lose at most a fraction {@code rel²} of a blurred footprint's energy this way
     */
    public FovFootprint support(double rel) {
        float peak = 0f;
        for (int y = y0; y < y1; y++) {
            int off = origin + y * pw;
            for (int x = x0; x < x1; x++) {
                peak = Math.max(peak, patch[off + x]);
            }
        }
        if (!(peak > 0f)) {
            return new FovFootprint(patch, pw, origin, 0, 0, 0, 0);
        }
        float cut = (float) (rel * peak);
        int a = Integer.MAX_VALUE, b = -1, c = Integer.MAX_VALUE, d = -1;
        for (int y = y0; y < y1; y++) {
            int off = origin + y * pw;
            for (int x = x0; x < x1; x++) {
                if (patch[off + x] >= cut) {
                    a = Math.min(a, y);
                    b = Math.max(b, y + 1);
                    c = Math.min(c, x);
                    d = Math.max(d, x + 1);
                }
            }
        }
        return new FovFootprint(patch, pw, origin, a, b, c, d);
    }

    /** @return whether no FOV pixel is covered */
    public boolean isEmpty() {
        return y0 == y1;
    }

    /** @return the patch values (shared, read only) */
    public float[] patch() {
        return patch;
    }

    /** @return the patch index of FOV pixel {@code (y, 0)} (add x for column x; valid for x in the box) */
    public int rowOffset(int y) {
        return origin + y * pw;
    }

    /** @return first FOV row of the box */
    public int y0() {
        return y0;
    }

    /** @return one past the last FOV row of the box */
    public int y1() {
        return y1;
    }

    /** @return first FOV column of the box */
    public int x0() {
        return x0;
    }

    /** @return one past the last FOV column of the box */
    public int x1() {
        return x1;
    }

    /** @return the value at FOV pixel (y, x), 0 outside the box */
    public float at(int y, int x) {
        return y < y0 || y >= y1 || x < x0 || x >= x1 ? 0f : patch[origin + y * pw + x];
    }

    /** @return FOV pixels of the box */
    public long boxArea() {
        return (long) (y1 - y0) * (x1 - x0);
    }
}
