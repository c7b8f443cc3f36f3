package org.minisim.table;

import java.io.Serializable;
import java.util.TreeMap;
import org.minisim.render.FrameSink;
import org.minisim.scene.TraceWindow;

/**
 * The render-time columns of the cell table (docs/table.md#render-columns) as mergeable per-unit sums over the
 * frames a sink sees: the centre pixel's intensity before the sensor and its observed value, the naive ROI trace
 * (mean of the observed frame over the pixels where the unit's footprint exceeds {@link #ROI_REL} of its peak),
 * the oracle trace ({@link LocalDemixer}) and the units' calcium {@code C}. Every column is a function of
 * Σx, Σy, Σx², Σy², Σxy, which add across frame ranges, so each range task accumulates {@link Sums} and the
 * driver merges them: no second pass over the movie. Per frame the cost is one summed-area table of the frame
 * (two adds per pixel) plus, per unit, one lookup per ROI row and four per oracle window block.
 */
public final class RenderStatistics {

    /** ROI mask threshold relative to the footprint peak. */
    public static final double ROI_REL = 0.18;
    /** A residual variance below this fraction of the trace variance is rounding: the SNR is undefined. */
    static final double RESIDUAL_REL = 1e-12;
    /**
     * A centred sum of squares below this fraction of the raw one is rounding of the sums (a constant series):
     * the correlation is undefined (null).
     */
    static final double VARIANCE_REL = 1e-10;

    private final int n, h, w;
    private final int[] center;
    /** Per unit, its ROI mask as row runs {@code (y, xStart, xEnd)}, flattened. */
    private final int[][] roiRuns;
    private final int[] roiSize;
    private final LocalDemixer oracle;
    private final double[] shifts;
    private final boolean sensor;

    /**
     * @param roiRuns    per unit its ROI mask as row runs ({@link #runs})
     * @param centerPx   per unit the FOV pixel index {@code row·w + col} of its centre
     * @param oracle     the recording's oracle demixer
     * @param shifts     (F, 2) content shifts (dy, dx), px, or null without motion
     * @param sensor     whether a sensor step runs (the centre's electrons need it)
     */
    public RenderStatistics(int[][] roiRuns, int[] centerPx, LocalDemixer oracle, double[] shifts,
                            boolean sensor, int h, int w) {
        this.n = roiRuns.length;
        this.h = h;
        this.w = w;
        this.center = centerPx.clone();
        this.oracle = oracle;
        this.shifts = shifts;
        this.sensor = sensor;
        this.roiRuns = roiRuns.clone();
        roiSize = new int[n];
        for (int i = 0; i < n; i++) {
            int s = 0;
            for (int k = 0; k < roiRuns[i].length; k += 3) {
                s += roiRuns[i][k + 2] - roiRuns[i][k + 1];
            }
            roiSize[i] = s;
        }
    }

    /**
     * @param f a footprint (stored values, {@link FovFootprint#stored()})
     * @return its ROI mask ({@code a > ROI_REL · max a}, strict) as row runs (y, x0, x1)
     */
    static int[] runs(FovFootprint f) {
        float peak = 0f;
        float[] p = f.patch();
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            for (int x = f.x0(); x < f.x1(); x++) {
                peak = Math.max(peak, p[off + x]);
            }
        }
        if (!(peak > 0f)) {
            return new int[0];
        }
        double cut = ROI_REL * peak;
        int[] out = new int[48];
        int k = 0;
        for (int y = f.y0(); y < f.y1(); y++) {
            int off = f.rowOffset(y);
            int start = -1;
            for (int x = f.x0(); x <= f.x1(); x++) {
                boolean in = x < f.x1() && p[off + x] > cut;
                if (in && start < 0) {
                    start = x;
                } else if (!in && start >= 0) {
                    if (k + 3 > out.length) {
                        out = java.util.Arrays.copyOf(out, 2 * out.length);
                    }
                    out[k++] = y;
                    out[k++] = start;
                    out[k++] = x;
                    start = -1;
                }
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /**
     * @param chunkFrames frames per partial: the sums keep one partial per {@code chunkFrames}-aligned frame chunk
     *                    and add them in chunk order at the end, so any partition of the frames into chunk-aligned
     *                    ranges gives bit-identical columns
     * @return empty sums for this recording
     */
    public Sums newSums(int chunkFrames) {
        return new Sums(n, sensor, chunkFrames);
    }

    /**
     * @param sums  accumulates into these
     * @param inner receives every call too (may be null)
     * @return a sink accumulating the frames it sees into {@code sums}
     */
    public FrameSink sink(Sums sums, FrameSink inner) {
        return new FrameSink() {
            private TraceWindow traces;
            private final LocalDemixer.Frame frame = oracle.newFrame();

            @Override
            public void begin(TraceWindow t) {
                if (inner != null) {
                    inner.begin(t);
                }
                traces = t;
            }

            @Override
            public void observed(int t0, int t1, double[] frames) {
                if (inner != null) {
                    inner.observed(t0, t1, frames);
                }
                addObserved(sums, t0, t1, frames, traces, frame);
            }

            @Override
            public void beforeSensor(int t0, int t1, double[] intensity) {
                if (inner != null) {
                    inner.beforeSensor(t0, t1, intensity);
                }
                int q = h * w;
                for (int t = t0; t < t1; t++) {
                    Part s = sums.part(t);
                    int base = (t - t0) * q;
                    for (int i = 0; i < n; i++) {
                        s.centerIntensity[i] += intensity[base + center[i]];
                    }
                }
            }

            @Override
            public void snapshot(String stage, int t0, int t1, int height, int width, double[] frames) {
                if (inner != null) {
                    inner.snapshot(stage, t0, t1, height, width, frames);
                }
            }
        };
    }

    private void addObserved(Sums sums, int t0, int t1, double[] frames, TraceWindow traces,
                             LocalDemixer.Frame frame) {
        int q = h * w, stride = w + 1;
        double[] unitC = traces == null ? null : traces.unitC();
        int rowLen = traces == null ? 0 : traces.frames();
        int first = traces == null ? 0 : traces.t0();
        for (int t = t0; t < t1; t++) {
            Part s = sums.part(t);
            int base = (t - t0) * q;
            s.frames++;
            int dy = shifts == null ? 0 : (int) Math.rint(shifts[2 * t]);
            int dx = shifts == null ? 0 : (int) Math.rint(shifts[2 * t + 1]);
            frame.load(frames, base, dy, dx);
            double[] sat = frame.summedArea();
            for (int i = 0; i < n; i++) {
                double ci = unitC == null ? 0.0 : unitC[i * rowLen + t - first];
                s.sc[i] += ci;
                s.scc[i] += ci * ci;
                s.centerObserved[i] += frames[base + center[i]];
                double x = 0.0;
                int[] r = roiRuns[i];
                if (r.length > 0) {
                    for (int k = 0; k < r.length; k += 3) {
                        int ya = r[k] * stride, yb = ya + stride;
                        x += sat[yb + r[k + 2]] - sat[ya + r[k + 2]] - sat[yb + r[k + 1]] + sat[ya + r[k + 1]];
                    }
                    x /= roiSize[i];
                }
                s.rx[i] += x;
                s.rxx[i] += x * x;
                s.rxc[i] += x * ci;
                double o = frame.trace(i);
                s.so[i] += o;
                s.soo[i] += o * o;
                s.soc[i] += o * ci;
            }
            if (s.frames >= sums.chunkFrames) {
                sums.foldComplete();
            }
        }
    }

    /** The per-unit render columns; NaN where undefined. */
    public record Columns(double[] centerMeanE, double[] observedMeanCountsAtCell, double[] roiTraceCorr,
                          double[] oracleTraceCorr, double[] oracleEmpiricalSnr) {}

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
     * split among tasks). The complete chunks from chunk 0 on are folded into one running total as soon as they
     * are complete — the same additions in the same order — so the sums of a whole recording, or of the range
     * that starts it, hold two parts whatever its length; other ranges hold one part per chunk until merged.
     */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;

        final int n;
        final boolean sensor;
        final int chunkFrames;
        final TreeMap<Integer, Part> parts = new TreeMap<>();
        /** The parts of chunks {@code [0, headEnd)} added in chunk order, or null while {@code headEnd} is 0. */
        Part head;
        int headEnd;

        Sums(int n, boolean sensor, int chunkFrames) {
            if (chunkFrames < 1) {
                throw new IllegalArgumentException("chunkFrames " + chunkFrames);
            }
            this.n = n;
            this.sensor = sensor;
            this.chunkFrames = chunkFrames;
        }

        Part part(int t) {
            int c = t / chunkFrames;
            if (c < headEnd) {
                throw new IllegalStateException("frame " + t + " added after its chunk " + c + " was complete");
            }
            return parts.computeIfAbsent(c, k -> new Part(n));
        }

        /** Folds the complete chunks that follow the running total into it, in chunk order. */
        void foldComplete() {
            for (Part p = parts.get(headEnd); p != null && p.frames >= chunkFrames; p = parts.get(headEnd)) {
                if (head == null) {
                    head = new Part(n);
                }
                head.add(p);
                parts.remove(headEnd);
                headEnd++;
            }
        }

        /** @return the sums over all frames, chunks added in chunk order */
        Part total() {
            Part tot = new Part(n);
            if (head != null) {
                tot.add(head);
            }
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
            if (other.n != n || other.sensor != sensor || other.chunkFrames != chunkFrames) {
                throw new IllegalArgumentException("sums of different recordings");
            }
            if (other.head != null) {
                if (head != null || !parts.headMap(other.headEnd).isEmpty()) {
                    throw new IllegalArgumentException("sums of overlapping frame ranges (both hold chunk 0)");
                }
                head = new Part(n);
                head.add(other.head);
                headEnd = other.headEnd;
            }
            for (var e : other.parts.entrySet()) {
                if (e.getKey() < headEnd) {
                    throw new IllegalArgumentException("sums of overlapping frame ranges (chunk " + e.getKey() + ")");
                }
                Part mine = parts.get(e.getKey());
                if (mine == null) {
                    Part copy = new Part(n);
                    copy.add(e.getValue());
                    parts.put(e.getKey(), copy);
                } else {
                    mine.add(e.getValue());
                }
            }
            foldComplete();
            return this;
        }

        /**
         * @param peakDf           per-unit {@code max C − min C}, a.u. (NaN when unknown)
         * @param electronsPerUnit photons per unit × QE (e⁻ per a.u.), or NaN without a sensor
         * @return the columns; NaN where a value is undefined (no frames, a constant trace)
         */
        public Columns finish(double[] peakDf, double electronsPerUnit) {
            Part s = total();
            double f = s.frames;
            double[] ce = nan(n), oc = nan(n), roi = nan(n), orc = nan(n), osnr = nan(n);
            if (s.frames > 0) {
                for (int i = 0; i < n; i++) {
                    if (sensor && !Double.isNaN(electronsPerUnit)) {
                        ce[i] = finite(s.centerIntensity[i] / f * electronsPerUnit);
                    }
                    oc[i] = finite(s.centerObserved[i] / f);
                    roi[i] = pearson(f, s.rx[i], s.rxx[i], s.sc[i], s.scc[i], s.rxc[i]);
                    orc[i] = pearson(f, s.so[i], s.soo[i], s.sc[i], s.scc[i], s.soc[i]);
                    osnr[i] = olsSnr(f, s.so[i], s.soo[i], s.sc[i], s.scc[i], s.soc[i], peakDf[i]);
                }
            }
            return new Columns(ce, oc, roi, orc, osnr);
        }
    }

    /** @return Pearson r of two series from their sums, clipped to [−1, 1]; NaN when either is constant */
    static double pearson(double n, double sx, double sxx, double sy, double syy, double sxy) {
        double vx = sxx - sx * sx / n, vy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        if (!(vx > VARIANCE_REL * sxx) || !(vy > VARIANCE_REL * syy)) {
            return Double.NaN;
        }
        double r = cxy / Math.sqrt(vx * vy);
        return Double.isNaN(r) ? Double.NaN : Math.max(-1.0, Math.min(1.0, r));
    }

    /** {@code o ≈ k·C + m} by OLS; {@code k × peak / std(residual)} (population std); NaN when undefined. */
    static double olsSnr(double n, double so, double soo, double sc, double scc, double soc, double peak) {
        double vc = (scc - sc * sc / n) / n, vo = (soo - so * so / n) / n, cov = (soc - so * sc / n) / n;
        if (!(vc > VARIANCE_REL * scc / n) || Double.isNaN(peak)) {
            return Double.NaN;
        }
        double k = cov / vc;
        double res = vo - k * cov;
        if (!(res > RESIDUAL_REL * vo)) {
            return Double.NaN;
        }
        return finite(k * peak / Math.sqrt(res));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
