package org.minisim.footprint;

/**
 * The observed footprint of a cell (PHYSICS.md §3.3, OUTPUT.md §2.3): its planted footprint blurred by the
 * total optical PSF and scaled by the flat light loss, {@code observed = gain · (planted ⊛ Gaussian(σ))}, with a
 * zero boundary (light blurred past the canvas edge is lost). Pure and deterministic, so observed footprints are
 * regenerated on demand rather than stored.
 *
 * <p>Window: the planted bounding box grown by {@code pad = ceil(4σ) + 1} px on every side and clipped to the
 * canvas. The result's patch is that whole window (not re-trimmed). Because the kernel radius
 * {@code floor(4σ + 0.5)} is smaller than {@code pad}, the result equals blurring the whole canvas.
 *
 * <p>Hot path: the planted patch ({@code ph × pw}) is small inside a large window ({@code Hw × Ww}), so the
 * separable blur is done sparsely — the axis-0 pass produces only the {@code Hw × pw} intermediate of the patch
 * columns (every other column of the window is zero and stays zero), and the axis-1 pass sums only over those
 * {@code pw} columns. Cost {@code O(Hw·pw·(ph + Ww))} instead of {@code O(Hw·Ww·R)}; the arithmetic equals a
 * dense zero-mode blur of the window up to double rounding order.
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

        if (!(sigmaPx > GaussianFilter.MIN_SIGMA)) {
            for (int a = 0; a < ph; a++) {
                for (int b = 0; b < pw; b++) {
                    out[(py + a) * ww + px + b] = (float) (gain * (double) patch[a * pw + b]);
                }
            }
            return new Footprint(oy0, ox0, hw, ww, out, canvasH, canvasW);
        }

        double[] k = GaussianFilter.kernel(sigmaPx);
        int r = (k.length - 1) / 2;

        // axis 0 (down each column), only the patch's columns: tmp[y][b], y over window rows.
        // Row y receives patch row a iff |y - (py + a)| <= r.
        double[] tmp = new double[hw * pw];
        for (int y = 0; y < hw; y++) {
            int aLo = Math.max(0, y - py - r), aHi = Math.min(ph - 1, y - py + r);
            if (aLo > aHi) {
                continue;
            }
            int trow = y * pw;
            for (int a = aLo; a <= aHi; a++) {
                double w = k[(y - py - a) + r];
                int prow = a * pw;
                for (int b = 0; b < pw; b++) {
                    tmp[trow + b] += w * patch[prow + b];
                }
            }
        }

        // axis 1 (along each row), summing only over the patch columns: patch column b (window column px + b)
        // reaches window columns [px + b − r, px + b + r]. Done as one contiguous axpy per patch column (the JIT
        // vectorises it) into a double row buffer, then × gain and cast.
        double[] acc = new double[ww];
        for (int y = 0; y < hw; y++) {
            int trow = y * pw;
            boolean any = false;
            for (int b = 0; b < pw; b++) {
                if (tmp[trow + b] != 0.0) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                continue;
            }
            int xLo = Math.max(0, px - r), xHi = Math.min(ww - 1, px + pw - 1 + r);
            java.util.Arrays.fill(acc, xLo, xHi + 1, 0.0);
            for (int b = 0; b < pw; b++) {
                double v = tmp[trow + b];
                if (v == 0.0) {
                    continue;
                }
                int c = px + b; // window column of this patch column
                int x0 = Math.max(0, c - r), x1 = Math.min(ww - 1, c + r);
                int kOff = r - c; // k index for window column x is x + kOff
                for (int x = x0; x <= x1; x++) {
                    acc[x] += v * k[x + kOff];
                }
            }
            int orow = y * ww;
            for (int x = xLo; x <= xHi; x++) {
                out[orow + x] = (float) (gain * acc[x]);
            }
        }
        return new Footprint(oy0, ox0, hw, ww, out, canvasH, canvasW);
    }
}
