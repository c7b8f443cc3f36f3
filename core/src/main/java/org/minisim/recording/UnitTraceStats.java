package org.minisim.recording;

/**
 * Per-unit summaries of the {@code (N, F)} trace arrays, enough for detectability and the cell table without
 * holding the traces: each array has one entry per unit.
 *
 * @param cMin         minimum of the unit's calcium trace {@code C}, a.u. (+∞ when F = 0)
 * @param cMax         maximum of {@code C}, a.u. (−∞ when F = 0)
 * @param spikeSum     total spikes {@code Σ_t S}, summed in frame order
 * @param activeFrames frames with at least one spike
 * @param bleachFinal  the intact fraction at the last frame (dimensionless), or null without bleaching
 */
public record UnitTraceStats(double[] cMin, double[] cMax, double[] spikeSum, int[] activeFrames,
                             double[] bleachFinal) {

    /** @return N */
    public int nUnits() {
        return cMin.length;
    }

    /** @return {@code max C − min C} of unit u, a.u. (NaN when F = 0) */
    public double peakDf(int u) {
        return cMax[u] >= cMin[u] ? cMax[u] - cMin[u] : Double.NaN;
    }

    /** @return the summaries of every unit served by {@code rows}, computed one block of units at a time */
    public static UnitTraceStats of(UnitTraceRows rows) {
        int n = rows.nUnits(), f = rows.nFrames();
        Builder b = new Builder(n, rows.hasBleaching());
        int block = Math.max(1, Math.min(n, (1 << 20) / Math.max(1, f)));
        double[] c = new double[block * f], s = new double[block * f];
        double[] bl = rows.hasBleaching() ? new double[block * f] : null;
        for (int u0 = 0; u0 < n; u0 += block) {
            int u1 = Math.min(n, u0 + block);
            rows.fill(u0, u1, c, s, bl);
            for (int u = u0; u < u1; u++) {
                b.add(u, c, s, bl, (u - u0) * f, f);
            }
        }
        return b.build();
    }

    /** Accumulates the summaries unit by unit. */
    public static final class Builder {
        private final double[] cMin, cMax, spikeSum, bleachFinal;
        private final int[] active;

        /**
         * @param n           units
         * @param hasBleaching whether bleaching rows will be given
         */
        public Builder(int n, boolean hasBleaching) {
            cMin = new double[n];
            cMax = new double[n];
            spikeSum = new double[n];
            active = new int[n];
            bleachFinal = hasBleaching ? new double[n] : null;
        }

        /**
         * Records unit u from its rows starting at {@code off}, {@code f} frames each.
         *
         * @param bleaching the unit's bleaching row, or null without bleaching
         */
        public void add(int u, double[] c, double[] s, double[] bleaching, int off, int f) {
            double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY, sum = 0.0;
            int act = 0;
            for (int t = off; t < off + f; t++) {
                mn = Math.min(mn, c[t]);
                mx = Math.max(mx, c[t]);
                sum += s[t];
                act += s[t] > 0 ? 1 : 0;
            }
            cMin[u] = mn;
            cMax[u] = mx;
            spikeSum[u] = sum;
            active[u] = act;
            if (bleachFinal != null) {
                bleachFinal[u] = f > 0 ? bleaching[off + f - 1] : Double.NaN;
            }
        }

        public UnitTraceStats build() {
            return new UnitTraceStats(cMin, cMax, spikeSum, active, bleachFinal);
        }
    }
}
