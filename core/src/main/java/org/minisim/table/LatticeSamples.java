package org.minisim.table;

/**
 * One unit's footprint on a {@link MidpointLattice} level k ≥ 1: for each block whose middle pixel lies in the
 * footprint's box, the footprint at that pixel times the square root of the block's pixel count, so that the
 * plain dot product of two units' samples is the midpoint-rule sum of the product of their footprints.
 */
final class LatticeSamples {

    final int by0, bx0, bh, bw;
    final float[] v;
    final double energy;

    LatticeSamples(FovFootprint f, int k, MidpointLattice rows, MidpointLattice cols) {
        int d = MidpointLattice.side(k);
        if (f.isEmpty()) {
            by0 = bx0 = bh = bw = 0;
            v = new float[0];
            energy = 0.0;
            return;
        }
        // blocks whose middle is inside [y0, y1): middles are increasing, so a range
        int a = firstMidAtOrAfter(rows, k, f.y0()), b = firstMidAtOrAfter(rows, k, f.y1());
        int c = firstMidAtOrAfter(cols, k, f.x0()), e = firstMidAtOrAfter(cols, k, f.x1());
        by0 = a;
        bh = Math.max(0, b - a);
        bx0 = c;
        bw = Math.max(0, e - c);
        v = new float[bh * bw];
        float[] p = f.patch();
        double en = 0.0;
        for (int r = 0; r < bh; r++) {
            int y = rows.mid(k, a + r);
            int off = f.rowOffset(y);
            double wy = rows.len(k, a + r);
            for (int s = 0; s < bw; s++) {
                double val = p[off + cols.mid(k, c + s)] * Math.sqrt(wy * cols.len(k, c + s));
                v[r * bw + s] = (float) val;
                en += (double) v[r * bw + s] * v[r * bw + s];
            }
        }
        energy = en;
    }

    private static int firstMidAtOrAfter(MidpointLattice l, int k, int pixel) {
        int d = MidpointLattice.side(k);
        int b = Math.max(0, pixel / d - 1);
        while (b < l.blocks(k) && l.mid(k, b) < pixel) {
            b++;
        }
        return b;
    }

    /** @return the dot product of two units' samples over the blocks both hold */
    static double dot(LatticeSamples a, LatticeSamples b) {
        int ya = Math.max(a.by0, b.by0), yb = Math.min(a.by0 + a.bh, b.by0 + b.bh);
        int xa = Math.max(a.bx0, b.bx0), xb = Math.min(a.bx0 + a.bw, b.bx0 + b.bw);
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        float[] av = a.v, bv = b.v;
        for (int y = ya; y < yb; y++) {
            int ra = (y - a.by0) * a.bw - a.bx0, rb = (y - b.by0) * b.bw - b.bx0;
            int x = xa;
            // four independent partial sums: one accumulator makes the loop wait on each add
            for (; x + 4 <= xb; x += 4) {
                s0 += (double) av[ra + x] * bv[rb + x];
                s1 += (double) av[ra + x + 1] * bv[rb + x + 1];
                s2 += (double) av[ra + x + 2] * bv[rb + x + 2];
                s3 += (double) av[ra + x + 3] * bv[rb + x + 3];
            }
            for (; x < xb; x++) {
                s0 += (double) av[ra + x] * bv[rb + x];
            }
        }
        return (s0 + s1) + (s2 + s3);
    }
}
