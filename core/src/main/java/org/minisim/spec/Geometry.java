package org.minisim.spec;

/**
 * Derived sampling quantities of a spec (docs/spec.md#derived-quantities, docs/physics.md#conventions): pixel size,
 * FOV, frame count, motion margin and canvas. The FOV is the centred window of the canvas at offset (margin, margin).
 *
 * @param pixelSizeUm object-space pixel size, µm
 * @param fovHeight   FOV rows H, px
 * @param fovWidth    FOV columns W, px
 * @param nFrames     frame count T
 * @param fps         frame rate, Hz
 * @param margin      motion margin m, px (0 without brain_motion)
 */
public record Geometry(double pixelSizeUm, int fovHeight, int fovWidth, int nFrames, double fps, int margin) implements java.io.Serializable {

    /** @return the geometry of a spec */
    public static Geometry of(Spec spec) {
        Acquisition a = spec.acquisition();
        double px = a.pixelSizeUm();
        int m = spec.step(BrainMotion.class).map(b -> marginPx(b, px)).orElse(0);
        return new Geometry(px, a.imageSensor().nPxHeight(), a.imageSensor().nPxWidth(), a.nFrames(), a.fps(), m);
    }

    /**
     * Motion margin in px: M = max |component| of an explicit trajectory, else {@code max_shift_um} (physical
     * too); {@code m = ceil(M/px) + 1} if M/px &gt; 0, else 0.
     */
    public static int marginPx(BrainMotion motion, double pixelSizeUm) {
        double maxUm = motion.trajectoryUm() != null ? motion.trajectoryExtentUm() : motion.maxShiftUm();
        double r = maxUm / pixelSizeUm;
        return r > 0 ? (int) Math.ceil(r) + 1 : 0;
    }

    /** @return canvas rows Hc = H + 2m, px */
    public int canvasHeight() {
        return fovHeight + 2 * margin;
    }

    /** @return canvas columns Wc = W + 2m, px */
    public int canvasWidth() {
        return fovWidth + 2 * margin;
    }

    /** @return canvas pixel count Hc·Wc */
    public int canvasPixels() {
        return canvasHeight() * canvasWidth();
    }

    /** @return FOV pixel count H·W */
    public int fovPixels() {
        return fovHeight * fovWidth;
    }

    /** @return FOV top offset inside the canvas, px: (Hc − H) div 2 */
    public int fovTop() {
        return (canvasHeight() - fovHeight) / 2;
    }

    /** @return FOV left offset inside the canvas, px: (Wc − W) div 2 */
    public int fovLeft() {
        return (canvasWidth() - fovWidth) / 2;
    }

    /**
     * Fractional row index of a lateral position on a centred grid of {@code h} rows:
     * {@code (h − 1)/2 + y·(1/px)} (reciprocal multiply, as the reference).
     *
     * @param yUm lateral optical-centre position, µm
     * @param h   grid rows, px
     */
    public double rowIndex(double yUm, int h) {
        return (h - 1) / 2.0 + yUm * (1.0 / pixelSizeUm);
    }

    /** Fractional column index; see {@link #rowIndex}. */
    public double colIndex(double xUm, int w) {
        return (w - 1) / 2.0 + xUm * (1.0 / pixelSizeUm);
    }
}
