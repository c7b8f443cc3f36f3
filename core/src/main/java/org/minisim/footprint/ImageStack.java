package org.minisim.footprint;

import java.util.ArrayList;
import java.util.List;
import org.minisim.footprint.Footprint;

/**
 * A logically dense {@code (n, H, W)} float64 image stack (footprints, unit-first) stored sparsely: each unit is
 * a {@link Patch}, a rectangular window of the {@code H × W} grid holding every non-zero pixel of that unit; all
 * pixels outside the window are 0. Equivalent to the dense array for every metric (docs/scoring.md#conventions), while
 * a stack of hundreds of cells on a 608 × 608 FOV costs only the cells' windows. Immutable: never modify a patch's
 * values.
 *
 * @param height H, grid rows, px
 * @param width  W, grid columns, px
 * @param units  one window per unit, in unit order
 */
public record ImageStack(int height, int width, List<Patch> units) {

    /**
     * One unit's window: {@code values[a·pw + b]} is the pixel at grid row {@code y0 + a}, column {@code x0 + b}.
     * A {@code 0 × 0} window is the all-zero image.
     *
     * @param y0     top grid row
     * @param x0     left grid column
     * @param ph     window rows
     * @param pw     window columns
     * @param values row-major pixel values, length ph·pw
     */
    public record Patch(int y0, int x0, int ph, int pw, double[] values) {

        public Patch {
            if (ph < 0 || pw < 0 || values.length != ph * pw) {
                throw new IllegalArgumentException("patch values length " + values.length + " != " + ph + " x " + pw);
            }
        }

        /** @return the all-zero unit */
        public static Patch empty() {
            return new Patch(0, 0, 0, 0, new double[0]);
        }

        /** @return true when the window has no pixels */
        public boolean isEmpty() {
            return ph == 0 || pw == 0;
        }

        /** @return the sum of the window values */
        public double sum() {
            double s = 0.0;
            for (double v : values) {
                s += v;
            }
            return s;
        }
    }

    public ImageStack {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("negative grid " + height + " x " + width);
        }
        units = List.copyOf(units);
        for (Patch p : units) {
            if (!p.isEmpty() && (p.y0() < 0 || p.x0() < 0 || p.y0() + p.ph() > height || p.x0() + p.pw() > width)) {
                throw new IllegalArgumentException("patch [" + p.y0() + "+" + p.ph() + ", " + p.x0() + "+" + p.pw()
                        + "] outside the " + height + " x " + width + " grid");
            }
        }
    }

    /** @return a stack with no units on an {@code h × w} grid (shape {@code (0, h, w)}) */
    public static ImageStack empty(int h, int w) {
        return new ImageStack(h, w, List.of());
    }

    /**
     * @param n    units
     * @param h    rows
     * @param w    columns
     * @param flat row-major {@code (n, h, w)} values, length n·h·w
     * @return the stack, each unit trimmed to the bounding box of its non-zero pixels
     */
    public static ImageStack fromDense(int n, int h, int w, double[] flat) {
        if ((long) n * h * w != flat.length) {
            throw new IllegalArgumentException("dense stack length " + flat.length + " != " + n + " x " + h + " x " + w);
        }
        List<Patch> ps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ps.add(trim(flat, i * h * w, h, w));
        }
        return new ImageStack(h, w, ps);
    }

    /**
     * @param h      rows
     * @param w      columns
     * @param images one row-major {@code h × w} image per unit
     * @return the stack, each unit trimmed to the bounding box of its non-zero pixels
     */
    public static ImageStack fromImages(int h, int w, double[]... images) {
        List<Patch> ps = new ArrayList<>(images.length);
        for (double[] img : images) {
            if (img.length != h * w) {
                throw new IllegalArgumentException("image length " + img.length + " != " + h + " x " + w);
            }
            ps.add(trim(img, 0, h, w));
        }
        return new ImageStack(h, w, ps);
    }

    /**
     * Float32 footprints widened to float64, their canvas as the grid.
     *
     * @param h          grid rows (every footprint's canvas rows)
     * @param w          grid columns
     * @param footprints the units
     */
    public static ImageStack fromFootprints(int h, int w, List<Footprint> footprints) {
        List<Patch> ps = new ArrayList<>(footprints.size());
        for (Footprint f : footprints) {
            if (f.canvasH() != h || f.canvasW() != w) {
                throw new IllegalArgumentException("footprint canvas " + f.canvasH() + "x" + f.canvasW()
                        + " differs from the grid " + h + "x" + w);
            }
            ps.add(ofFootprint(f));
        }
        return new ImageStack(h, w, ps);
    }

    /** @return the footprint's patch widened to float64 (same window) */
    public static Patch ofFootprint(Footprint f) {
        if (f.isEmpty()) {
            return Patch.empty();
        }
        float[] src = f.patch();
        double[] v = new double[src.length];
        for (int k = 0; k < src.length; k++) {
            v[k] = src[k];
        }
        return new Patch(f.y0(), f.x0(), f.ph(), f.pw(), v);
    }

    private static Patch trim(double[] img, int base, int h, int w) {
        int top = h, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (img[base + y * w + x] != 0.0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            return Patch.empty();
        }
        int ph = bottom - top + 1, pw = right - left + 1;
        double[] v = new double[ph * pw];
        for (int a = 0; a < ph; a++) {
            System.arraycopy(img, base + (top + a) * w + left, v, a * pw, pw);
        }
        return new Patch(top, left, ph, pw, v);
    }

    /** @return n, the number of units */
    public int size() {
        return units.size();
    }

    /** @return unit i's window */
    public Patch unit(int i) {
        return units.get(i);
    }

    /** @return pixel (y, x) of unit i */
    public double get(int i, int y, int x) {
        Patch p = units.get(i);
        int a = y - p.y0(), b = x - p.x0();
        if (a < 0 || b < 0 || a >= p.ph() || b >= p.pw()) {
            return 0.0;
        }
        return p.values()[a * p.pw() + b];
    }

    /** @return unit i as a dense row-major {@code H × W} image */
    public double[] dense(int i) {
        double[] d = new double[height * width];
        Patch p = units.get(i);
        for (int a = 0; a < p.ph(); a++) {
            System.arraycopy(p.values(), a * p.pw(), d, (p.y0() + a) * width + p.x0(), p.pw());
        }
        return d;
    }

    /** @return the whole stack as a dense row-major {@code (n, H, W)} array */
    public double[] toDense() {
        double[] d = new double[size() * height * width];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(dense(i), 0, d, i * height * width, height * width);
        }
        return d;
    }

    /** @return the per-pixel sum over units, a dense row-major {@code H × W} image */
    public double[] sumImage() {
        double[] d = new double[height * width];
        for (Patch p : units) {
            for (int a = 0; a < p.ph(); a++) {
                int row = (p.y0() + a) * width + p.x0();
                for (int b = 0; b < p.pw(); b++) {
                    d[row + b] += p.values()[a * p.pw() + b];
                }
            }
        }
        return d;
    }

    /** @return this stack with every negative value replaced by 0 (this stack itself if none is negative) */
    public ImageStack clipNegative() {
        boolean any = false;
        for (Patch p : units) {
            for (double v : p.values()) {
                any |= v < 0.0;
            }
        }
        if (!any) {
            return this;
        }
        List<Patch> ps = new ArrayList<>(size());
        for (Patch p : units) {
            double[] v = p.values().clone();
            for (int k = 0; k < v.length; k++) {
                if (v[k] < 0.0) {
                    v[k] = 0.0;
                }
            }
            ps.add(new Patch(p.y0(), p.x0(), p.ph(), p.pw(), v));
        }
        return new ImageStack(height, width, ps);
    }

    /**
     * Translates every unit by whole pixels, zero-filled: the value at {@code (y, x)} moves to
     * {@code (y + dy, x + dx)} (positive = down / right); pixels leaving the grid are lost. A shift of at
     * least the grid size on an axis leaves every unit all-zero.
     */
    public ImageStack translate(int dy, int dx) {
        List<Patch> ps = new ArrayList<>(size());
        for (Patch p : units) {
            long ya = Math.max((long) p.y0() + dy, 0), yb = Math.min((long) p.y0() + p.ph() + dy, height);
            long xa = Math.max((long) p.x0() + dx, 0), xb = Math.min((long) p.x0() + p.pw() + dx, width);
            if (p.isEmpty() || ya >= yb || xa >= xb) {
                ps.add(Patch.empty());
                continue;
            }
            int nh = (int) (yb - ya), nw = (int) (xb - xa);
            double[] v = new double[nh * nw];
            int srcY = (int) (ya - dy - p.y0()), srcX = (int) (xa - dx - p.x0());
            for (int a = 0; a < nh; a++) {
                System.arraycopy(p.values(), (srcY + a) * p.pw() + srcX, v, a * nw, nw);
            }
            ps.add(new Patch((int) ya, (int) xa, nh, nw, v));
        }
        return new ImageStack(height, width, ps);
    }

    /** @return the units at the given indices, in that order */
    public ImageStack select(int[] indices) {
        List<Patch> ps = new ArrayList<>(indices.length);
        for (int i : indices) {
            ps.add(units.get(i));
        }
        return new ImageStack(height, width, ps);
    }
}
