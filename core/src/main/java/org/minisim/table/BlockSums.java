package org.minisim.table;

/**
 * Block sums of one unit's FOV footprint at one level ℓ ≥ 1 (the oracle's binning, {@link LocalDemixer}): the FOV
 * is tiled by blocks of {@code 2^ℓ × 2^ℓ} px anchored at FOV pixel (0, 0) (blocks at the right and bottom edges hold
 * only the FOV pixels they cover), and block {@code (by, bx)} holds the sum of the footprint over it
 * (dimensionless). Only the blocks meeting the footprint's box are held.
 */
final class BlockSums {

    final int level, by0, bx0, bh, bw;
    final double[] sums;

    /** @param level ≥ 1 */
    BlockSums(FovFootprint f, int level) {
        this.level = level;
        if (f.isEmpty()) {
            by0 = bx0 = bh = bw = 0;
            sums = new double[0];
            return;
        }
        int d = 1 << level;
        by0 = f.y0() / d;
        bx0 = f.x0() / d;
        bh = (f.y1() - 1) / d - by0 + 1;
        bw = (f.x1() - 1) / d - bx0 + 1;
        sums = new double[bh * bw];
        float[] p = f.patch();
        for (int y = f.y0(); y < f.y1(); y++) {
            int row = ((y >> level) - by0) * bw - bx0;
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                sums[row + (x >> level)] += p[off + x];
            }
        }
    }
}
