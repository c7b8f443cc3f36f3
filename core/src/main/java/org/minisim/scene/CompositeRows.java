package org.minisim.scene;

import org.minisim.footprint.FootprintPatch;

/**
 * Row index of the composite (CSR layout): for every canvas row, the rendered cells whose observed patch covers
 * it, in cell order, with the patch row that lands there. Rendering row by row keeps one row of every frame of
 * a block in L1 cache while the cells are summed into it; the per-pixel summation order (cell order) is the
 * same as a cell-by-cell pass, so the bytes do not depend on this layout.
 */
public final class CompositeRows {
    /** Entries of canvas row y are {@code [rowStart[y], rowStart[y+1])}. Shared: read only. */
    public final int[] rowStart;
    /** Index into the scene's cell list. Shared: read only. */
    public final int[] cell;
    /** Row of that cell's patch covering the canvas row. Shared: read only. */
    public final int[] patchRow;

    /**
     * @param canvasH       canvas rows, px
     * @param renderedCells the cells that render, in cell order
     * @param observed      observed footprints, indexed by cell
     */
    public CompositeRows(int canvasH, int[] renderedCells, FootprintPatch[] observed) {
        int[] count = new int[canvasH + 1];
        for (int c : renderedCells) {
            FootprintPatch f = observed[c];
            for (int r = 0; r < f.ph(); r++) {
                count[f.y0() + r + 1]++;
            }
        }
        for (int y = 0; y < canvasH; y++) {
            count[y + 1] += count[y];
        }
        rowStart = count.clone();
        int total = count[canvasH];
        cell = new int[total];
        patchRow = new int[total];
        int[] fill = count;
        for (int c : renderedCells) {
            FootprintPatch f = observed[c];
            for (int r = 0; r < f.ph(); r++) {
                int at = fill[f.y0() + r]++;
                cell[at] = c;
                patchRow[at] = r;
            }
        }
    }
}
