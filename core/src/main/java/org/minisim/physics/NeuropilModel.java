package org.minisim.physics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.minisim.footprint.GaussianFilter;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.Neuropil;

/**
 * The diffuse neuropil background (docs/physics.md#neuropil): K smooth spatial sources, each modulated by a strictly
 * positive envelope that blends an independent log-normal OU drift with the lagged population activity, faded
 * by the mean bleaching of the cells. Contribution per frame:
 * {@code I(t, p) += amplitude · (1/K) · Σ_k T_k(t)·S_k(p)} (a.u., non-negative).
 *
 * <p>Streams: spatial field k draws Hc·Wc normals from {@code stream(NEUROPIL_SPATIAL, k)} (row-major); the OU
 * sequence k draws F normals from {@code stream(NEUROPIL_TEMPORAL, k)}.
 */
public final class NeuropilModel {

    /** Log-space σ of the drift leg's mean-1 log-normal modulation, dimensionless. */
    static final double FLUCT_LOG_STD = 0.4;
    private static final double EPS = 1e-12;

    private NeuropilModel() {}

    /**
     * Builds all neuropil components of a recording.
     *
     * @param step        the neuropil step
     * @param canvasH     canvas rows Hc, px
     * @param canvasW     canvas columns Wc, px
     * @param pixelSizeUm object-space pixel size, µm/px
     * @param fps         frame rate, Hz
     * @param nFrames     frame count F
     * @param c           (N, F) row-major unbleached calcium traces of the cells that have a trace, a.u., or null
     *                    when no cell has a trace
     * @param nCells      N (rows of {@code c} and {@code bleach}; the same cells)
     * @param bleach      (N, F) row-major bleach envelopes, dimensionless, or null without bleaching; the fade is
     *                    their mean over the N rows
     * @param rs          the recording's streams
     * @return the fields
     */
    public static NeuropilFields generate(Neuropil step, int canvasH, int canvasW, double pixelSizeUm, double fps,
                                          int nFrames, double[] c, int nCells, double[] bleach,
                                          RandomStreams rs) {
        double[] sum = c == null || nCells <= 0 ? null : sumRows(c, nCells, nFrames);
        double[] fade = bleach != null && nCells > 0 ? meanRows(bleach, nCells, nFrames) : null;
        return generateFromAggregates(step, canvasH, canvasW, pixelSizeUm, fps, nFrames, sum, fade, rs);
    }

    /**
     * Builds all neuropil components from the two cell aggregates they depend on, so a caller can stream its
     * cells instead of holding {@code N × F} traces; equal to {@link #generate} on the traces the aggregates come
     * from (sums taken in cell order).
     *
     * @param traceSum    (F) {@code Σ_i C_i(t)} over the cells that have a trace, summed in cell order, a.u.; null
     *                    when no cell has a trace
     * @param bleachMean  (F) mean bleach envelope over those cells (dimensionless), or null without bleaching
     */
    public static NeuropilFields generateFromAggregates(Neuropil step, int canvasH, int canvasW, double pixelSizeUm,
                                                        double fps, int nFrames, double[] traceSum,
                                                        double[] bleachMean, RandomStreams rs) {
        int k = step.nComponents();
        int px = canvasH * canvasW;
        double sigmaPx = step.spatialSigmaUm() * (1.0 / pixelSizeUm);
        double[] spatial = new double[k * px];
        // each component draws from its own stream: built on all cores, same fields in any order
        java.util.stream.IntStream.range(0, k).parallel().forEach(comp -> {
            double[] s = spatialField(canvasH, canvasW, sigmaPx, rs.stream(Purpose.NEUROPIL_SPATIAL, comp));
            System.arraycopy(s, 0, spatial, comp * px, px);
        });
        if (k > 1) {
            balanceMeans(spatial, k, px);
        }
        double[] population = traceSum == null ? null
                : populationDriverFromSum(traceSum.clone(), step.populationTauS() * fps);
        double coupling = population != null ? step.populationCoupling() : 0.0;
        double alpha = ouAlpha(step.temporalTauS() * fps);
        double[] fade = bleachMean;
        double[] temporal = new double[k * nFrames];
        double s = FLUCT_LOG_STD;
        for (int comp = 0; comp < k; comp++) {
            double[] ou = ouSequence(rs.stream(Purpose.NEUROPIL_TEMPORAL, comp), nFrames, alpha);
            int base = comp * nFrames;
            for (int t = 0; t < nFrames; t++) {
                double v = (1.0 - coupling) * StrictMath.exp(s * ou[t] - 0.5 * s * s);
                if (population != null) {
                    v += coupling * population[t];
                }
                if (fade != null) {
                    v *= fade[t];
                }
                temporal[base + t] = v;
            }
        }
        return new NeuropilFields(k, canvasH, canvasW, spatial, temporal, population);
    }

    /**
     * Stationary unit-variance Ornstein–Uhlenbeck sequence: {@code x(0) ~ N(0,1)},
     * {@code x(t) = α·x(t−1) + sqrt(1 − α²)·N(0,1)}; draws n normals.
     *
     * @param alpha per-frame correlation {@code exp(−1/τ_frames)} in [0, 1) (0 = white)
     * @return the sequence, dimensionless
     */
    public static double[] ouSequence(UniformRandomProvider rng, int n, double alpha) {
        double[] x = new double[Math.max(n, 0)];
        if (n <= 0) {
            return x;
        }
        ContinuousSampler normal = RandomStreams.normal(rng);
        double noise = Math.sqrt(1.0 - alpha * alpha);
        x[0] = normal.sample();
        for (int t = 1; t < n; t++) {
            x[t] = alpha * x[t - 1] + noise * normal.sample();
        }
        return x;
    }

    /** @return the per-frame OU correlation {@code exp(−1/τ)} for τ in frames, 0 when τ ≤ 0 */
    public static double ouAlpha(double tauFrames) {
        return tauFrames > 0 ? StrictMath.exp(-1.0 / tauFrames) : 0.0;
    }

    /**
     * One smooth spatial source: white normal field (row-major draws), Gaussian blur (nearest mode), shifted to
     * min 0 and divided by its max (all ones if the max ≤ 1e−12).
     *
     * @param sigmaPx smoothness length, px
     * @return (h, w) field in [0, 1], dimensionless
     */
    public static double[] spatialField(int h, int w, double sigmaPx, UniformRandomProvider rng) {
        ContinuousSampler normal = RandomStreams.normal(rng);
        double[] white = new double[h * w];
        for (int p = 0; p < white.length; p++) {
            white[p] = normal.sample();
        }
        double[] f = GaussianFilter.filter(white, h, w, sigmaPx, GaussianFilter.Boundary.NEAREST);
        double min = Double.POSITIVE_INFINITY;
        for (double v : f) {
            min = Math.min(min, v);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < f.length; p++) {
            f[p] -= min;
            max = Math.max(max, f[p]);
        }
        if (!(max > EPS)) {
            java.util.Arrays.fill(f, 1.0);
            return f;
        }
        for (int p = 0; p < f.length; p++) {
            f[p] /= max;
        }
        return f;
    }

    /**
     * Rescales each of the k fields so every one has the average of their means:
     * {@code S_k·mean_j(m_j)/max(m_k, ε)}.
     */
    static void balanceMeans(double[] spatial, int k, int px) {
        double[] means = new double[k];
        double avg = 0.0;
        for (int comp = 0; comp < k; comp++) {
            double sum = 0.0;
            for (int p = comp * px, e = p + px; p < e; p++) {
                sum += spatial[p];
            }
            means[comp] = px == 0 ? 0.0 : sum / px;
            avg += means[comp];
        }
        avg /= k;
        for (int comp = 0; comp < k; comp++) {
            double f = avg / Math.max(means[comp], EPS);
            for (int p = comp * px, e = p + px; p < e; p++) {
                spatial[p] *= f;
            }
        }
    }

    /**
     * The deterministic population driver: aggregate {@code g(t) = Σ_i C_i(t)}, causal one-pole low-pass
     * {@code y(0) = g(0)}, {@code y(t) = a·y(t−1) + (1 − a)·g(t)}, {@code a = exp(−1/τ_p)}, normalised to mean 1.
     *
     * @param c           (N, F) traces or null
     * @param tauFrames   low-pass time constant τ_p, frames (a = 0 when ≤ 0)
     * @return (F) driver, mean 1, or null when there is no trace or {@code mean(y) ≤ 1e−12}
     */
    public static double[] populationDriver(double[] c, int nCells, int nFrames, double tauFrames) {
        if (c == null || nCells <= 0 || nFrames <= 0) {
            return null;
        }
        return populationDriverFromSum(sumRows(c, nCells, nFrames), tauFrames);
    }

    /**
     * {@link #populationDriver} from the aggregate {@code g(t) = Σ_i C_i(t)} (overwritten with the driver).
     *
     * @param y (F) the aggregate, a.u.; F ≥ 1
     * @return the driver (the same array), mean 1, or null when {@code mean(y) ≤ 1e−12}
     */
    public static double[] populationDriverFromSum(double[] y, double tauFrames) {
        int nFrames = y.length;
        if (nFrames == 0) {
            return null;
        }
        double a = ouAlpha(tauFrames);
        double sum = y[0];
        for (int t = 1; t < nFrames; t++) {
            y[t] = a * y[t - 1] + (1.0 - a) * y[t];
            sum += y[t];
        }
        double mean = sum / nFrames;
        if (!(mean > EPS)) {
            return null;
        }
        for (int t = 0; t < nFrames; t++) {
            y[t] /= mean;
        }
        return y;
    }

    /**
     * Adds the neuropil of frame t to a canvas frame: {@code canvas[p] += amplitude·(1/K)·Σ_k T_k(t)·S_k(p)}.
     *
     * @param amplitude   level relative to a cell baseline, a.u.
     * @param t           frame index
     * @param canvasFrame (Hc, Wc) row-major, a.u.; modified in place
     */
    public static void addFrame(NeuropilFields f, double amplitude, int t, double[] canvasFrame) {
        addFrames(f, amplitude, t, new double[][] {canvasFrame}, 1);
    }

    /** Pixels per tile of {@link #addFrames}: the tile of every frame and component stays in L2 cache. */
    private static final int TILE = 2048;

    /**
     * {@link #addFrame} for frames {@code t0 … t0+n−1} at once, equal value for value: the canvas is walked in
     * pixel tiles, each spatial component's tile is read once for all n frames, and every pixel still adds the
     * components in order 0…K−1.
     *
     * @param canvasFrames n canvas frames (Hc·Wc each), frame i is frame {@code t0 + i}
     */
    public static void addFrames(NeuropilFields f, double amplitude, int t0, double[][] canvasFrames, int n) {
        addFrames(f, amplitude, t0, canvasFrames, n, null);
    }

    /**
     * {@link #addFrames(NeuropilFields, double, int, double[][], int)} followed, tile by tile, by
     * {@code canvas[p] *= then[p]} (the vessel transmission): the same values as the two passes one after the
     * other, with one walk over the canvas.
     *
     * @param then per-pixel factor (Hc·Wc, dimensionless) applied after the neuropil, or null for none
     */
    public static void addFrames(NeuropilFields f, double amplitude, int t0, double[][] canvasFrames, int n,
                                 double[] then) {
        int k = f.k();
        if (n == 0) {
            return;
        }
        int px = f.canvasH() * f.canvasW();
        int nFrames = f.nFrames();
        double[] s = f.spatial();
        double[] wgt = new double[k * n];
        for (int comp = 0; comp < k; comp++) {
            for (int i = 0; i < n; i++) {
                wgt[comp * n + i] = amplitude * (1.0 / k) * f.temporal()[comp * nFrames + t0 + i];
            }
        }
        for (int p0 = 0; p0 < px; p0 += TILE) {
            int p1 = Math.min(px, p0 + TILE);
            for (int comp = 0; comp < k; comp++) {
                int base = comp * px;
                for (int i = 0; i < n; i++) {
                    double w = wgt[comp * n + i];
                    double[] c = canvasFrames[i];
                    for (int p = p0; p < p1; p++) {
                        c[p] += w * s[base + p];
                    }
                }
            }
            if (then != null) {
                for (int i = 0; i < n; i++) {
                    double[] c = canvasFrames[i];
                    for (int p = p0; p < p1; p++) {
                        c[p] *= then[p];
                    }
                }
            }
        }
    }

    private static double[] sumRows(double[] m, int rows, int cols) {
        double[] out = new double[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int t = 0; t < cols; t++) {
                out[t] += m[base + t];
            }
        }
        return out;
    }

    private static double[] meanRows(double[] m, int rows, int cols) {
        double[] out = sumRows(m, rows, cols);
        for (int t = 0; t < cols; t++) {
            out[t] /= rows;
        }
        return out;
    }
}
