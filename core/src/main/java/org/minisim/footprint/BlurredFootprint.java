package org.minisim.footprint;

import java.util.Arrays;

/**
 * An observed footprint kept as the factors of its separable blur (docs/physics.md#observed-footprints-in-memory):
 * {@code observed = gain · (planted ⊛ Gaussian(σ))} in the planted box grown by {@code pad = ceil(4σ) + 1} px and
 * clipped to the canvas. The first (down each column) pass is stored: the {@code ph × n} intermediate of the
 * planted patch's {@code n} columns, float64. Reading a window does the second pass (along each row) over those
 * {@code n} columns only and rounds to float32, the same operations in the same order as {@link #dense()}, so
 * every read gives the values of the stored form to the bit.
 *
 * <p>Memory: {@code 8·ph·n} bytes instead of {@code 4·ph·pw} — for a cell of 9 px planted width blurred to
 * σ = 20 px, 1/9 of the stored window. Reading one row costs {@code n · (2R + 1)} multiply-adds
 * ({@code R = floor(4σ + 0.5)}): per planted column, the kernel's slice is copied to a scratch row aligned with the
 * accumulator so that the multiply-add loop has one index (which the JIT vectorises).
 */
public final class BlurredFootprint implements FootprintPatch {

    private final int y0, x0, ph, pw, canvasH, canvasW;
    /** Window column of the planted patch's first column. */
    private final int px;
    /** Planted patch columns. */
    private final int n;
    /** First pass: {@code colPass[a·n + b]} = planted column b blurred down to window row a (float64). */
    private final double[] colPass;
    /** Whether window row a has any non-zero first-pass value (an all-zero row reads as zeros). */
    private final boolean[] live;
    private final double[] kernel;
    private final int r;
    /** Window columns a live row can reach: {@code [xLo, xHi]} (outside, 0). */
    private final int xLo, xHi;
    private final double gain;

    /** Per-thread row accumulator and aligned kernel slice of {@link #copyWindow}. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][256]);

    /**
     * @param planted the sharp planted footprint (canvas coordinates), not empty
     * @param sigmaPx total PSF σ, px, &gt; {@link GaussianFilter#MIN_SIGMA}
     * @param gain    flat light-loss factor (dimensionless, finite), applied after the blur
     */
    BlurredFootprint(Footprint planted, double sigmaPx, double gain) {
        if (planted.isEmpty() || !(sigmaPx > GaussianFilter.MIN_SIGMA) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("a blurred footprint needs a planted patch, sigma > 1e-15 px and a "
                    + "finite gain (sigma " + sigmaPx + ", gain " + gain + ")");
        }
        canvasH = planted.canvasH();
        canvasW = planted.canvasW();
        int pad = (int) Math.ceil(4.0 * sigmaPx) + 1;
        int oy0 = Math.max(planted.y0() - pad, 0), ox0 = Math.max(planted.x0() - pad, 0);
        int oy1 = Math.min(planted.y0() + planted.ph() + pad, canvasH);
        int ox1 = Math.min(planted.x0() + planted.pw() + pad, canvasW);
        y0 = oy0;
        x0 = ox0;
        ph = oy1 - oy0;
        pw = ox1 - ox0;
        n = planted.pw();
        int rows = planted.ph();
        int py = planted.y0() - oy0;
        px = planted.x0() - ox0;
        this.gain = gain;
        kernel = GaussianFilter.kernel(sigmaPx);
        r = (kernel.length - 1) / 2;
        xLo = Math.max(0, px - r);
        xHi = Math.min(pw - 1, px + n - 1 + r);

        // axis 0 (down each column), only the patch's columns. Window row y receives patch row a iff |y − (py + a)| ≤ r.
        float[] patch = planted.patch();
        colPass = new double[ph * n];
        live = new boolean[ph];
        for (int y = 0; y < ph; y++) {
            int aLo = Math.max(0, y - py - r), aHi = Math.min(rows - 1, y - py + r);
            int trow = y * n;
            for (int a = aLo; a <= aHi; a++) {
                double w = kernel[(y - py - a) + r];
                int prow = a * n;
                for (int b = 0; b < n; b++) {
                    colPass[trow + b] += w * patch[prow + b];
                }
            }
            for (int b = 0; b < n && !live[y]; b++) {
                live[y] = colPass[trow + b] != 0.0;
            }
        }
    }

    @Override
    public int y0() {
        return y0;
    }

    @Override
    public int x0() {
        return x0;
    }

    @Override
    public int ph() {
        return ph;
    }

    @Override
    public int pw() {
        return pw;
    }

    @Override
    public int canvasH() {
        return canvasH;
    }

    @Override
    public int canvasW() {
        return canvasW;
    }

    /**
     * The second pass over the requested columns: per window column x, the sum over the planted columns b (in
     * order) with {@code |x − (px + b)| ≤ R} of {@code colPass[a][b] · k[x − px − b + R]}, then × gain, cast to
     * float32.
     */
    @Override
    public void copyWindow(int a0, int a1, int b0, int b1, float[] dst, int off) {
        int width = b1 - b0;
        int lo = Math.max(b0, xLo), hi = Math.min(b1 - 1, xHi);
        double[][] scratch = SCRATCH.get();
        if (scratch[0].length < width) {
            scratch = new double[][] {new double[Math.max(width, 2 * scratch[0].length)],
                new double[Math.max(width, 2 * scratch[0].length)]};
            SCRATCH.set(scratch);
        }
        double[] acc = scratch[0], ks = scratch[1];
        double[] k = kernel;
        for (int a = a0; a < a1; a++) {
            int o = off + (a - a0) * width;
            if (!live[a] || lo > hi) {
                Arrays.fill(dst, o, o + width, 0f);
                continue;
            }
            Arrays.fill(dst, o, o + lo - b0, 0f);
            Arrays.fill(dst, o + hi + 1 - b0, o + width, 0f);
            Arrays.fill(acc, 0, hi - lo + 1, 0.0);
            int trow = a * n;
            for (int b = 0; b < n; b++) {
                double v = colPass[trow + b];
                if (v == 0.0) {
                    continue;
                }
                int c = px + b; // window column of this planted column
                int xa = Math.max(lo, c - r), xb = Math.min(hi, c + r);
                if (xa > xb) {
                    continue;
                }
                // slot s (window column lo + s) takes kernel index lo + s − c + R: copy that slice to ks[s]
                int sa = xa - lo, sb = xb - lo;
                System.arraycopy(k, xa - c + r, ks, sa, sb - sa + 1);
                for (int s = sa; s <= sb; s++) {
                    acc[s] += v * ks[s];
                }
            }
            int d = o + lo - b0;
            for (int s = 0; s <= hi - lo; s++) {
                dst[d + s] = (float) (gain * acc[s]);
            }
        }
    }

    @Override
    public Footprint dense() {
        float[] out = new float[ph * pw];
        copyWindow(0, ph, 0, pw, out, 0);
        return new Footprint(y0, x0, ph, pw, out, canvasH, canvasW);
    }

    @Override
    public long heapBytes() {
        return 8L * colPass.length + 8L * kernel.length + live.length + 160;
    }
}
