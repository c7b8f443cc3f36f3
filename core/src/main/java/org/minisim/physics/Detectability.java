package org.minisim.physics;

/**
 * The detectability rule (docs/physics.md#detectability): a cell is detectable iff its realised peak transient, in
 * detected electrons, clears the shot + read noise floor by {@link #DETECT_SNR_THRESHOLD}. Shared by finalize and the
 * "auto" focus yield scan.
 */
public final class Detectability {

    /**
     * The one detection threshold on {@link #snr} (dimensionless). Provisional; changing it changes the auto
     * focus, hence the simulation, not only the flag (docs/physics.md#detectability).
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
     * Samples a FOV-sized field at a cell (docs/physics.md#sampling-a-field-at-a-cell): row
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
        return FieldAtCell.byDivision(field, h, w, yUm, xUm, pixelSizeUm);
    }

    /**
     * The a.u. → detected-electron gain of a cell, as the left-to-right product of docs/physics.md#detectability (the
     * order matters for the flag at the threshold).
     *
     * @param opticalBrightness  the optics peak factor (1 when optics did not run)
     * @param photonField        illumination × vignette at the cell (1 when absent)
     * @param vesselTransmission FOV vessel mask at the cell (1 without vasculature)
     * @param photonsPerUnit     sensor exposure scale, photons per a.u.
     * @param quantumEfficiency  photon → electron probability
     * @return the gain, e⁻ per a.u.
     */
    public static double gain(double opticalBrightness, double photonField, double vesselTransmission,
                              double photonsPerUnit, double quantumEfficiency) {
        return (((opticalBrightness * photonField) * vesselTransmission) * photonsPerUnit) * quantumEfficiency;
    }

    /**
     * The SNR of one trace: {@code peakDf = max C − min C}, {@code baseline = min C} over {@code c[off, off+n)}.
     *
     * @param c          traces, a.u.
     * @param off        first index of this cell's trace
     * @param n          frames (≥ 1)
     * @param gain       e⁻ per a.u.
     * @param readNoiseE read noise, e⁻ RMS
     * @return the SNR
     */
    public static double traceSnr(double[] c, int off, int n, double gain, double readNoiseE) {
        double mx = Double.NEGATIVE_INFINITY, mn = Double.POSITIVE_INFINITY;
        for (int t = off; t < off + n; t++) {
            mx = Math.max(mx, c[t]);
            mn = Math.min(mn, c[t]);
        }
        return snr(mx - mn, mn, gain, readNoiseE);
    }
}
