package org.minisim.footprint;

/**
 * The observed footprint of a cell (docs/physics.md#footprints, docs/store-format.md#observed-footprints): its planted
 * footprint blurred by the total optical PSF and scaled by the flat light loss,
 * {@code observed = gain · (planted ⊛ Gaussian(σ))}, with a zero boundary (light blurred past the canvas edge is lost).
 * Pure and deterministic, so observed footprints are regenerated on demand rather than stored in a recording, and a
 * scene may keep them as the blur's factors ({@link #observe}, {@link BlurredFootprint}).
 *
 * <p>Window: the planted bounding box grown by {@code pad = ceil(4σ) + 1} px on every side and clipped to the
 * canvas. The result's patch is that whole window (not re-trimmed). Because the kernel radius
 * {@code floor(4σ + 0.5)} is smaller than {@code pad}, the result equals blurring the whole canvas.
 *
 * <p>Hot path: the planted patch ({@code ph × pw}) is small inside a large window ({@code Hw × Ww}), so the
 * separable blur is done sparsely ({@link BlurredFootprint}) — the axis-0 pass produces only the {@code Hw × pw}
 * intermediate of the patch columns (every other column of the window is zero and stays zero), and the axis-1
 * pass sums only over those {@code pw} columns. Cost {@code O(Hw·pw·(ph + Ww))} instead of {@code O(Hw·Ww·R)};
 * the arithmetic equals a dense zero-mode blur of the window up to double rounding order.
 */
public final class ObservedFootprint {

    private ObservedFootprint() {}

    /**
     * @param planted the sharp planted footprint (canvas coordinates)
     * @param sigmaPx total PSF σ, px; σ ≤ 1e−15 means no blur (the window is still padded); must not be NaN
     * @param gain    flat light-loss factor (dimensionless), applied after the blur
     * @return the observed footprint on the same canvas (float32 patch = the grown window); an empty planted
     *     footprint is returned unchanged
     */
    public static Footprint degrade(Footprint planted, double sigmaPx, double gain) {
        if (Double.isNaN(sigmaPx)) {
            throw new IllegalArgumentException("degrade: sigma_px is NaN (a NaN sigma means 'keep the planted "
                    + "footprint'; the caller decides that)");
        }
        if (planted.isEmpty()) {
            return planted;
        }
        if (!Double.isFinite(gain)) {
            // a non-finite gain poisons every window pixel (0·∞ and NaN·0 are NaN), as a dense multiply would
            Footprint unit = degrade(planted, sigmaPx, 1.0);
            float[] p = unit.patch();
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (gain * (double) p[i]);
            }
            return unit;
        }
        if (sigmaPx > GaussianFilter.MIN_SIGMA) {
            return new BlurredFootprint(planted, sigmaPx, gain).dense();
        }
        int canvasH = planted.canvasH(), canvasW = planted.canvasW();
        int ph = planted.ph(), pw = planted.pw();
        // a very negative sigma would give pad <= 0; the reference has no meaning there, keep at least no padding
        int pad = Math.max((int) Math.ceil(4.0 * sigmaPx) + 1, 0);
        int oy0 = Math.max(planted.y0() - pad, 0), ox0 = Math.max(planted.x0() - pad, 0);
        int oy1 = Math.min(planted.y0() + ph + pad, canvasH), ox1 = Math.min(planted.x0() + pw + pad, canvasW);
        int hw = oy1 - oy0, ww = ox1 - ox0;
        int py = planted.y0() - oy0, px = planted.x0() - ox0; // patch position inside the window
        float[] patch = planted.patch();
        float[] out = new float[hw * ww];

        // no blur: the planted values scaled, in the padded window
        for (int a = 0; a < ph; a++) {
            for (int b = 0; b < pw; b++) {
                out[(py + a) * ww + px + b] = (float) (gain * (double) patch[a * pw + b]);
            }
        }
        return new Footprint(oy0, ox0, hw, ww, out, canvasH, canvasW);
    }

    /**
     * The observed footprint in the form a scene keeps: a {@link BlurredFootprint} (the blur's factors) where that
     * is at most half the bytes of the stored window, else the stored window ({@link #degrade}). Either reads as
     * {@link #degrade} to the bit.
     *
     * @param planted the sharp planted footprint (canvas coordinates)
     * @param sigmaPx total PSF σ, px; must not be NaN
     * @param gain    flat light-loss factor (dimensionless)
     */
    public static FootprintPatch observe(Footprint planted, double sigmaPx, double gain) {
        if (!planted.isEmpty() && sigmaPx > GaussianFilter.MIN_SIGMA && Double.isFinite(gain)) {
            BlurredFootprint b = new BlurredFootprint(planted, sigmaPx, gain);
            if (2 * b.heapBytes() <= b.denseBytes()) {
                return b;
            }
        }
        return degrade(planted, sigmaPx, gain);
    }
}
