package org.minisim.physics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.CellActivity;

/**
 * {@code cell_activity} (docs/physics.md#cell-activity): per-cell calcium fluorescence traces {@code C} and spike
 * counts {@code S} from a two-state (quiescent/active) gate, Bernoulli spikes on a fine grid, the double-exponential
 * indicator kernel, burn-in, camera bin-averaging and a log-normal per-cell gain.
 *
 * <p>Streams: the gain vector from {@code stream(ACTIVITY_GAIN)}; cell i's gate, fine spikes and trace noise
 * from three streams of its own (see {@link CellSimulator}), so any prefix of frames can be regenerated alone.
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
     * Simulates every cell (all F frames of each; see {@link CellSimulator} for one cell or a prefix of frames).
     *
     * @param step    the cell_activity step
     * @param nCells  number of cells N (≥ 0)
     * @param nFrames number of frames F (≥ 0)
     * @param fps     frame rate, Hz
     * @param rs      the recording's random streams
     * @return traces, spikes and gains
     */
    public static ActivityTraces simulate(CellActivity step, int nCells, int nFrames, double fps, RandomStreams rs) {
        CellSimulator sim = new CellSimulator(step, fps, gains(step, nCells, rs), rs);
        double[] c = new double[Math.multiplyExact(nCells, nFrames)];
        double[] s = new double[c.length];
        double[] cRow = new double[nFrames], sRow = new double[nFrames];
        CellSimulator.Workspace ws = new CellSimulator.Workspace();
        for (int i = 0; i < nCells; i++) {
            sim.cell(i, nFrames, cRow, sRow, ws);
            System.arraycopy(cRow, 0, c, i * nFrames, nFrames);
            System.arraycopy(sRow, 0, s, i * nFrames, nFrames);
        }
        return new ActivityTraces(nCells, nFrames, c, s, sim.gains());
    }

    /**
     * One recording's activity model, able to regenerate any cell's trace on demand: cell i's first {@code t}
     * frames are the same whatever {@code t} is asked for (every draw group of a cell has its own stream and is
     * consumed in frame order), so a frame-range task regenerates the frames it needs instead of holding
     * {@code N × F} traces. Immutable and thread-safe (work arrays live in a caller-held {@link Workspace}).
     *
     * <p>Streams of cell i: its gate (initial state, then one uniform per frame, burn-in first) from
     * {@code stream(ACTIVITY, i, 0)}, its fine spikes (one uniform per geometric gap) from
     * {@code stream(ACTIVITY, i, 1)}, its trace noise (one normal per recorded frame) from
     * {@code stream(ACTIVITY, i, 2)}.
     */
    public static final class CellSimulator {
        private final CellActivity step;
        private final RandomStreams rs;
        private final double[] gains;
        private final int binsPerFrame;
        private final int pad;
        private final double[][] rows;
        private final double pi;
        private final double pActive;
        private final double pQuiet;

        /** Per-thread work arrays, grown on demand (burn-in + frames of the longest prefix asked for). */
        public static final class Workspace {
            boolean[] active = new boolean[0];
            double[] cal = new double[0];
            int[] cnt = new int[0];

            void ensure(int total) {
                if (active.length < total) {
                    active = new boolean[total];
                    cal = new double[total];
                    cnt = new int[total];
                }
            }
        }

        /**
         * @param step  the cell_activity step
         * @param fps   frame rate, Hz
         * @param gains per-cell expression gains (from {@link CellActivityModel#gains}), dimensionless
         * @param rs    the recording's random streams
         */
        public CellSimulator(CellActivity step, double fps, double[] gains, RandomStreams rs) {
            this.step = step;
            this.rs = rs;
            this.gains = gains.clone();
            this.binsPerFrame = CellActivityModel.binsPerFrame(step, fps);
            double fineHz = binsPerFrame * fps;
            this.pad = burnInFrames(step, fps);
            this.rows = binnedKernelRows(kernel(step, fineHz), binsPerFrame);
            double pqa = step.pQuiescentToActive(), paq = step.pActiveToQuiescent();
            this.pi = pqa / (pqa + paq);
            this.pActive = Math.min(step.activeRateHz() / fineHz, 1.0);
            this.pQuiet = Math.min(step.quiescentRateHz() / fineHz, 1.0);
        }

        /** @return a copy of the per-cell gains, dimensionless */
        public double[] gains() {
            return gains.clone();
        }

        /** @return the number of cells N */
        public int nCells() {
            return gains.length;
        }

        /**
         * Cell i's calcium {@code C} (a.u., gain and baseline included, trace noise added) and spike counts
         * {@code S} over frames {@code [0, frames)}.
         *
         * @param i      cell index in [0, N)
         * @param frames prefix length t (≥ 0): equal to the first t frames of any longer prefix
         * @param c      destination, length ≥ t, a.u.
         * @param s      destination, length ≥ t, spikes per frame
         * @param ws     the calling thread's workspace
         */
        public void cell(int i, int frames, double[] c, double[] s, Workspace ws) {
            int total = frames + pad;
            ws.ensure(total);
            boolean[] active = ws.active;
            double[] cal = ws.cal;
            int[] cnt = ws.cnt;
            double paq = step.pActiveToQuiescent(), pqa = step.pQuiescentToActive();
            UniformRandomProvider gate = rs.stream(Purpose.ACTIVITY, i, 0);
            // gate: initial state, then one uniform per frame; frame f's state is the state after its update
            boolean state = gate.nextDouble() < pi;
            for (int f = 0; f < total; f++) {
                double u = gate.nextDouble();
                state = state ? u >= paq : u < pqa;
                active[f] = state;
            }
            java.util.Arrays.fill(cal, 0, total, 0.0);
            java.util.Arrays.fill(cnt, 0, total, 0);
            UniformRandomProvider spikes = rs.stream(Purpose.ACTIVITY, i, 1);
            // spikes over runs of frames sharing one state
            int f = 0;
            while (f < total) {
                boolean st = active[f];
                int end = f + 1;
                while (end < total && active[end] == st) {
                    end++;
                }
                scatterRun(f, end, binsPerFrame, st ? pActive : pQuiet, spikes, rows, cal, cnt, total);
                f = end;
            }
            double g = gains[i];
            for (int t = 0; t < frames; t++) {
                c[t] = g * (step.f0() + cal[t + pad]);
                s[t] = cnt[t + pad];
            }
            if (step.traceNoise() > 0) {
                ContinuousSampler normal = RandomStreams.normal(rs.stream(Purpose.ACTIVITY, i, 2));
                for (int t = 0; t < frames; t++) {
                    c[t] += step.traceNoise() * normal.sample();
                }
            }
        }
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
