package org.minisim.table;

/**
 * The oracle demixer of one recording (docs/table.md#oracle): for each unit i, the least-squares fit of the
 * observed frame over a window around the unit by the footprints of the unit and its neighbours plus a constant,
 * with a small ridge penalty, evaluated on block sums at the unit's resolution level; the oracle trace is the
 * unit's coefficient, frame by frame.
 *
 * <p>Precisely: the window is the set of level-ℓ blocks ({@code Δ = 2^ℓ} px, {@link FootprintOverlaps#level})
 * meeting the box where unit i's footprint reaches {@link #WINDOW_REL} of its peak. With {@code M} the matrix of
 * block sums of the members' footprints (unit i and its {@link FootprintOverlaps#neighbours}) over the window,
 * {@code n} the pixel count of each block and {@code Y(t)} the block sums of frame t,
 * {@code (x, m) = argmin ‖Y − Mx − m·n‖² + λ Σ_j ‖M_j‖² x_j²} with {@code λ = }{@link #RIDGE}; the oracle trace
 * is {@code x_i(t)}. It is linear in the frame, so it is precomputed as one weight per window block:
 * {@code x_i(t) = Σ_b w(b)·Y(b, t)}. On a noiseless scene whose every footprint with light in the window is a
 * member, the fit is exact up to the ridge's shrinkage, so the trace correlates with C at r → 1 as λ → 0. With
 * motion, the window moves with the frame's true shift rounded to whole pixels.
 */
public final class LocalDemixer {

    /** Ridge penalty relative to each member column's energy. */
    public static final double RIDGE = 1e-4;
    /** A unit's window covers where its footprint reaches this fraction of its peak. */
    public static final double WINDOW_REL = 0.05;
    /** The oracle's blocks are at most σ / SMOOTH_PER_BLOCK px (a power of two, {@link FootprintOverlaps}). */
    public static final double SMOOTH_PER_BLOCK = 2.0;

    /** One unit's weights: a window of {@code bh × bw} blocks of side {@code d} px from block (by0, bx0). */
    record Weights(int d, int by0, int bx0, int bh, int bw, double[] w) {}

    private final Weights[] weights;
    /** Levels some unit's window uses. */
    private final boolean[] levelsUsed = new boolean[FootprintOverlaps.MAX_LEVEL + 1];

    /**
     * @param overlaps the recording's footprint overlaps (footprints, levels, neighbours)
     * @param h        FOV rows, px
     * @param w        FOV columns, px
     * @param ridge    λ (≥ 0; {@link #RIDGE} in the table)
     */
    public LocalDemixer(FootprintOverlaps overlaps, int h, int w, double ridge) {
        int n = overlaps.size();
        weights = new Weights[n];
        org.minisim.Parallel.forEach(n, i -> weights[i] = solve(overlaps, i, h, w, ridge));
        for (Weights wt : weights) {
            if (wt != null) {
                levelsUsed[Integer.numberOfTrailingZeros(wt.d)] = true;
            }
        }
        this.h = h;
        this.w = w;
    }

    private final int h, w;

    /**
     * A frame's block sums at every level a window uses, on the block grid moved by the frame's whole-pixel
     * content shift; reusable from frame to frame (one per rendering thread).
     */
    public final class Frame {
        private final double[] sat = new double[(h + 1) * (w + 1)];
        private final double[][] grids = new double[levelsUsed.length][];

        Frame() {
            for (int l = 0; l < levelsUsed.length; l++) {
                if (levelsUsed[l]) {
                    int d = 1 << l;
                    grids[l] = new double[((h + d - 1) / d) * ((w + d - 1) / d)];
                }
            }
        }

        /** @return the frame's summed-area table, (h+1)·(w+1) values (after {@link #load}) */
        public double[] summedArea() {
            return sat;
        }

        /**
         * Loads one frame.
         *
         * @param frame the frame's (h, w) values from {@code off}
         * @param dy    content shift down, whole px
         * @param dx    content shift right, whole px
         */
        public void load(double[] frame, int off, int dy, int dx) {
            LocalDemixer.summedArea(frame, off, h, w, sat);
            int stride = w + 1;
            for (int l = 0; l < grids.length; l++) {
                double[] g = grids[l];
                if (g == null) {
                    continue;
                }
                int d = 1 << l, gh = (h + d - 1) / d, gw = (w + d - 1) / d;
                if (d == 1 && dy == 0 && dx == 0) {
                    System.arraycopy(frame, off, g, 0, h * w);
                    continue;
                }
                for (int by = 0; by < gh; by++) {
                    int ya = clamp(by * d + dy, h), yb = clamp((by + 1) * d + dy, h);
                    int ra = ya * stride, rb = yb * stride;
                    for (int bx = 0; bx < gw; bx++) {
                        int xa = clamp(bx * d + dx, w), xb = clamp((bx + 1) * d + dx, w);
                        g[by * gw + bx] = sat[rb + xb] - sat[ra + xb] - sat[rb + xa] + sat[ra + xa];
                    }
                }
            }
        }

        /** @return unit i's oracle coefficient for the loaded frame (0 for a unit without light) */
        public double trace(int i) {
            Weights wt = weights[i];
            if (wt == null) {
                return 0.0;
            }
            int l = Integer.numberOfTrailingZeros(wt.d);
            double[] g = grids[l];
            int gw = (w + wt.d - 1) / wt.d;
            double[] wv = wt.w;
            double s0 = 0.0, s1 = 0.0;
            for (int r = 0; r < wt.bh; r++) {
                int go = (wt.by0 + r) * gw + wt.bx0, wo = r * wt.bw;
                int c = 0;
                for (; c + 2 <= wt.bw; c += 2) {
                    s0 += wv[wo + c] * g[go + c];
                    s1 += wv[wo + c + 1] * g[go + c + 1];
                }
                for (; c < wt.bw; c++) {
                    s0 += wv[wo + c] * g[go + c];
                }
            }
            return s0 + s1;
        }
    }

    /** @return a new per-thread frame holder */
    public Frame newFrame() {
        return new Frame();
    }

    /** @return unit i's weights, or null when it has no light in the FOV */
    Weights weights(int i) {
        return weights[i];
    }

    /** @return the number of units */
    public int size() {
        return weights.length;
    }

    /**
     * Fills {@code sat} with the summed-area table of one frame: {@code sat[y·(w+1) + x]} = Σ of the frame over
     * rows {@code < y} and columns {@code < x}.
     *
     * @param frame the frame's (h, w) values from {@code off}
     */
    public static void summedArea(double[] frame, int off, int h, int w, double[] sat) {
        int stride = w + 1;
        java.util.Arrays.fill(sat, 0, stride, 0.0);
        for (int y = 0; y < h; y++) {
            int src = off + y * w, dst = (y + 1) * stride, up = y * stride;
            sat[dst] = 0.0;
            double row = 0.0;
            for (int x = 0; x < w; x++) {
                row += frame[src + x];
                sat[dst + x + 1] = sat[up + x + 1] + row;
            }
        }
    }

    private static int clamp(int v, int len) {
        return v < 0 ? 0 : Math.min(v, len);
    }

    private static Weights solve(FootprintOverlaps ov, int i, int h, int w, double ridge) {
        // the window: where unit i reaches WINDOW_REL of its peak (UnitFootprint), grown to whole blocks
        FovFootprint win = ov.unit(i).window();
        if (win.isEmpty()) {
            return null;
        }
        int wy0 = win.y0(), wy1 = win.y1(), wx0 = win.x0(), wx1 = win.x1();
        int level = ov.oracleLevel(i);
        int d = 1 << level;
        int by0 = wy0 / d, bx0 = wx0 / d;
        int bh = (wy1 - 1) / d - by0 + 1, bw = (wx1 - 1) / d - bx0 + 1;
        int blocks = bh * bw;
        int[] nb = ov.neighbours(i);
        int m = nb.length + 1;
        // columns: members (unit i first), then the constant (pixel counts of the blocks); each with the
        // rectangle of window blocks outside which it is 0 (sums over the rest skip only zero terms: same bits)
        Column[] cols = new Column[m + 1];
        cols[0] = blockSums(ov, i, level, by0, bx0, bh, bw, h, w);
        if (cols[0] == null) {
            return null;
        }
        int kept = 1;
        for (int j : nb) {
            Column col = blockSums(ov, j, level, by0, bx0, bh, bw, h, w);
            if (col != null) {
                cols[kept++] = col;
            }
        }
        double[] ones = new double[blocks];
        for (int r = 0; r < bh; r++) {
            int rows = Math.min(h, (by0 + r + 1) * d) - (by0 + r) * d;
            for (int c = 0; c < bw; c++) {
                int colsPx = Math.min(w, (bx0 + c + 1) * d) - (bx0 + c) * d;
                ones[r * bw + c] = (double) rows * colsPx;
            }
        }
        cols[kept] = new Column(ones, 0, bh, 0, bw);
        int q = kept + 1;
        double[] a = new double[q * q];
        for (int r = 0; r < q; r++) {
            for (int c = 0; c <= r; c++) {
                Column u = cols[r], v = cols[c];
                int r0 = Math.max(u.r0, v.r0), r1 = Math.min(u.r1, v.r1);
                int c0 = Math.max(u.c0, v.c0), c1 = Math.min(u.c1, v.c1);
                double sum = 0.0;
                for (int y = r0; y < r1; y++) {
                    for (int b = y * bw + c0, e = y * bw + c1; b < e; b++) {
                        sum += u.v[b] * v.v[b];
                    }
                }
                a[r * q + c] = sum;
                a[c * q + r] = sum;
            }
        }
        for (int r = 0; r < kept; r++) {
            a[r * q + r] *= 1.0 + ridge;
        }
        double[] z = new double[q];
        z[0] = 1.0;
        if (!Cholesky.solveInPlace(a, q, z)) {
            return null;
        }
        double[] wv = new double[blocks];
        for (int c = 0; c < q; c++) {
            double zc = z[c];
            Column col = cols[c];
            for (int y = col.r0; y < col.r1; y++) {
                for (int b = y * bw + col.c0, e = y * bw + col.c1; b < e; b++) {
                    wv[b] += zc * col.v[b];
                }
            }
        }
        return new Weights(d, by0, bx0, bh, bw, wv);
    }

    /**
     * One member's block sums over a window ({@code bh × bw} blocks, row-major), zero outside the window blocks
     * {@code [r0, r1) × [c0, c1)}.
     */
    private record Column(double[] v, int r0, int r1, int c0, int c1) {}

    /**
     * @return unit j's block sums at level ℓ over the window blocks (row-major bh × bw), or null when it has no
     *     light there
     */
    private static Column blockSums(FootprintOverlaps ov, int j, int level, int by0, int bx0, int bh, int bw,
                                    int h, int w) {
        FovFootprint f = ov.footprint(j);
        if (f.isEmpty()) {
            return null;
        }
        int d = 1 << level;
        double[] out = new double[bh * bw];
        boolean any = false;
        BlockSums own = ov.blockSums(j);
        if (own != null && own.level <= level) {
            // the member's own block sums, added up into the (equal or coarser) level-ℓ blocks
            int shift = level - own.level;
            int ya = Math.max(by0 << shift, own.by0), yb = Math.min((by0 + bh) << shift, own.by0 + own.bh);
            int xa = Math.max(bx0 << shift, own.bx0), xb = Math.min((bx0 + bw) << shift, own.bx0 + own.bw);
            for (int y = ya; y < yb; y++) {
                int row = ((y >> shift) - by0) * bw - bx0;
                int src = (y - own.by0) * own.bw - own.bx0;
                for (int x = xa; x < xb; x++) {
                    double v = own.sums[src + x];
                    out[row + (x >> shift)] += v;
                    any |= v != 0.0;
                }
            }
            return any ? new Column(out, (ya >> shift) - by0, ((yb - 1) >> shift) - by0 + 1, (xa >> shift) - bx0,
                    ((xb - 1) >> shift) - bx0 + 1) : null;
        }
        int ya = Math.max(by0 * d, f.y0()), yb = Math.min(Math.min((by0 + bh) * d, h), f.y1());
        int xa = Math.max(bx0 * d, f.x0()), xb = Math.min(Math.min((bx0 + bw) * d, w), f.x1());
        if (ya >= yb || xa >= xb) {
            return null;
        }
        float[] p;
        int stride, first; // index of (y, 0) in p is first + (y − ya)·stride
        if (f.isStored()) {
            p = f.patch();
            first = f.rowOffset(ya);
            stride = f.rowOffset(ya + 1) - first;
        } else {
            p = new float[(yb - ya) * (xb - xa)];
            f.copyBox(ya, yb, xa, xb, p);
            first = -xa;
            stride = xb - xa;
        }
        for (int y = ya; y < yb; y++) {
            int off = first + (y - ya) * stride;
            int row = ((y >> level) - by0) * bw - bx0;
            for (int x = xa; x < xb; x++) {
                float v = p[off + x];
                out[row + (x >> level)] += v;
                any |= v != 0f;
            }
        }
        return any ? new Column(out, (ya >> level) - by0, ((yb - 1) >> level) - by0 + 1, (xa >> level) - bx0,
                ((xb - 1) >> level) - bx0 + 1) : null;
    }
}
