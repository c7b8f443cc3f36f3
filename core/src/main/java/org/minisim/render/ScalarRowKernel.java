package org.minisim.render;

import org.minisim.footprint.FootprintPatch;
import org.minisim.scene.CompositeRows;

/**
 * The composite row in plain Java: each entry's patch row is copied into a canvas-wide row buffer, then added
 * into four frames' row sums per pass over it (C2 vectorises these loops). Used when the JVM lacks the vector module.
 */
final class ScalarRowKernel implements CompositeRowKernel {

    /** One for every renderer (its row buffer is in each thread's {@link Scratch}). */
    static final ScalarRowKernel SHARED = new ScalarRowKernel();

    /** A canvas-wide row buffer, grown to the widest canvas seen. */
    static final class RowBuffer implements Scratch {
        float[] row = new float[0];
    }

    @Override
    public RowBuffer newScratch() {
        return new RowBuffer();
    }

    @Override
    public void row(Scratch scratch, FootprintPatch[] observed, CompositeRows rows, int from, int to,
                    float[] emission, int n, float[][] acc, int wc) {
        RowBuffer buffer = (RowBuffer) scratch;
        if (buffer.row.length < wc) {
            buffer.row = new float[wc];
        }
        float[] rowBuf = buffer.row;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(acc[i], 0, wc, 0f);
        }
        for (int k = from; k < to; k++) {
            int cell = rows.cell[k];
            FootprintPatch f = observed[cell];
            int pw = f.pw(), x0 = f.x0(), a = rows.patchRow[k];
            f.copyWindow(a, a + 1, 0, pw, rowBuf, x0);
            int eo = cell * n;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                axpy4(acc[i], acc[i + 1], acc[i + 2], acc[i + 3], rowBuf, x0, pw, emission[eo + i],
                        emission[eo + i + 1], emission[eo + i + 2], emission[eo + i + 3]);
            }
            for (; i < n; i++) {
                axpy(acc[i], rowBuf, x0, pw, emission[eo + i]);
            }
        }
    }

    /**
     * {@code a[off + k] += e · p[off + k]} for k &lt; len (float32). Both arrays use the same index so the JIT can
     * vectorise the loop (two different offsets into possibly aliased arrays defeat it, 5× slower).
     */
    private static void axpy(float[] a, float[] p, int off, int len, float e) {
        for (int k = 0; k < len; k++) {
            a[off + k] += e * p[off + k];
        }
    }

    /**
     * Four frames' {@link #axpy} in one pass over the patch row (one load of p per four multiply-adds); each
     * frame's sum sees exactly the same float operations as with {@link #axpy}.
     */
    private static void axpy4(float[] a0, float[] a1, float[] a2, float[] a3, float[] p, int off, int len, float e0,
                              float e1, float e2, float e3) {
        for (int k = 0; k < len; k++) {
            float v = p[off + k];
            a0[off + k] += e0 * v;
            a1[off + k] += e1 * v;
            a2[off + k] += e2 * v;
            a3[off + k] += e3 * v;
        }
    }
}
