package org.minisim.physics;

/**
 * Rigid brain translation of one canvas frame followed by the crop of the sensor FOV (docs/physics.md#brain-motion):
 * output pixel {@code (i, j)} is the exact bilinear interpolation of the canvas at
 * {@code (top + i − dy, left + j − dx)}; positive dy moves content down, positive dx to the right. Samples outside the
 * canvas count as 0 (the motion margin normally keeps every sample inside).
 *
 * <p>A pure translation has the same fractional offset for every pixel, so the integer/fractional split and the
 * four weights are computed once per frame; the interior is a contiguous four-tap loop.
 */
public final class ShiftCrop {

    private ShiftCrop() {}

    /**
     * @param canvas  one canvas frame, row-major, length canvasH·canvasW
     * @param canvasH canvas rows Hc, px
     * @param canvasW canvas columns Wc, px
     * @param top     FOV row offset inside the canvas, px
     * @param left    FOV column offset inside the canvas, px
     * @param h       FOV rows, px
     * @param w       FOV columns, px
     * @param dy      content displacement down, px
     * @param dx      content displacement right, px
     * @param fovOut  receives the (h, w) FOV frame, row-major
     */
    public static void apply(double[] canvas, int canvasH, int canvasW, int top, int left, int h, int w,
                             double dy, double dx, double[] fovOut) {
        if (canvas.length < canvasH * canvasW || fovOut.length < h * w) {
            throw new IllegalArgumentException("array too short for the given shapes");
        }
        double sy = top - dy;
        double sx = left - dx;
        double fy0 = Math.floor(sy);
        double fx0 = Math.floor(sx);
        int y0 = (int) fy0;
        int x0 = (int) fx0;
        double fy = sy - fy0;
        double fx = sx - fx0;
        double w00 = (1.0 - fy) * (1.0 - fx);
        double w01 = (1.0 - fy) * fx;
        double w10 = fy * (1.0 - fx);
        double w11 = fy * fx;
        // columns j whose two taps x0 + j and x0 + j + 1 both lie inside the canvas
        int jLo = Math.max(0, -x0);
        int jHi = Math.min(w, canvasW - 1 - x0); // exclusive
        for (int i = 0; i < h; i++) {
            int ya = y0 + i;
            int yb = ya + 1;
            boolean aIn = ya >= 0 && ya < canvasH;
            boolean bIn = yb >= 0 && yb < canvasH;
            int out = i * w;
            if (aIn && bIn && jLo < jHi) {
                int ra = ya * canvasW + x0;
                int rb = yb * canvasW + x0;
                for (int j = jLo; j < jHi; j++) {
                    fovOut[out + j] = w00 * canvas[ra + j] + w01 * canvas[ra + j + 1]
                            + w10 * canvas[rb + j] + w11 * canvas[rb + j + 1];
                }
                for (int j = 0; j < jLo; j++) {
                    fovOut[out + j] = sample(canvas, canvasH, canvasW, ya, x0 + j, w00, w01, w10, w11);
                }
                for (int j = Math.max(jHi, jLo); j < w; j++) {
                    fovOut[out + j] = sample(canvas, canvasH, canvasW, ya, x0 + j, w00, w01, w10, w11);
                }
            } else {
                for (int j = 0; j < w; j++) {
                    fovOut[out + j] = sample(canvas, canvasH, canvasW, ya, x0 + j, w00, w01, w10, w11);
                }
            }
        }
    }

    /** Four-tap sample with the top-left tap at (ya, xa); taps outside the canvas read 0. */
    private static double sample(double[] c, int hc, int wc, int ya, int xa, double w00, double w01, double w10,
                                 double w11) {
        return w00 * at(c, hc, wc, ya, xa) + w01 * at(c, hc, wc, ya, xa + 1)
                + w10 * at(c, hc, wc, ya + 1, xa) + w11 * at(c, hc, wc, ya + 1, xa + 1);
    }

    private static double at(double[] c, int hc, int wc, int y, int x) {
        return (y >= 0 && y < hc && x >= 0 && x < wc) ? c[y * wc + x] : 0.0;
    }
}
