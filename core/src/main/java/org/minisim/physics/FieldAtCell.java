package org.minisim.physics;

import org.minisim.spec.Geometry;

/**
 * Nearest-pixel sampling of a FOV-sized field (illumination, vignette, their product, a vessel mask) at a cell's
 * rest position in the optical-centre frame: the fractional index is rounded half-to-even, then clipped into the
 * grid. Two forms of the µm → index offset exist in the reference and are kept apart, because they can disagree
 * when a position lands within an ulp of a .5 tie: finalize's detectability divides by the pixel size
 * ({@link #byDivision}), the auto-focus yield scan and the bleaching dose multiply by its
 * reciprocal ({@link #byIndexMap}); see docs/physics.md#sampling-a-field-at-a-cell.
 */
public final class FieldAtCell {

    private FieldAtCell() {}

    /**
     * @param field       row-major (h, w) field, or null (samples as 1.0)
     * @param h           rows, px
     * @param w           columns, px
     * @param yUm         row-direction position, µm (optical-centre frame)
     * @param xUm         column-direction position, µm
     * @param pixelSizeUm object-space pixel size, µm
     * @return the value at {@code clip(rint((h−1)/2 + y/px))}, likewise for the column
     */
    public static double byDivision(double[] field, int h, int w, double yUm, double xUm, double pixelSizeUm) {
        if (field == null) {
            return 1.0;
        }
        check(field, h, w);
        return field[clip(Math.rint((h - 1) / 2.0 + yUm / pixelSizeUm), h) * w
                + clip(Math.rint((w - 1) / 2.0 + xUm / pixelSizeUm), w)];
    }

    /**
     * @param field row-major FOV field {@code (g.fovHeight, g.fovWidth)}, or null (samples as 1.0)
     * @param g     geometry providing the reciprocal-multiply index map
     * @param yUm   row-direction position, µm
     * @param xUm   column-direction position, µm
     * @return the value at {@code clip(rint(g.rowIndex(y, h)))}, {@code clip(rint(g.colIndex(x, w)))}
     */
    public static double byIndexMap(double[] field, Geometry g, double yUm, double xUm) {
        if (field == null) {
            return 1.0;
        }
        int h = g.fovHeight(), w = g.fovWidth();
        check(field, h, w);
        return field[clip(Math.rint(g.rowIndex(yUm, h)), h) * w + clip(Math.rint(g.colIndex(xUm, w)), w)];
    }

    /** @return an already-rounded index clipped into {@code [0, n − 1]} */
    static int clip(double v, int n) {
        return (int) Math.min(Math.max(v, 0.0), n - 1.0);
    }

    private static void check(double[] field, int h, int w) {
        if (field.length != h * w) {
            throw new IllegalArgumentException("field length " + field.length + " != " + h + " x " + w);
        }
    }
}
