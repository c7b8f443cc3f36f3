package org.minisim.table;

import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintPatch;

/**
 * A unit's observed footprint {@code A_observed[i]} on the FOV (docs/table.md#footprints), as a view of its
 * canvas footprint: no copy is made. FOV pixel {@code (y, x)} inside the box {@code [y0, y1) × [x0, x1)} has the
 * canvas footprint's value there; outside the box it is 0. Values are float32 as the renderer uses them,
 * dimensionless (a footprint of peak 1 scaled by the optical gain).
 *
 * <p>A view of a stored canvas footprint ({@link #isStored()}) reads its values in place, {@code patch()[rowOffset(y)
 * + x]}; a view of one kept as its blur's factors copies them out ({@link #copyBox}) or is made stored for a while
 * ({@link #stored()}).
 */
public final class FovFootprint {

    private final FootprintPatch source;
    /** The source's values when it is stored, else null. */
    private final float[] patch;
    private final int pw;
    /** Patch index of FOV pixel (0, 0): {@code (top − fy0)·pw + (left − fx0)} of the canvas patch. */
    private final int origin;
    /** Source window row and column of FOV pixel (0, 0). */
    private final int dy, dx;
    private final int y0, y1, x0, x1;

    private FovFootprint(FootprintPatch source, int dy, int dx, int y0, int y1, int x0, int x1) {
        this.source = source;
        this.patch = source instanceof Footprint f ? f.patch() : null;
        this.pw = source.pw();
        this.dy = dy;
        this.dx = dx;
        this.origin = dy * pw + dx;
        this.y0 = y0;
        this.y1 = y1;
        this.x0 = x0;
        this.x1 = x1;
    }

    /**
     * @param canvas the unit's observed footprint on the canvas
     * @param top    FOV top offset in the canvas, px
     * @param left   FOV left offset in the canvas, px
     * @param h      FOV rows, px
     * @param w      FOV columns, px
     */
    public FovFootprint(FootprintPatch canvas, int top, int left, int h, int w) {
        this.source = canvas;
        this.patch = canvas instanceof Footprint f ? f.patch() : null;
        this.pw = canvas.pw();
        this.dy = top - canvas.y0();
        this.dx = left - canvas.x0();
        this.origin = dy * pw + dx;
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

    /** @return whether the values are stored, so that {@link #patch()} and {@link #rowOffset} apply */
    public boolean isStored() {
        return patch != null;
    }

    /**
     * @return this view when its values are stored, else the same view of a stored copy of the canvas footprint
     *     (its whole window: for short-lived use)
     */
    public FovFootprint stored() {
        return patch != null ? this : new FovFootprint(source.dense(), dy, dx, y0, y1, x0, x1);
    }

    /** @return the same footprint on the box {@code [a, b) × [c, d)} (inside this box), no copy */
    FovFootprint withBox(int a, int b, int c, int d) {
        return a >= b || c >= d ? new FovFootprint(source, dy, dx, 0, 0, 0, 0)
                : new FovFootprint(source, dy, dx, a, b, c, d);
    }

    /**
     * Copies the values of FOV rows {@code [ya, yb)} and columns {@code [xa, xb)} (inside the box) into
     * {@code dst}, row-major, {@code xb − xa} values per row.
     */
    public void copyBox(int ya, int yb, int xa, int xb, float[] dst) {
        if (patch != null) {
            for (int y = ya; y < yb; y++) {
                System.arraycopy(patch, origin + y * pw + xa, dst, (y - ya) * (xb - xa), xb - xa);
            }
        } else {
            source.copyWindow(ya + dy, yb + dy, xa + dx, xb + dx, dst, 0);
        }
    }

    /**
     * @param rel a fraction of the peak, in (0, 1)
     * @return the same footprint restricted to the smallest box holding every pixel where it reaches {@code rel}
     *     of its peak (an empty view when it has no positive value): the support of the overlap statistics, which
     *     lose at most a fraction {@code rel²} of a blurred footprint's energy this way
     */
    public FovFootprint support(double rel) {
        if (patch == null) {
            FovFootprint box = stored().support(rel);
            return withBox(box.y0, box.y1, box.x0, box.x1);
        }
        return support(rel, rowMaxima());
    }

    /**
     * @return per box row {@code y0 + r}, the largest of 0 and the row's values (NaN if the row holds one); for a
     *     stored view, one pass over the box
     */
    float[] rowMaxima() {
        float[] m = new float[y1 - y0];
        float[] p = patch();
        for (int y = y0; y < y1; y++) {
            int off = origin + y * pw;
            float r = 0f;
            for (int x = x0; x < x1; x++) {
                r = Math.max(r, p[off + x]);
            }
            m[y - y0] = r;
        }
        return m;
    }

    /**
     * {@link #support(double)} of a stored view from its {@link #rowMaxima}: only the rows that reach the cut are
     * read, each from its ends inwards until the box found so far.
     */
    FovFootprint support(double rel, float[] rowMax) {
        float peak = 0f;
        for (float r : rowMax) {
            peak = Math.max(peak, r);
        }
        if (!(peak > 0f)) {
            return withBox(0, 0, 0, 0);
        }
        float cut = (float) (rel * peak);
        float[] p = patch();
        int a = Integer.MAX_VALUE, b = -1, c = Integer.MAX_VALUE, d = -1;
        for (int y = y0; y < y1; y++) {
            if (!(rowMax[y - y0] >= cut)) {
                continue; // no value of this row reaches the cut
            }
            a = Math.min(a, y);
            b = y + 1;
            int off = origin + y * pw;
            for (int x = x0, end = Math.min(c, x1); x < end; x++) {
                if (p[off + x] >= cut) {
                    c = x;
                    break;
                }
            }
            for (int x = x1 - 1, lo = Math.max(d, x0); x >= lo; x--) {
                if (p[off + x] >= cut) {
                    d = x + 1;
                    break;
                }
            }
        }
        return withBox(a, b, c, d);
    }

    /** @return whether no FOV pixel is covered */
    public boolean isEmpty() {
        return y0 == y1;
    }

    /** @return the patch values (shared, read only); only for a stored view ({@link #isStored()}) */
    public float[] patch() {
        if (patch == null) {
            throw new IllegalStateException("footprint values are computed on read: use stored() or copyBox()");
        }
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
        if (y < y0 || y >= y1 || x < x0 || x >= x1) {
            return 0f;
        }
        if (patch != null) {
            return patch[origin + y * pw + x];
        }
        float[] one = new float[1];
        copyBox(y, y + 1, x, x + 1, one);
        return one[0];
    }

    /** @return FOV pixels of the box */
    public long boxArea() {
        return (long) (y1 - y0) * (x1 - x0);
    }
}
