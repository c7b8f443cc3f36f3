package org.minisim.render;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.minisim.footprint.FootprintPatch;
import org.minisim.scene.CompositeRows;

/**
 * The composite row with the JDK's vector API: {@link #GROUP} entries at a time, the entries' patch rows are laid
 * out zero-padded, canvas-wide, one after another; then, tile by tile of {@code 2 ×} the vector length in px, eight
 * frames' sums are kept in registers while the group's entries overlapping the tile are added in entry order (a
 * tile reads only those entries; the next group carries on from the sums the previous one left).
 * Each sum sees the same float32 multiplications and additions, in the same order, as {@link ScalarRowKernel}
 * (plus additions of {@code ±0} where a patch does not reach), so the bits are the same; there are no loads and
 * stores of the sums inside the loop over entries, which is where the plain loops spend their time.
 *
 * <p>Until the JIT's optimising compiler has compiled these loops, vector code runs one to two orders of magnitude
 * slower than plain loops (every vector is an object); so a background thread first calls them on a few bytes until
 * a call is fast, and rows go to {@link ScalarRowKernel} until then — forever on a JVM without the optimising
 * compiler. Switching changes no bits.
 *
 * <p>Loaded by reflection only when the JVM has the {@code jdk.incubator.vector} module ({@link
 * CompositeRowKernel#best}).
 */
final class VectorRowKernel implements CompositeRowKernel {

    /** A warm-up call (eight frames and one, {@link #WARM_UP_ENTRIES} entries) counts as compiled below this, ns. */
    private static final long COMPILED_CALL_NS = 1000;
    /** Entries of a warm-up call: enough that the compiler sees a loop of a real row's kind. */
    private static final int WARM_UP_ENTRIES = 16;
    /**
     * The warm-up gives up after this many rounds of {@link #WARM_UP_CALLS} calls, with a pause of
     * {@link #WARM_UP_PAUSE_MS} after each slow one (the compiler works meanwhile; the cores stay with the sweep).
     */
    private static final int WARM_UP_ROUNDS = 300;
    private static final int WARM_UP_CALLS = 100;
    private static final long WARM_UP_PAUSE_MS = 10;

    private static volatile boolean compiled;

    VectorRowKernel() {
        Thread t = new Thread(VectorRowKernel::warmUp, "minisim-vector-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Calls the vector loops on a tiny row until a call takes less than {@link #COMPILED_CALL_NS}. */
    private static void warmUp() {
        int stride = T + L, entries = WARM_UP_ENTRIES;
        float[] r = new float[entries * stride];
        float[] em = new float[entries * 8];
        int[] list = new int[entries], eo = new int[entries];
        for (int k = 0; k < r.length; k++) {
            r[k] = k % 7;
        }
        for (int k = 0; k < entries; k++) {
            list[k] = k;
            eo[k] = 8 * k;
        }
        java.util.Arrays.fill(em, 0.5f);
        float[][] sums = new float[8][T];
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < WARM_UP_CALLS; c++) {
                eight(r, stride, 0, list, entries, eo, em, 0, sums, (c & 7) == 0);
                one(r, stride, 0, list, entries, eo, em, 0, sums[0], (c & 7) == 0);
            }
            if (System.nanoTime() - t0 < COMPILED_CALL_NS * WARM_UP_CALLS) {
                compiled = true;
                return;
            }
            try {
                Thread.sleep(WARM_UP_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Vector length, floats. */
    private static final int L = S.length();
    /** Tile width, px: two vectors. */
    private static final int T = 2 * L;

    /** Entries laid out at once: their rows and sums stay in the core's own caches while a tile is summed. */
    private static final int GROUP = 128;

    /** A thread's working arrays, grown as needed (and the plain loops' own, for rows before the warm-up ends). */
    static final class VectorScratch implements Scratch {
        final ScalarRowKernel.RowBuffer plain = ScalarRowKernel.SHARED.newScratch();
        float[] rows = new float[0];
        final int[] x0 = new int[GROUP], x1 = new int[GROUP], eo = new int[GROUP], list = new int[GROUP];
        float[][] sums = new float[0][];
    }

    @Override
    public VectorScratch newScratch() {
        return new VectorScratch();
    }

    @Override
    public void row(Scratch scratch, FootprintPatch[] observed, CompositeRows rows, int from, int to,
                    float[] emission, int n, float[][] acc, int wc) {
        VectorScratch s = (VectorScratch) scratch;
        if (compiled) {
            vectorRow(s, observed, rows, from, to, emission, n, acc, wc);
        } else {
            ScalarRowKernel.SHARED.row(s.plain, observed, rows, from, to, emission, n, acc, wc);
        }
    }

    /** {@link #row} with the vector loops, compiled or not. */
    void vectorRow(VectorScratch s, FootprintPatch[] observed, CompositeRows rows, int from, int to,
                   float[] emission, int n, float[][] acc, int wc) {
        int stride = (wc + T - 1) / T * T + L; // + L: rows 2^k bytes apart would share a few cache sets
        if (s.rows.length < GROUP * stride) {
            s.rows = new float[GROUP * stride];
        }
        float[] r = s.rows;
        int[] list = s.list;
        int padded = stride - L;
        if (s.sums.length < n || s.sums[0].length < padded) {
            s.sums = new float[Math.max(n, s.sums.length)][padded];
        }
        float[][] sums = s.sums;
        for (int g0 = from; g0 < to; g0 += GROUP) {
            int entries = Math.min(GROUP, to - g0);
            boolean first = g0 == from;
            for (int k = 0; k < entries; k++) {
                int cell = rows.cell[g0 + k];
                FootprintPatch f = observed[cell];
                int pw = f.pw(), x0 = f.x0(), base = k * stride, a = rows.patchRow[g0 + k];
                java.util.Arrays.fill(r, base, base + x0, 0f);
                f.copyWindow(a, a + 1, 0, pw, r, base + x0);
                java.util.Arrays.fill(r, base + x0 + pw, base + stride, 0f);
                s.x0[k] = x0;
                s.x1[k] = x0 + pw;
                s.eo[k] = cell * n;
            }
            for (int xt = 0; xt < wc; xt += T) {
                int count = 0;
                for (int k = 0; k < entries; k++) {
                    if (s.x0[k] < xt + T && s.x1[k] > xt) {
                        list[count++] = k;
                    }
                }
                if (count == 0 && !first) {
                    continue;
                }
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    eight(r, stride, xt, list, count, s.eo, emission, i, sums, first);
                }
                for (; i < n; i++) {
                    one(r, stride, xt, list, count, s.eo, emission, i, sums[i], first);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(sums[i], 0, acc[i], 0, wc);
        }
    }

    /** Frames {@code [i, i + 8)} of tile {@code xt}: adds the listed entries to the sums (from zero when first). */
    private static void eight(float[] r, int stride, int xt, int[] list, int count, int[] eo, float[] em, int i,
                              float[][] sums, boolean first) {
        float[] s0 = sums[i], s1 = sums[i + 1], s2 = sums[i + 2], s3 = sums[i + 3];
        float[] s4 = sums[i + 4], s5 = sums[i + 5], s6 = sums[i + 6], s7 = sums[i + 7];
        int xl = xt + L;
        FloatVector a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7;
        if (first) {
            a0 = FloatVector.zero(S);
            a1 = a0; a2 = a0; a3 = a0; a4 = a0; a5 = a0; a6 = a0; a7 = a0;
            b0 = a0; b1 = a0; b2 = a0; b3 = a0; b4 = a0; b5 = a0; b6 = a0; b7 = a0;
        } else {
            a0 = FloatVector.fromArray(S, s0, xt);
            b0 = FloatVector.fromArray(S, s0, xl);
            a1 = FloatVector.fromArray(S, s1, xt);
            b1 = FloatVector.fromArray(S, s1, xl);
            a2 = FloatVector.fromArray(S, s2, xt);
            b2 = FloatVector.fromArray(S, s2, xl);
            a3 = FloatVector.fromArray(S, s3, xt);
            b3 = FloatVector.fromArray(S, s3, xl);
            a4 = FloatVector.fromArray(S, s4, xt);
            b4 = FloatVector.fromArray(S, s4, xl);
            a5 = FloatVector.fromArray(S, s5, xt);
            b5 = FloatVector.fromArray(S, s5, xl);
            a6 = FloatVector.fromArray(S, s6, xt);
            b6 = FloatVector.fromArray(S, s6, xl);
            a7 = FloatVector.fromArray(S, s7, xt);
            b7 = FloatVector.fromArray(S, s7, xl);
        }
        for (int m = 0; m < count; m++) {
            int k = list[m];
            int ro = k * stride + xt, e = eo[k] + i;
            FloatVector u = FloatVector.fromArray(S, r, ro);
            FloatVector v = FloatVector.fromArray(S, r, ro + L);
            float w = em[e];
            a0 = a0.add(u.mul(w));
            b0 = b0.add(v.mul(w));
            w = em[e + 1];
            a1 = a1.add(u.mul(w));
            b1 = b1.add(v.mul(w));
            w = em[e + 2];
            a2 = a2.add(u.mul(w));
            b2 = b2.add(v.mul(w));
            w = em[e + 3];
            a3 = a3.add(u.mul(w));
            b3 = b3.add(v.mul(w));
            w = em[e + 4];
            a4 = a4.add(u.mul(w));
            b4 = b4.add(v.mul(w));
            w = em[e + 5];
            a5 = a5.add(u.mul(w));
            b5 = b5.add(v.mul(w));
            w = em[e + 6];
            a6 = a6.add(u.mul(w));
            b6 = b6.add(v.mul(w));
            w = em[e + 7];
            a7 = a7.add(u.mul(w));
            b7 = b7.add(v.mul(w));
        }
        a0.intoArray(s0, xt);
        b0.intoArray(s0, xl);
        a1.intoArray(s1, xt);
        b1.intoArray(s1, xl);
        a2.intoArray(s2, xt);
        b2.intoArray(s2, xl);
        a3.intoArray(s3, xt);
        b3.intoArray(s3, xl);
        a4.intoArray(s4, xt);
        b4.intoArray(s4, xl);
        a5.intoArray(s5, xt);
        b5.intoArray(s5, xl);
        a6.intoArray(s6, xt);
        b6.intoArray(s6, xl);
        a7.intoArray(s7, xt);
        b7.intoArray(s7, xl);
    }

    /** Frame i of tile {@code xt}. */
    private static void one(float[] r, int stride, int xt, int[] list, int count, int[] eo, float[] em, int i,
                            float[] sum, boolean first) {
        FloatVector a = first ? FloatVector.zero(S) : FloatVector.fromArray(S, sum, xt);
        FloatVector b = first ? FloatVector.zero(S) : FloatVector.fromArray(S, sum, xt + L);
        for (int m = 0; m < count; m++) {
            int k = list[m];
            int ro = k * stride + xt;
            float w = em[eo[k] + i];
            a = a.add(FloatVector.fromArray(S, r, ro).mul(w));
            b = b.add(FloatVector.fromArray(S, r, ro + L).mul(w));
        }
        a.intoArray(sum, xt);
        b.intoArray(sum, xt + L);
    }
}
