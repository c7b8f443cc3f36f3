package org.minisim.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The footprint overlaps of one recording's units (docs/table.md#neighbour-columns): a spatial index over the
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
    private final UnitFootprint[] units;
    /** Per unit its support ({@link UnitFootprint#support}). */
    private final FovFootprint[] fp;
    private final double[] maxCosine;
    private final int[] overlapping;
    private final int[][] neighbours;

    /**
     * @param full    the units' whole FOV footprints
     * @param sigmaPx each unit's observed blur σ (px), or null (no optics: every unit at level 0)
     * @param h       FOV rows, px
     * @param w       FOV columns, px
     * @return the overlaps of those units (each footprint's values visited once, {@link UnitFootprint})
     */
    public static FootprintOverlaps of(FovFootprint[] full, double[] sigmaPx, int h, int w) {
        MidpointLattice rows = new MidpointLattice(h), cols = new MidpointLattice(w);
        UnitFootprint[] units = new UnitFootprint[full.length];
        org.minisim.Parallel.forEach(full.length, i -> units[i] = UnitFootprint.of(full[i],
                sigmaPx == null ? Double.NaN : sigmaPx[i], rows, cols));
        return new FootprintOverlaps(units, h, w);
    }

    /**
     * @param units the units' footprints and what the table derives from them
     * @param h     FOV rows, px
     * @param w     FOV columns, px
     */
    FootprintOverlaps(UnitFootprint[] units, int h, int w) {
        this.n = units.length;
        this.units = units;
        fp = new FovFootprint[n];
        int[] level = new int[n];
        LatticeSamples[][] samples = new LatticeSamples[n][];
        double[][] energy = new double[n][];
        for (int i = 0; i < n; i++) {
            fp[i] = units[i].support();
            level[i] = units[i].level();
            samples[i] = units[i].samples();
            energy[i] = units[i].energy();
        }

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

        // every meeting pair (i < j) once, in parallel over slices of i; per-slice maxima and counts merged after
        /** One slice's maxima, counts and marks of units already met (per slice, merged after the loop). */
        record Part(double[] max, int[] count, int[] seen) {}
        ConcurrentLinkedQueue<Part> parts = new ConcurrentLinkedQueue<>();
        Supplier<Part> newPart = () -> {
            double[] a = new double[n];
            Arrays.fill(a, Double.NEGATIVE_INFINITY);
            Part p = new Part(a, new int[n], new int[n]);
            parts.add(p);
            return p;
        };
        int[][] pairJ = new int[n][];
        float[][] pairCos = new float[n][];
        // the boxes as flat arrays: the candidate loop below reads them for every unit of every bucket
        int[] by0 = new int[n], by1 = new int[n], bx0 = new int[n], bx1 = new int[n];
        for (int i = 0; i < n; i++) {
            by0[i] = fp[i].y0();
            by1[i] = fp[i].y1();
            bx0[i] = fp[i].x0();
            bx1[i] = fp[i].x1();
        }
        // units in the Z order of their boxes' centres: consecutive units meet mostly the same others, whose
        // samples are then still in the core's caches (in cell order the dense quick-start's loop waited on memory).
        // Each pair is still taken once, from its lower index, with the same arithmetic: the same results.
        int[] order = zOrder(by0, by1, bx0, bx1);
        org.minisim.Parallel.forEach(n, newPart, (part, rank) -> {
            int i = order[rank];
            FovFootprint f = fp[i];
            pairJ[i] = new int[0];
            pairCos[i] = new float[0];
            if (f.isEmpty() || energy[i][0] <= 0) {
                return;
            }
            int[] seen = part.seen();
            double[] mx = part.max();
            int[] cnt = part.count();
            int mark = i + 1;
            int[] js = new int[16];
            float[] cs = new float[16];
            int k = 0;
            for (int by = f.y0() / BUCKET; by <= (f.y1() - 1) / BUCKET; by++) {
                for (int bx = f.x0() / BUCKET; bx <= (f.x1() - 1) / BUCKET; bx++) {
                    int[] bucket = bucketUnits[by * gx + bx];
                    // a bucket lists its units in increasing order: start after i
                    int at = Arrays.binarySearch(bucket, i + 1);
                    for (int q = at >= 0 ? at : -at - 1; q < bucket.length; q++) {
                        int j = bucket[q];
                        if (seen[j] == mark || !(by0[i] < by1[j] && by0[j] < by1[i] && bx0[i] < bx1[j]
                                && bx0[j] < bx1[i])) {
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
        overlapping = new int[n];
        for (Part part : parts) {
            for (int i = 0; i < n; i++) {
                maxCosine[i] = Math.max(maxCosine[i], part.max()[i]);
                overlapping[i] += part.count()[i];
            }
        }
        neighbours = topNeighbours(pairJ, pairCos);
    }

    /** @return the unit indices sorted by the Morton code of their boxes' centres (4 px cells), ties by index */
    static int[] zOrder(int[] y0, int[] y1, int[] x0, int[] x1) {
        int n = y0.length;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            long z = interleave((y0[i] + y1[i]) >>> 3) << 1 | interleave((x0[i] + x1[i]) >>> 3);
            keyed[i] = z << 31 | i;
        }
        Arrays.sort(keyed);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keyed[k] & 0x7fffffffL);
        }
        return order;
    }

    /** @return the low 16 bits of v spread to the even bits of the result */
    private static long interleave(int v) {
        long x = v & 0xffffL;
        x = (x | (x << 8)) & 0x00ff00ffL;
        x = (x | (x << 4)) & 0x0f0f0f0fL;
        x = (x | (x << 2)) & 0x33333333L;
        x = (x | (x << 1)) & 0x55555555L;
        return x;
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
        return units[i].level();
    }

    /** @return unit i's oracle level: its window's blocks are {@code 2^ℓ} px */
    public int oracleLevel(int i) {
        return units[i].oracleLevel();
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
        if (n < 2 || fp[i].isEmpty() || !(units[i].energy()[0] > 0)) {
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

    /** @return unit i's footprint and what the table derives from it */
    UnitFootprint unit(int i) {
        return units[i];
    }

    /** @return unit i's whole footprint */
    FovFootprint footprint(int i) {
        return units[i].full();
    }

    /** @return unit i's block sums at its oracle level, or null at level 0 */
    BlockSums blockSums(int i) {
        return units[i].blockSums();
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

    /** @return Σ a² over the FOV box */
    static double selfDot(FovFootprint a) {
        return dot(a, a);
    }

    /**
     * @return Σ a·b over the FOV pixels both boxes cover (double sums of float products, four partial sums); values
     *     of a footprint kept as its blur's factors are copied out over the common box first (the same sum)
     */
    static double dot(FovFootprint a, FovFootprint b) {
        int ya = Math.max(a.y0(), b.y0()), yb = Math.min(a.y1(), b.y1());
        int xa = Math.max(a.x0(), b.x0()), xb = Math.min(a.x1(), b.x1());
        if (ya >= yb || xa >= xb) {
            return 0.0;
        }
        int wid = xb - xa;
        float[] pa, pb;
        int ra, sa, rb, sb; // index of (ya, 0) and row stride of each side
        if (a.isStored()) {
            pa = a.patch();
            ra = a.rowOffset(ya);
            sa = a.rowOffset(ya + 1) - ra;
        } else {
            pa = new float[(yb - ya) * wid];
            a.copyBox(ya, yb, xa, xb, pa);
            ra = -xa;
            sa = wid;
        }
        if (b.isStored()) {
            pb = b.patch();
            rb = b.rowOffset(ya);
            sb = b.rowOffset(ya + 1) - rb;
        } else {
            pb = new float[(yb - ya) * wid];
            b.copyBox(ya, yb, xa, xb, pb);
            rb = -xa;
            sb = wid;
        }
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        for (int y = ya; y < yb; y++, ra += sa, rb += sb) {
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
