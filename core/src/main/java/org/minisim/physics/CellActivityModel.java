package org.minisim.physics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.CellActivity;

/**
 * {@code cell_activity} (PHYSICS.md §5.2): per-cell calcium fluorescence traces {@code C} and spike counts
 * {@code S} from a two-state (quiescent/active) gate, Bernoulli spikes on a fine grid, the double-exponential
 * indicator kernel, burn-in, camera bin-averaging and a log-normal per-cell gain.
 *
 * <p>Streams: the gain vector from {@code stream(ACTIVITY_GAIN)}; cell i's gate (initial state, then one
 * uniform per frame), its fine spikes, then its trace noise from {@code stream(ACTIVITY, i)}.
 *
 * <p>Speed: the fine Bernoulli train is drawn by geometric skipping (the gap to the next spike of a run of bins
 * with one probability p is {@code floor(ln(1−U)/ln(1−p))}, the exact law of a Bernoulli(p) sequence), so the
 * cost is per spike, not per bin. Calcium is built by spike scatter straight into frame bins: a spike at fine
 * offset j inside frame f adds a precomputed, bin-averaged kernel row to frames {@code f, f+1, …}; no direct
 * convolution and no fine-resolution calcium array.
 */
public final class CellActivityModel {

    /**
     * Activity of all cells.
     *
     * @param nCells  number of cells N
     * @param nFrames number of frames F
     * @param c       calcium fluorescence {@code C}, (N, F) row-major, a.u. (gain and baseline included)
     * @param s       spikes per frame {@code S}, (N, F) row-major, integer-valued counts
     * @param gains   per-cell expression gain g (dimensionless, mean 1), length N
     */
    public record ActivityTraces(int nCells, int nFrames, double[] c, double[] s, double[] gains) {
        /** @return a copy of cell i's trace, a.u. */
        public double[] trace(int i) {
            double[] t = new double[nFrames];
            System.arraycopy(c, i * nFrames, t, 0, nFrames);
            return t;
        }

        /** @return a copy of cell i's spike counts */
        public double[] spikes(int i) {
            double[] t = new double[nFrames];
            System.arraycopy(s, i * nFrames, t, 0, nFrames);
            return t;
        }
    }

    private CellActivityModel() {}

    /** @return fine bins per frame {@code b = max(round(spike_sim_hz/fps), 1)} */
    public static int binsPerFrame(CellActivity step, double fps) {
        return (int) Math.max(Math.rint(step.spikeSimHz() / fps), 1.0);
    }

    /** @return burn-in frames {@code pad = ceil(6·τ_decay·fps)} simulated before frame 0 and discarded */
    public static int burnInFrames(CellActivity step, double fps) {
        return (int) Math.ceil(6.0 * step.tauDecayS() * fps);
    }

    /**
     * The indicator kernel sampled at the fine rate (peak 1, {@code k[0] = 0}).
     *
     * @param step       the cell_activity step (τ_rise &lt; τ_decay)
     * @param fineRateHz fine simulation rate {@code R = b·fps}, Hz
     * @return the kernel, dimensionless
     */
    public static double[] kernel(CellActivity step, double fineRateHz) {
        return CalciumKernel.sample(step.tauRiseS(), step.tauDecayS(), fineRateHz);
    }

    /**
     * The per-cell gains: all 1 for cv ≤ 0 (or no cells), else {@code exp(N(−σ²/2, σ))} with
     * {@code σ = sqrt(ln(1 + cv²))} (log-normal, mean exactly 1).
     */
    public static double[] gains(CellActivity step, int nCells, RandomStreams rs) {
        double[] g = new double[nCells];
        double cv = step.brightnessCv();
        if (nCells == 0 || !(cv > 0)) {
            java.util.Arrays.fill(g, 1.0);
            return g;
        }
        double sigma = Math.sqrt(StrictMath.log(1.0 + cv * cv));
        double mu = -0.5 * sigma * sigma;
        ContinuousSampler normal = RandomStreams.normal(rs.stream(Purpose.ACTIVITY_GAIN));
        for (int i = 0; i < nCells; i++) {
            g[i] = StrictMath.exp(mu + sigma * normal.sample());
        }
        return g;
    }

    /**
     * Simulates every cell.
     *
     * @param step    the cell_activity step
     * @param nCells  number of cells N (≥ 0)
     * @param nFrames number of frames F (≥ 0)
     * @param fps     frame rate, Hz
     * @param rs      the recording's random streams
     * @return traces, spikes and gains
     */
    public static ActivityTraces simulate(CellActivity step, int nCells, int nFrames, double fps, RandomStreams rs) {
        int b = binsPerFrame(step, fps);
        double fineHz = b * fps;
        double[] k = kernel(step, fineHz);
        int pad = burnInFrames(step, fps);
        int total = nFrames + pad;
        double[][] rows = binnedKernelRows(k, b);
        double[] gains = gains(step, nCells, rs);
        double[] c = new double[nCells * nFrames];
        double[] s = new double[nCells * nFrames];

        double pqa = step.pQuiescentToActive(), paq = step.pActiveToQuiescent();
        double pi = pqa / (pqa + paq);
        double pActive = Math.min(step.activeRateHz() / fineHz, 1.0);
        double pQuiet = Math.min(step.quiescentRateHz() / fineHz, 1.0);
        boolean[] active = new boolean[total];
        double[] cal = new double[total]; // bin-averaged calcium per frame (before gain/baseline)
        int[] cnt = new int[total];
        for (int i = 0; i < nCells; i++) {
            UniformRandomProvider rng = rs.stream(Purpose.ACTIVITY, i);
            // gate: initial state, then one uniform per frame; frame f's state is the state after its update
            boolean state = rng.nextDouble() < pi;
            for (int f = 0; f < total; f++) {
                double u = rng.nextDouble();
                state = state ? u >= paq : u < pqa;
                active[f] = state;
            }
            java.util.Arrays.fill(cal, 0.0);
            java.util.Arrays.fill(cnt, 0);
            // spikes over runs of frames sharing one state
            int f = 0;
            while (f < total) {
                boolean st = active[f];
                int end = f + 1;
                while (end < total && active[end] == st) {
                    end++;
                }
                scatterRun(f, end, b, st ? pActive : pQuiet, rng, rows, cal, cnt, total);
                f = end;
            }
            double g = gains[i];
            int row = i * nFrames;
            for (int t = 0; t < nFrames; t++) {
                c[row + t] = g * (step.f0() + cal[t + pad]);
                s[row + t] = cnt[t + pad];
            }
            if (step.traceNoise() > 0) {
                ContinuousSampler normal = RandomStreams.normal(rng);
                for (int t = 0; t < nFrames; t++) {
                    c[row + t] += step.traceNoise() * normal.sample();
                }
            }
        }
        return new ActivityTraces(nCells, nFrames, c, s, gains);
    }

    /**
     * Draws the Bernoulli(p) spikes of the fine bins of frames {@code [f0, f1)} and scatters each spike's calcium
     * into the frame bins.
     */
    private static void scatterRun(int f0, int f1, int b, double p, UniformRandomProvider rng, double[][] rows,
                                   double[] cal, int[] cnt, int total) {
        if (!(p > 0)) {
            return;
        }
        long start = (long) f0 * b, end = (long) f1 * b;
        if (p >= 1.0) {
            for (long n = start; n < end; n++) {
                addSpike(n, b, rows, cal, cnt, total);
            }
            return;
        }
        double logQ = StrictMath.log1p(-p);
        long n = start;
        while (true) {
            double gap = Math.floor(StrictMath.log1p(-rng.nextDouble()) / logQ);
            if (gap >= end - n) {
                return;
            }
            n += (long) gap;
            addSpike(n, b, rows, cal, cnt, total);
            n++;
        }
    }

    private static void addSpike(long n, int b, double[][] rows, double[] cal, int[] cnt, int total) {
        int f = (int) (n / b);
        int j = (int) (n - (long) f * b);
        cnt[f]++;
        double[] r = rows[j];
        int lim = Math.min(r.length, total - f);
        for (int d = 0; d < lim; d++) {
            cal[f + d] += r[d];
        }
    }

    /**
     * {@code rows[j][d]} = the frame-(f+d) bin average of the kernel response to one spike in fine bin j of frame
     * f: {@code (1/b)·Σ_{j'<b} k[d·b + j' − j]} (terms outside {@code [0, L)} are 0).
     */
    static double[][] binnedKernelRows(double[] k, int b) {
        int len = k.length;
        double[][] rows = new double[b][];
        for (int j = 0; j < b; j++) {
            int nd = (len - 1 + j) / b + 1; // last frame offset reached: floor((L−1+j)/b)
            double[] r = new double[nd];
            for (int d = 0; d < nd; d++) {
                double acc = 0.0;
                for (int jp = 0; jp < b; jp++) {
                    int m = d * b + jp - j;
                    if (m >= 0 && m < len) {
                        acc += k[m];
                    }
                }
                r[d] = acc / b;
            }
            rows[j] = r;
        }
        return rows;
    }
}
