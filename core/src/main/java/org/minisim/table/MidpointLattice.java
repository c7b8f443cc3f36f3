package org.minisim.table;

/**
 * The sampling lattices of the overlap statistics (docs/table.md#neighbour-columns): at level k the FOV is
 * tiled by blocks of {@code Δ = 3^k} px along each axis (the last block of an axis may be shorter), and each block
 * is represented by the pixel at its middle with the weight of its pixel count. A sum of a smooth product over
 * the FOV is then the weighted sum over the block middles (the midpoint rule): for footprints blurred with
 * σ ≥ {@link #SIGMA_PER_BLOCK}·Δ its error is far below that of the float32 values inside the FOV and of order
 * 10⁻³ of the total where the product is cut by the FOV's edge. Level 0 is every pixel.
 */
final class MidpointLattice {

    /** A unit's level is the largest k with {@code 3^k ≤ σ / SIGMA_PER_BLOCK}. */
    static final double SIGMA_PER_BLOCK = 1.0;
    /** Coarsest level (blocks of 27 px). */
    static final int MAX_LEVEL = 3;

    /** Per level: the middle pixel of each block along the axis, and the block's length. */
    private final int[][] mid, len;
    private final int size;

    /** @param size pixels along the axis */
    MidpointLattice(int size) {
        this.size = size;
        mid = new int[MAX_LEVEL + 1][];
        len = new int[MAX_LEVEL + 1][];
        for (int k = 0, d = 1; k <= MAX_LEVEL; k++, d *= 3) {
            int n = (size + d - 1) / d;
            mid[k] = new int[n];
            len[k] = new int[n];
            for (int b = 0; b < n; b++) {
                int l = Math.min(d, size - b * d);
                len[k][b] = l;
                mid[k][b] = b * d + (l - 1) / 2;
            }
        }
    }

    /** @return the level of a footprint of blur σ (px); 0 for NaN */
    static int level(double sigmaPx) {
        int k = 0, d = 1;
        while (k < MAX_LEVEL && Double.isFinite(sigmaPx) && 3 * d <= sigmaPx / SIGMA_PER_BLOCK) {
            k++;
            d *= 3;
        }
        return k;
    }

    /** @return block side at level k, px */
    static int side(int k) {
        int d = 1;
        for (int i = 0; i < k; i++) {
            d *= 3;
        }
        return d;
    }

    /** @return the middle pixel of block b at level k */
    int mid(int k, int b) {
        return mid[k][b];
    }

    /** @return the length of block b at level k, px */
    int len(int k, int b) {
        return len[k][b];
    }

    /** @return the number of blocks at level k */
    int blocks(int k) {
        return mid[k].length;
    }

    /** @return pixels along the axis */
    int size() {
        return size;
    }
}
