package org.minisim.physics;

/**
 * The detectability rule (OUTPUT.md §2.6): a cell is detectable iff its realised peak transient, in detected
 * electrons, clears the shot + read noise floor by {@link #DETECT_SNR_THRESHOLD}. Shared by finalize and the
 * "auto" focus yield scan.
 */
public final class Detectability {

    /**
     * The one detection threshold on {@link #snr} (dimensionless). Provisional; changing it changes the auto
     * focus, hence the simulation, not only the flag (OUTPUT.md §2.6.6).
     */
    public static final double DETECT_SNR_THRESHOLD = 3.0;

    private Detectability() {}

    /**
     * {@code SNR = peakDf·gain / sqrt(max(baseline, 0)·gain + readNoiseE²)}; where the noise floor is exactly 0:
     * {@code +∞} if {@code peakDf·gain > 0}, else 0.
     *
     * @param peakDf     transient height {@code max C − min C}, a.u.
     * @param baseline   resting level {@code min C}, a.u.
     * @param gain       a.u. → detected electrons (optical brightness × photon field × vessel transmission ×
     *                   photons per unit × QE), e⁻ per a.u.
     * @param readNoiseE sensor read noise, e⁻ RMS
     * @return the SNR (dimensionless)
     */
    public static double snr(double peakDf, double baseline, double gain, double readNoiseE) {
        double signal = peakDf * gain;
        double noise = Math.sqrt(Math.max(baseline, 0.0) * gain + readNoiseE * readNoiseE);
        if (noise > 0) {
            return signal / noise;
        }
        return signal > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }

    /** @return whether {@code snr ≥ DETECT_SNR_THRESHOLD} */
    public static boolean isDetectable(double snr) {
        return snr >= DETECT_SNR_THRESHOLD;
    }

    /**
     * Samples a FOV-sized field at a cell (OUTPUT.md §2.6.3): row
     * {@code clip(round_half_even((h−1)/2 + y/px), 0, h−1)}, column likewise; the offset uses a division by the
     * pixel size.
     *
     * @param field       row-major {@code (h, w)} field (dimensionless), or null
     * @param h           field rows, px
     * @param w           field columns, px
     * @param yUm         cell row-direction position in the optical-centre frame, µm
     * @param xUm         cell column-direction position, µm
     * @param pixelSizeUm object-space pixel size, µm
     * @return the field value at the nearest pixel, or 1.0 for a null field
     */
    public static double sampleField(double[] field, int h, int w, double yUm, double xUm, double pixelSizeUm) {
        if (field == null) {
            return 1.0;
        }
        if (field.length != h * w) {
            throw new IllegalArgumentException("field length " + field.length + " != " + h + " x " + w);
        }
        int row = clipIndex(Math.rint((h - 1) / 2.0 + yUm / pixelSizeUm), h);
        int col = clipIndex(Math.rint((w - 1) / 2.0 + xUm / pixelSizeUm), w);
        return field[row * w + col];
    }

    /** @return {@code v} rounded already, clipped into {@code [0, n−1]} */
    static int clipIndex(double v, int n) {
        return (int) Math.min(Math.max(v, 0.0), n - 1.0);
    }
}
