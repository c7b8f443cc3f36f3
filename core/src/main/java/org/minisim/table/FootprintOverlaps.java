package org.minisim.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The footprint overlaps of one recording's units (docs/table.md "Neighbour columns"): a spatial index over the
 * FOV boxes of their observed footprints finds the pairs whose boxes meet; the cosine similarity of each such pair
 * is computed once, on the pair's sampling lattice (the finer of the two units' {@link MidpointLattice} levels:
 * every pixel for sharp footprints, block middles of up to σ/1.5 px for blurred ones); from them come each unit's
 * largest neighbour cosine, its count of neighbours at or above {@link #OVERLAP_COSINE}, and its
 * {@link #MAX_NEIGHBOURS} most similar neighbours (the oracle's neighbourhood, {@link LocalDemixer}). Pairs whose
 * boxes do not meet have cosine 0 and cost nothing. Memory: per unit its lattice samples (an eighth of its
 * footprint at most), one level of block sums for the oracle, and the neighbour lists.
 */
public final class FootprintOverlaps {

    /**
     * Each footprint enters the overlap statistics on its support: the box where it reaches this fraction of its
     * peak (a blurred footprint loses at most 10⁻⁴ of its energy, the cosines as little).
     */
    public static final double SUPPORT_REL = 0.01;
    /** Cosine at or above which two units count as overlapping neighbours. */
    public static final double OVERLAP_COSINE = 0.1;
    /** Neighbours kept per unit for the oracle, most similar first. */
    public static final int MAX_NEIGHBOURS = 24;
    /** Coarsest oracle level (blocks of 16 × 16 px). */
    public static final int MAX_LEVEL = 4;
    /** Pairs below this cosine are not kept as neighbours (their overlap is negligible for any column). */
    static final double KEEP_COSINE = 1e-4;
    /** FOV box side of the spatial index's buckets, px. */
    private static final int BUCKET = 32;

    private final int n;
    private final FovFootprint[] fp;
    /** The whole footprints (the oracle's columns), of which {@link #fp} are the supports. */
    private final FovFootprint[] full;
    private final int[] level;
    /** Per unit its oracle level ({@link LocalDemixer#SMOOTH_PER_BLOCK}): never finer than {@link #level}. */
    private final int[] oracleLevel;
    private final double[] maxCosine;
    private final int[] overlapping;
    private final int[][] neighbours;
    /** Per unit, its lattice samples at levels 1 … its level (index 0 unused: level 0 is the footprint). */
    private final LatticeSamples[][] samples;
    /** Per unit, its footprint's block sums at its oracle level (null at level 0). */
    private final BlockSums[] blockSums;

    /**
     * @param full    the units' whole FOV footprints
     * @param fp      the same on their supports ({@link FovFootprint#support})
     * @param sigmaPx each unit's observed blur σ (px), or null (no optics: every unit at level 0)
     * @param h       FOV rows, px
     * @param w       FOV columns, px
     */
    public FootprintOverlaps(FovFootprint[] full, FovFootprint[] fp, double[] sigmaPx, int h, int w) {
        this.n = fp.length;
        this.fp = fp;
        this.full = full;
        level = new int[n];
        oracleLevel = new int[n];
        for (int i = 0; i < n; i++) {
            double s = sigmaPx == null ? Double.NaN : sigmaPx[i];
            level[i] = MidpointLattice.level(s);
            oracleLevel[i] = level(s, LocalDemixer.SMOOTH_PER_BLOCK);
        }
        MidpointLattice rows = new MidpointLattice(h), cols = new MidpointLattice(w);
        samples = new LatticeSamples[n][];
        blockSums = new BlockSums[n];
        double[][] energy = new double[n][];
        org.minisim.Parallel.forEach(n, i -> {
            samples[i] = new LatticeSamples[level[i] + 1];
            energy[i] = new double[level[i] + 1];
            energy[i][0] = selfDot(fp[i]);
            for (int l = 1; l <= level[i]; l++) {
                samples[i][l] = new LatticeSamples(fp[i], l, rows, cols);
                energy[i][l] = samples[i][l].energy;
            }
            blockSums[i] = oracleLevel[i] > 0 ? new BlockSums(full[i], oracleLevel[i]) : null;
        });

        // spatial index: each unit in the buckets its box covers
        int gy = Math.max(1, (h + BUCKET - 1) / BUCKET), gx = Math.max(1, (w + BUCKET - 1) / BUCKET);
        List<List<Integer>> buckets = new ArrayList<>(gy * gx);
        for (int b = 0; b < gy * gx; b++) {
            buckets.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            FovFootprint f = fp[i];
            if (f.isEmpty() || energy[i][0] <= 0) {
                continue;
            }
            for (int by = f.y0() / BUCKET; by <= (f.y1() - 1) / BUCKET; by++) {
                for (int bx = f.x0() / BUCKET; bx <= (f.x1() - 1) / BUCKET; bx++) {
                    buckets.get(by * gx + bx).add(i);
                }
            }
        }
        int[][] bucketUnits = new int[buckets.size()][];
        for (int b = 0; b < bucketUnits.length; b++) {
            bucketUnits[b] = buckets.get(b).stream().mapToInt(Integer::intValue).toArray();
        }

        // every meeting pair (i < j) once, in parallel over i; per-thread maxima and counts merged after
        ConcurrentLinkedQueue<double[]> maxParts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<int[]> countParts = new ConcurrentLinkedQueue<>();
        ThreadLocal<double[]> maxLocal = ThreadLocal.withInitial(() -> {
            double[] a = new double[n];
            Arrays.fill(a, Double.NEGATIVE_INFINITY);
            maxParts.add(a);
            return a;
        });
        ThreadLocal<int[]> countLocal = ThreadLocal.withInitial(() -> {
            int[] a = new int[n];
            countParts.add(a);
            return a;
        });
        ThreadLocal<int[]> seenLocal = ThreadLocal.withInitial(() -> new int[n]);
        int[][] pairJ = new int[n][];
        float[][] pairCos = new float[n][];
        org.minisim.Parallel.forEach(n, i -> {
            FovFootprint f = fp[i];
            pairJ[i] = new int[0];
            pairCos[i] = new float[0];
            if (f.isEmpty() || energy[i][0] <= 0) {
                return;
            }
            int[] seen = seenLocal.get();
            double[] mx = maxLocal.get();
            int[] cnt = countLocal.get();
            int mark = i + 1;
            int[] js = new int[16];
            float[] cs = new float[16];
            int k = 0;
            for (int by = f.y0() / BUCKET; by <= (f.y1() - 1) / BUCKET; by++) {
                for (int bx = f.x0() / BUCKET; bx <= (f.x1() - 1) / BUCKET; bx++) {
                    for (int j : bucketUnits[by * gx + bx]) {
                        if (j <= i || seen[j] == mark || !boxesMeet(f, fp[j])) {
                            continue;
                        }
                        seen[j] = mark;
                        int l = Math.min(level[i], level[j]);
                        double d = l == 0 ? dot(f, fp[j]) : LatticeSamples.dot(samples[i][l], samples[j][l]);
                        double cos = d / Math.sqrt(energy[i][l] * energy[j][l]);
                        if (!(cos > 0)) {
                            cos = 0.0;
                        }
                        mx[i] = Math.max(mx[i], cos);
                        mx[j] = Math.max(mx[j], cos);
                        if (cos >= OVERLAP_COSINE) {
                            cnt[i]++;
                            cnt[j]++;
                        }
                        if (cos >= KEEP_COSINE) {
                            if (k == js.length) {
                                js = Arrays.copyOf(js, 2 * k);
                                cs = Arrays.copyOf(cs, 2 * k);
                            }
                            js[k] = j;
                            cs[k] = (float) cos;
                            k++;
                        }
                    }
                }
            }
            pairJ[i] = Arrays.copyOf(js, k);
            pairCos[i] = Arrays.copyOf(cs, k);
        });
        maxCosine = new double[n];
        Arrays.fill(maxCosine, Double.NEGATIVE_INFINITY);
        for (double[] part : maxParts) {
            for (int i = 0; i < n; i++) {
                maxCosine[i] = Math.max(maxCosine[i], part[i]);
            }
        }
        overlapping = new int[n];
        for (int[] part : countParts) {
            for (int i = 0; i < n; i++) {
                overlapping[i] += part[i];
            }
        }
        neighbours = topNeighbours(pairJ, pairCos);
    }

    /** @return the largest ℓ ≤ {@link #MAX_LEVEL} with {@code 2^ℓ ≤ σ / perBlock} (0 for a NaN σ) */
    static int level(double sigmaPx, double perBlock) {
        int l = 0;
        while (l < MAX_LEVEL && Double.isFinite(sigmaPx) && (1 << (l + 1)) <= sigmaPx / perBlock) {
            l++;
        }
        return l;
    }

    /** @return unit i's {@link MidpointLattice} level (of its cosines) */
    public int level(int i) {
        return level[i];
    }

    /** @return unit i's oracle level: its window's blocks are {@code 2^ℓ} px */
    public int oracleLevel(int i) {
        return oracleLevel[i];
    }

    /** @return the number of units */
    public int size() {
        return n;
    }

    /**
     * @return the largest cosine between unit i and any other unit (0 when no other unit's box meets its box), or
     *     NaN when unit i has no light in the FOV or is the only unit
     */
    public double maxNeighbourCosine(int i) {
        if (n < 2 || fp[i].isEmpty() || !(selfDot(fp[i]) > 0)) {
            return Double.NaN;
        }
        return Math.max(0.0, maxCosine[i]);
    }

    /** @return the number of other units with cosine ≥ {@link #OVERLAP_COSINE} with unit i */
    public int overlappingNeighbours(int i) {
        return overlapping[i];
    }

    /** @return unit i's neighbours, most similar first (at most {@link #MAX_NEIGHBOURS}, cosine ≥ 1e−4) */
    public int[] neighbours(int i) {
        return neighbours[i];
    }

    /** @return unit i's whole footprint */
    FovFootprint footprint(int i) {
        return full[i];
    }

    /** @return unit i's block sums at its oracle level, or null at level 0 */
    BlockSums blockSums(int i) {
        return blockSums[i];
    }

    /** Keeps each unit's {@link #MAX_NEIGHBOURS} best pairs: by cosine descending, ties by unit index. */
    private int[][] topNeighbours(int[][] pairJ, float[][] pairCos) {
        int[][] bestJ = new int[n][MAX_NEIGHBOURS];
        float[][] bestC = new float[n][MAX_NEIGHBOURS];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < pairJ[i].length; k++) {
                int j = pairJ[i][k];
                float c = pairCos[i][k];
                offer(bestJ[i], bestC[i], size, i, j, c);
                offer(bestJ[j], bestC[j], size, j, i, c);
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOf(bestJ[i], size[i]);
        }
        return out;
    }

    /** Inserts (j, c) into unit i's list kept sorted by (cosine desc, index asc), dropping the last when full. */
    private static void offer(int[] js, float[] cs, int[] size, int i, int j, float c) {
        int s = size[i];
        int at = s;
        while (at > 0 && (cs[at - 1] < c || (cs[at - 1] == c && js[at - 1] > j))) {
            at--;
        }
        if (at >= js.length) {
            return;
        }
        int last = Math.min(s, js.length - 1);
        System.arraycopy(js, at, js, at + 1, last - at);
        System.arraycopy(cs, at, cs, at + 1, last - at);
        js[at] = j;
        cs[at] = c;
        size[i] = Math.min(s + 1, js.length);
    }

    private static boolean boxesMeet(FovFootprint a, FovFootprint b) {
        return a.y0() < b.y1() && b.y0() < a.y1() && a.x0() < b.x1() && b.x0() < a.x1();
    }

    /** @return Σ a² over the FOV box */
    static double selfDot(FovFootprint a) {
        return dot(a, a);
    }

    /** @return Σ a·b over the FOV pixels both boxes cover (double sums of float products, four partial sums) */
    static double dot(FovFootprint a, FovFootprint b) {
        int ya = Math.max(a.y0(), b.y0()), yb = Math.min(a.y1(), b.y1());
        int xa = Math.max(a.x0(), b.x0()), xb = Math.min(a.x1(), b.x1());
        float[] pa = a.patch(), pb = b.patch();
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        for (int y = ya; y < yb; y++) {
            int ra = a.rowOffset(y), rb = b.rowOffset(y);
            int x = xa;
            for (; x + 4 <= xb; x += 4) {
                s0 += (double) pa[ra + x] * pb[rb + x];
                s1 += (double) pa[ra + x + 1] * pb[rb + x + 1];
                s2 += (double) pa[ra + x + 2] * pb[rb + x + 2];
                s3 += (double) pa[ra + x + 3] * pb[rb + x + 3];
            }
            for (; x < xb; x++) {
                s0 += (double) pa[ra + x] * pb[rb + x];
            }
        }
        return (s0 + s1) + (s2 + s3);
    }
}
