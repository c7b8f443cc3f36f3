package org.minisim.render;

import org.minisim.scene.TraceWindow;
import org.minisim.scene.Scene;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.TreeMap;
import org.minisim.footprint.ImageStack;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.UnitTraceRows;
import org.minisim.recording.UnitTraceStats;
import org.minisim.recording.TruthViews;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;

/**
 * The render-time ("R") columns of the per-cell table (OUTPUT.md §7.2) as mergeable per-unit sums over the frames
 * a sink sees: centre-pixel intensity and observed value, the naive ROI trace (§3.7) and the oracle demixed trace
 * against {@code C}. Every statistic is a function of Σx, Σy, Σx², Σy², Σxy, which add across frame ranges, so
 * range tasks each accumulate a {@link Sums} and the driver merges them (no second pass over the movie).
 *
 * <p>Oracle: per frame, the least-squares fit of the flattened observed frame by all units' {@code A_observed}
 * (FOV) plus a constant column, through a Cholesky factor of the {@code (N+1)²} Gram matrix built once per plan.
 * It is skipped (columns null) when {@code N > }{@link #ORACLE_MAX_UNITS} or the Gram matrix is singular. Motion
 * recordings use the unshifted footprints ({@link #ORACLE_MOTION}).
 */
public final class CellRenderStats {

    /** ROI mask threshold relative to the footprint peak (OUTPUT.md §3.7). */
    public static final double ROI_REL = 0.18;
    /** Oracle demixing is skipped above this many units. */
    public static final int ORACLE_MAX_UNITS = 1500;
    /** How the oracle treats motion recordings. */
    public static final String ORACLE_MOTION = "oracle ignores motion (unshifted A_observed)";
    /** Relative pivot below which the Gram matrix counts as singular. */
    static final double SINGULAR_REL = 1e-12;
    /** A residual variance below this fraction of the trace variance is rounding: the SNR is undefined. */
    static final double RESIDUAL_REL = 1e-12;
    /**
     * A centred sum of squares below this fraction of the raw one is rounding of the sums (a constant series):
     * the correlation is undefined (null).
     */
    static final double VARIANCE_REL = 1e-10;

    private final int n, nf, q;
    private final double[] c;
    private final int[] center;
    private final int[][] roi;
    private final ImageStack.Patch[] a;
    private final int w;
    /** Lower Cholesky factor of the Gram matrix, row-major (N+1)², or null (oracle skipped). */
    private final double[] chol;
    private final boolean sensor;

    private static final Map<Scene, CellRenderStats> SHARED =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @return the statistics of a plan, built once per plan object and shared (they are immutable after
     *         construction, so concurrent range tasks of one cached plan reuse one Gram factorisation)
     */
    public static CellRenderStats of(Scene plan) {
        CellRenderStats known = SHARED.get(plan);
        if (known != null) {
            return known;
        }
        // built outside the map's lock: a plan's first range tasks must not queue behind one Gram factorisation
        // (two concurrent first builds give equal statistics; one of them is kept)
        CellRenderStats built = new CellRenderStats(plan);
        CellRenderStats raced = SHARED.putIfAbsent(plan, built);
        return raced != null ? raced : built;
    }

    /** @param plan a built recording plan (its ground truth and spec) */
    public CellRenderStats(Scene plan) {
        this(plan.streamedTruth().statics(), plan.spec());
    }

    public CellRenderStats(GroundTruth gt, Spec spec) {
        n = gt.nUnits();
        nf = gt.nFrames();
        int h = gt.fovHeight();
        w = gt.fovWidth();
        q = h * w;
        c = gt.c();
        sensor = spec.step(Sensor.class).isPresent();
        double px = spec.acquisition().pixelSizeUm();
        double[] cu = gt.centersUm();
        center = new int[n];
        for (int i = 0; i < n; i++) {
            int row = clip(Math.rint((h - 1) / 2.0 + cu[3 * i + 1] / px), h);
            int col = clip(Math.rint((w - 1) / 2.0 + cu[3 * i + 2] / px), w);
            center[i] = row * w + col;
        }
        ImageStack obs = TruthViews.aObserved(gt);
        a = new ImageStack.Patch[n];
        roi = new int[n][];
        for (int i = 0; i < n; i++) {
            a[i] = obs.unit(i);
            roi[i] = mask(a[i], w);
        }
        chol = n <= ORACLE_MAX_UNITS ? cholesky(gram()) : null;
    }

    /** @return true when the oracle columns are computed for this recording */
    public boolean oracleComputed() {
        return chol != null;
    }

    /** @return empty sums for this plan, one partial per 1 << 30 frames (in practice a single partial) */
    public Sums newSums() {
        return newSums(1 << 30);
    }

    /**
     * @param chunkFrames frames per partial: the sums keep one partial per {@code chunkFrames}-aligned frame
     *                    chunk and add them in chunk order at the end, so any partition of the frames into
     *                    chunk-aligned ranges gives bit-identical columns
     * @return empty sums for this plan
     */
    public Sums newSums(int chunkFrames) {
        return new Sums(n, sensor, chol != null, chunkFrames);
    }

    /**
     * @param sums  accumulates into these
     * @param inner receives every call too (may be null)
     * @return a sink accumulating the frames it sees into {@code sums}
     */
    public FrameSink sink(Sums sums, FrameSink inner) {
        return new FrameSink() {
            /** The units' calcium of the range being rendered (from the renderer, else the held truth). */
            private CalciumView calcium = new CalciumView(c, nf, 0);

            @Override
            public void begin(TraceWindow traces) {
                if (inner != null) {
                    inner.begin(traces);
                }
                if (traces != null) {
                    calcium = new CalciumView(traces.unitC(), traces.frames(), traces.t0());
                }
            }

            @Override
            public void observed(int t0, int t1, double[] frames) {
                if (inner != null) {
                    inner.observed(t0, t1, frames);
                }
                addObserved(sums, t0, t1, frames, calcium);
            }

            @Override
            public void beforeSensor(int t0, int t1, double[] intensity) {
                if (inner != null) {
                    inner.beforeSensor(t0, t1, intensity);
                }
                addIntensity(sums, t0, t1, intensity);
            }

            @Override
            public void snapshot(String stage, int t0, int t1, int height, int width, double[] frames) {
                if (inner != null) {
                    inner.snapshot(stage, t0, t1, height, width, frames);
                }
            }
        };
    }

    void addIntensity(Sums sums, int t0, int t1, double[] frames) {
        for (int t = t0; t < t1; t++) {
            Part s = sums.part(t);
            int base = (t - t0) * q;
            for (int i = 0; i < n; i++) {
                s.centerIntensity[i] += frames[base + center[i]];
            }
        }
    }

    /**
     * Units' calcium {@code C} (a.u.) over a run of frames: unit i, frame t at
     * {@code values[i·rowLength + t − firstFrame]}; all 0 when {@code values} is null (no cell activity).
     */
    private record CalciumView(double[] values, int rowLength, int firstFrame) {
        double at(int i, int t) {
            return values == null ? 0.0 : values[i * rowLength + t - firstFrame];
        }
    }

    void addObserved(Sums sums, int t0, int t1, double[] frames, CalciumView calcium) {
        for (int t = t0; t < t1; t++) {
            Part s = sums.part(t);
            int base = (t - t0) * q;
            s.frames++;
            for (int i = 0; i < n; i++) {
                double ci = calcium.at(i, t);
                s.sc[i] += ci;
                s.scc[i] += ci * ci;
                s.centerObserved[i] += frames[base + center[i]];
                int[] m = roi[i];
                double x = 0.0;
                if (m.length > 0) {
                    for (int k : m) {
                        x += frames[base + k];
                    }
                    x /= m.length;
                }
                s.rx[i] += x;
                s.rxx[i] += x * x;
                s.rxc[i] += x * ci;
            }
            if (chol != null) {
                oracle(s, t, frames, base, calcium);
            }
        }
    }

    private void oracle(Part s, int t, double[] frames, int base, CalciumView calcium) {
        double[] rhs = new double[n + 1];
        double total = 0.0;
        for (int k = 0; k < q; k++) {
            total += frames[base + k];
        }
        for (int i = 0; i < n; i++) {
            ImageStack.Patch p = a[i];
            double[] v = p.values();
            int pw = p.pw();
            double d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0;
            for (int r = 0; r < p.ph(); r++) {
                int fo = base + (p.y0() + r) * w + p.x0(), po = r * pw;
                int b = 0;
                // four independent partial sums: the loop is bound by add latency with one accumulator
                for (; b + 4 <= pw; b += 4) {
                    d0 += v[po + b] * frames[fo + b];
                    d1 += v[po + b + 1] * frames[fo + b + 1];
                    d2 += v[po + b + 2] * frames[fo + b + 2];
                    d3 += v[po + b + 3] * frames[fo + b + 3];
                }
                for (; b < pw; b++) {
                    d0 += v[po + b] * frames[fo + b];
                }
            }
            rhs[i] = (d0 + d1) + (d2 + d3);
        }
        rhs[n] = total;
        solve(chol, n + 1, rhs);
        for (int i = 0; i < n; i++) {
            double o = rhs[i], ci = calcium.at(i, t);
            s.so[i] += o;
            s.soo[i] += o * o;
            s.soc[i] += o * ci;
        }
    }

    /** The (N+1)² Gram matrix of [A_observed rows, constant column] over the FOV pixels. */
    private double[] gram() {
        int m = n + 1;
        double[] g = new double[m * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double d = dot(a[i], a[j]);
                g[i * m + j] = d;
                g[j * m + i] = d;
            }
            double s = a[i].sum();
            g[i * m + n] = s;
            g[n * m + i] = s;
        }
        g[n * m + n] = q;
        return g;
    }

    static double dot(ImageStack.Patch p, ImageStack.Patch o) {
        int ya = Math.max(p.y0(), o.y0()), yb = Math.min(p.y0() + p.ph(), o.y0() + o.ph());
        int xa = Math.max(p.x0(), o.x0()), xb = Math.min(p.x0() + p.pw(), o.x0() + o.pw());
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        double[] pv = p.values(), ov = o.values();
        for (int y = ya; y < yb; y++) {
            int rp = (y - p.y0()) * p.pw() - p.x0(), ro = (y - o.y0()) * o.pw() - o.x0();
            int x = xa;
            for (; x + 4 <= xb; x += 4) {
                s0 += pv[rp + x] * ov[ro + x];
                s1 += pv[rp + x + 1] * ov[ro + x + 1];
                s2 += pv[rp + x + 2] * ov[ro + x + 2];
                s3 += pv[rp + x + 3] * ov[ro + x + 3];
            }
            for (; x < xb; x++) {
                s0 += pv[rp + x] * ov[ro + x];
            }
        }
        double s = (s0 + s1) + (s2 + s3);
        return s;
    }

    /** @return the lower Cholesky factor (row-major), or null when a pivot is not clearly positive */
    static double[] cholesky(double[] g) {
        int m = (int) Math.round(Math.sqrt(g.length));
        double maxDiag = 0.0;
        for (int i = 0; i < m; i++) {
            maxDiag = Math.max(maxDiag, g[i * m + i]);
        }
        double[] l = new double[m * m];
        for (int j = 0; j < m; j++) {
            double d = g[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * m + k] * l[j * m + k];
            }
            if (!(d > SINGULAR_REL * maxDiag)) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j * m + j] = ljj;
            for (int i = j + 1; i < m; i++) {
                double v = g[i * m + j];
                for (int k = 0; k < j; k++) {
                    v -= l[i * m + k] * l[j * m + k];
                }
                l[i * m + j] = v / ljj;
            }
        }
        return l;
    }

    /** Solves L Lᵀ x = b in place. */
    static void solve(double[] l, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            double v = b[i];
            for (int k = 0; k < i; k++) {
                v -= l[i * m + k] * b[k];
            }
            b[i] = v / l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double v = b[i];
            for (int k = i + 1; k < m; k++) {
                v -= l[k * m + i] * b[k];
            }
            b[i] = v / l[i * m + i];
        }
    }

    /** §3.7 mask: {@code a > rel × max(a)} (strict), empty when the peak is ≤ 0; FOV pixel indices. */
    static int[] mask(ImageStack.Patch p, int w) {
        double peak = 0.0;
        for (double v : p.values()) {
            peak = Math.max(peak, v);
        }
        if (!(peak > 0)) {
            return new int[0];
        }
        int[] idx = new int[p.values().length];
        int k = 0;
        for (int r = 0; r < p.ph(); r++) {
            for (int b = 0; b < p.pw(); b++) {
                if (p.values()[r * p.pw() + b] > ROI_REL * peak) {
                    idx[k++] = (p.y0() + r) * w + p.x0() + b;
                }
            }
        }
        return Arrays.copyOf(idx, k);
    }

    private static int clip(double v, int len) {
        return (int) Math.min(Math.max(v, 0.0), len - 1.0);
    }

    /** The per-unit R column values; null where undefined. */
    public record Columns(Double[] centerMeanE, Double[] observedMeanCountsAtCell, Double[] roiTraceCorr,
                          Double[] oracleTraceCorr, Double[] oracleEmpiricalSnr) {}

    /** One chunk's partial sums (element-wise addable). */
    static final class Part implements Serializable {
        private static final long serialVersionUID = 1L;

        long frames;
        final double[] centerIntensity, centerObserved, sc, scc, rx, rxx, rxc, so, soo, soc;

        Part(int n) {
            centerIntensity = new double[n];
            centerObserved = new double[n];
            sc = new double[n];
            scc = new double[n];
            rx = new double[n];
            rxx = new double[n];
            rxc = new double[n];
            so = new double[n];
            soo = new double[n];
            soc = new double[n];
        }

        double[][] arrays() {
            return new double[][] {centerIntensity, centerObserved, sc, scc, rx, rxx, rxc, so, soo, soc};
        }

        void add(Part o) {
            frames += o.frames;
            double[][] mine = arrays(), theirs = o.arrays();
            for (int k = 0; k < mine.length; k++) {
                for (int i = 0; i < mine[k].length; i++) {
                    mine[k][i] += theirs[k][i];
                }
            }
        }
    }

    /**
     * Mergeable per-unit sums over a set of frames: one {@link Part} of primitive arrays per frame chunk, merged
     * element-wise and totalled in chunk order (so the result does not depend on how chunk-aligned ranges were
     * split among tasks).
     */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;

        final int n;
        final boolean sensor, oracle;
        final int chunkFrames;
        final TreeMap<Integer, Part> parts = new TreeMap<>();

        Sums(int n, boolean sensor, boolean oracle, int chunkFrames) {
            if (chunkFrames < 1) {
                throw new IllegalArgumentException("chunkFrames " + chunkFrames);
            }
            this.n = n;
            this.sensor = sensor;
            this.oracle = oracle;
            this.chunkFrames = chunkFrames;
        }

        Part part(int t) {
            return parts.computeIfAbsent(t / chunkFrames, k -> new Part(n));
        }

        /** @return the sums over all frames, chunks added in chunk order */
        Part total() {
            Part tot = new Part(n);
            for (Part p : parts.values()) {
                tot.add(p);
            }
            return tot;
        }

        /** @return frames accumulated */
        public long frames() {
            return total().frames;
        }

        /** @return the number of units */
        public int units() {
            return n;
        }

        /** Adds {@code other} into these sums (element-wise, chunk by chunk); @return this */
        public Sums merge(Sums other) {
            if (other.n != n || other.sensor != sensor || other.oracle != oracle
                    || other.chunkFrames != chunkFrames) {
                throw new IllegalArgumentException("sums of different recordings");
            }
            for (var e : other.parts.entrySet()) {
                Part mine = parts.get(e.getKey());
                if (mine == null) {
                    Part copy = new Part(n);
                    copy.add(e.getValue());
                    parts.put(e.getKey(), copy);
                } else {
                    mine.add(e.getValue());
                }
            }
            return this;
        }

        double[][] arrays() {
            return total().arrays();
        }

        /**
         * @param gt   the recording's ground truth (for {@code peak_dF})
         * @param spec its spec (for photons per unit and QE)
         */
        public Columns finish(GroundTruth gt, Spec spec) {
            return finish(UnitTraceStats.of(UnitTraceRows.of(gt)), spec);
        }

        /**
         * @param stats the recording's per-unit trace summaries (for {@code peak_dF})
         * @param spec  its spec (for photons per unit and QE)
         */
        public Columns finish(UnitTraceStats stats, Spec spec) {
            int n = units();
            double[] peak = new double[n];
            for (int i = 0; i < n; i++) {
                peak[i] = stats.peakDf(i);
            }
            Double epu = spec.step(Sensor.class)
                    .map(s -> s.photonsPerUnit() * spec.acquisition().imageSensor().quantumEfficiency())
                    .orElse(null);
            return finish(peak, epu);
        }

        /**
         * @param peakDf           per-unit {@code max C − min C} (NaN when unknown)
         * @param electronsPerUnit photons per unit × QE, or null without a sensor
         */
        public Columns finish(double[] peakDf, Double electronsPerUnit) {
            Part s = total();
            long frames = s.frames;
            double[] centerIntensity = s.centerIntensity, centerObserved = s.centerObserved, sc = s.sc,
                    scc = s.scc, rx = s.rx, rxx = s.rxx, rxc = s.rxc, so = s.so, soo = s.soo, soc = s.soc;
            Double[] ce = new Double[n], oc = new Double[n], roi = new Double[n], orc = new Double[n],
                    osnr = new Double[n];
            if (frames > 0) {
                double f = frames;
                for (int i = 0; i < n; i++) {
                    if (sensor && electronsPerUnit != null) {
                        ce[i] = num(centerIntensity[i] / f * electronsPerUnit);
                    }
                    oc[i] = num(centerObserved[i] / f);
                    roi[i] = pearson(f, rx[i], rxx[i], sc[i], scc[i], rxc[i]);
                    if (oracle) {
                        orc[i] = pearson(f, so[i], soo[i], sc[i], scc[i], soc[i]);
                        osnr[i] = olsSnr(f, so[i], soo[i], sc[i], scc[i], soc[i], peakDf[i]);
                    }
                }
            }
            return new Columns(ce, oc, roi, orc, osnr);
        }
    }

    static Double pearson(double n, double sx, double sxx, double sy, double syy, double sxy) {
        double vx = sxx - sx * sx / n, vy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        if (!(vx > VARIANCE_REL * sxx) || !(vy > VARIANCE_REL * syy)) {
            return null;
        }
        double r = cxy / Math.sqrt(vx * vy);
        return Double.isNaN(r) ? null : Math.max(-1.0, Math.min(1.0, r));
    }

    /** {@code o ≈ k·C + m} by OLS; {@code k × peak / std(residual)} (population std); null when undefined. */
    static Double olsSnr(double n, double so, double soo, double sc, double scc, double soc, double peak) {
        double vc = (scc - sc * sc / n) / n, vo = (soo - so * so / n) / n, cov = (soc - so * sc / n) / n;
        if (!(vc > VARIANCE_REL * scc / n) || Double.isNaN(peak)) {
            return null;
        }
        double k = cov / vc;
        double res = vo - k * cov;
        if (!(res > RESIDUAL_REL * vo)) {
            return null;
        }
        return num(k * peak / Math.sqrt(res));
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
