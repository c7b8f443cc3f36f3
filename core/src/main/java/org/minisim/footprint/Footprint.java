package org.minisim.footprint;

/**
 * A cell's spatial weight map on a canvas, stored as only its non-zero window (docs/physics.md#footprints): a dense
 * {@code ph × pw} float32 patch whose top-left canvas pixel is {@code (y0, x0)}. It stands for the dense
 * canvas array that is zero except {@code D[y0 + a, x0 + b] = patch[a·pw + b]}. Immutable: never modify
 * {@link #patch()}.
 *
 * @param y0      top canvas row of the patch, px
 * @param x0      left canvas column of the patch, px
 * @param ph      patch rows, px
 * @param pw      patch columns, px
 * @param patch   row-major weights, length ph·pw (dimensionless)
 * @param canvasH canvas rows, px
 * @param canvasW canvas columns, px
 */
public record Footprint(int y0, int x0, int ph, int pw, float[] patch, int canvasH, int canvasW)
        implements FootprintPatch {

    public Footprint {
        if (ph < 0 || pw < 0 || patch.length != ph * pw) {
            throw new IllegalArgumentException("patch length " + patch.length + " != " + ph + " x " + pw);
        }
    }

    /** @return the empty footprint (0 × 0 patch at (0, 0)) on a canvas */
    public static Footprint empty(int canvasH, int canvasW) {
        return new Footprint(0, 0, 0, 0, new float[0], canvasH, canvasW);
    }

    /** @return true when the patch has no pixels */
    @Override
    public boolean isEmpty() {
        return ph == 0 || pw == 0;
    }

    @Override
    public void copyWindow(int a0, int a1, int b0, int b1, float[] dst, int off) {
        int width = b1 - b0;
        for (int a = a0; a < a1; a++) {
            System.arraycopy(patch, a * pw + b0, dst, off + (a - a0) * width, width);
        }
    }

    /** @return this footprint */
    @Override
    public Footprint dense() {
        return this;
    }

    @Override
    public long heapBytes() {
        return 4L * patch.length + 64;
    }

    /**
     * The tight bounding box of all non-zero pixels of a dense row-major image, as float32; an all-zero
     * image gives the empty footprint.
     */
    public static Footprint fromDense(double[] dense, int h, int w) {
        int top = h, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (dense[y * w + x] != 0.0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            return empty(h, w);
        }
        int ph = bottom - top + 1, pw = right - left + 1;
        float[] p = new float[ph * pw];
        for (int a = 0; a < ph; a++) {
            for (int b = 0; b < pw; b++) {
                p[a * pw + b] = (float) dense[(top + a) * w + left + b];
            }
        }
        return new Footprint(top, left, ph, pw, p, h, w);
    }

    /** @return the dense canvas array (row-major, canvasH·canvasW), float64 */
    public double[] toDense() {
        double[] d = new double[canvasH * canvasW];
        for (int a = 0; a < ph; a++) {
            for (int b = 0; b < pw; b++) {
                d[(y0 + a) * canvasW + x0 + b] = patch[a * pw + b];
            }
        }
        return d;
    }

    /**
     * Intersects with the window {@code [top, top+h) × [left, left+w)}; the result lives on an {@code h × w}
     * canvas with its offset rebased to the window origin. No overlap gives the empty footprint there.
     */
    public Footprint crop(int top, int left, int h, int w) {
        int ya = Math.max(y0, top), yb = Math.min(y0 + ph, top + h);
        int xa = Math.max(x0, left), xb = Math.min(x0 + pw, left + w);
        if (isEmpty() || ya >= yb || xa >= xb) {
            return empty(h, w);
        }
        int nh = yb - ya, nw = xb - xa;
        float[] p = new float[nh * nw];
        for (int a = 0; a < nh; a++) {
            System.arraycopy(patch, (ya - y0 + a) * pw + (xa - x0), p, a * nw, nw);
        }
        return new Footprint(ya - top, xa - left, nh, nw, p, h, w);
    }

    /** Adds the patch into its window of a dense row-major canvas of this footprint's canvas shape. */
    public void addInto(double[] canvas) {
        for (int a = 0; a < ph; a++) {
            int row = (y0 + a) * canvasW + x0;
            for (int b = 0; b < pw; b++) {
                canvas[row + b] += patch[a * pw + b];
            }
        }
    }

    /**
     * Adds the outer product {@code weights[t] · patch} into the patch window of every frame of a dense
     * {@code (n, canvasH, canvasW)} row-major block, {@code n = weights.length}. Empty ⇒ no-op.
     *
     * @param block   destination block, length n·canvasH·canvasW
     * @param weights per-frame weights (e.g. emissions, a.u.)
     */
    public void addInto(double[] block, double[] weights) {
        int plane = canvasH * canvasW;
        if (block.length != weights.length * plane) {
            throw new IllegalArgumentException("block length " + block.length + " != " + weights.length + " x "
                    + canvasH + " x " + canvasW);
        }
        for (int t = 0; t < weights.length; t++) {
            double wt = weights[t];
            int base = t * plane;
            for (int a = 0; a < ph; a++) {
                int row = base + (y0 + a) * canvasW + x0;
                for (int b = 0; b < pw; b++) {
                    block[row + b] += wt * patch[a * pw + b];
                }
            }
        }
    }

    /** @return the half-open bounding box {@code (y0, y0+ph, x0, x0+pw)}, px */
    public int[] bbox() {
        return new int[] {y0, y0 + ph, x0, x0 + pw};
    }

    /** @return the sum of the patch values (float64 accumulation) */
    public double sum() {
        double s = 0.0;
        for (float v : patch) {
            s += v;
        }
        return s;
    }

    /** @return the maximum patch value (0 for an empty footprint) */
    public double max() {
        double m = isEmpty() ? 0.0 : Double.NEGATIVE_INFINITY;
        for (float v : patch) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * The tight bounding box of the non-zero pixels of a local window that sits at canvas offset
     * {@code (top, left)}; equivalent to {@link #fromDense} of the canvas holding only that window, without
     * allocating the canvas. An all-zero window gives the empty footprint.
     *
     * @param window  row-major window values, length h·w (dimensionless weights)
     * @param h       window rows, px
     * @param w       window columns, px
     * @param top     canvas row of the window's first row, px
     * @param left    canvas column of the window's first column, px
     * @param canvasH canvas rows, px
     * @param canvasW canvas columns, px
     */
    public static Footprint fromWindow(double[] window, int h, int w, int top, int left, int canvasH, int canvasW) {
        Footprint local = fromDense(window, h, w);
        if (local.isEmpty()) {
            return empty(canvasH, canvasW);
        }
        return new Footprint(local.y0 + top, local.x0 + left, local.ph, local.pw, local.patch, canvasH, canvasW);
    }
}
