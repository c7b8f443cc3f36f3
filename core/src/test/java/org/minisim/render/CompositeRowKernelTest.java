package org.minisim.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintPatch;
import org.minisim.scene.CompositeRows;

/**
 * The composite's row kernels agree to the bit (docs/physics.md#composite): the vector kernel, tile by tile with
 * eight frames in registers, against the plain loops, on rows with partial tiles, frame counts that are not a
 * multiple of eight, more entries than one group, patches touching both canvas edges and one-pixel patches.
 */
class CompositeRowKernelTest {

    @Test
    void vectorKernelGivesTheScalarKernelsBits() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the test JVM runs with --add-modules=jdk.incubator.vector (pom.xml argLine)");
        VectorRowKernel vector = new VectorRowKernel();
        ScalarRowKernel scalar = new ScalarRowKernel();
        // one scratch each across every shape: it grows and is reused as a renderer's thread reuses it
        VectorRowKernel.VectorScratch vs = vector.newScratch();
        CompositeRowKernel.Scratch ss = scalar.newScratch();
        for (int[] shape : new int[][] {{70, 13, 40}, {64, 8, 300}, {33, 1, 5}, {288, 20, 150}, {7, 9, 3}}) {
            int wc = shape[0], n = shape[1], cells = shape[2];
            Random rnd = new Random(wc * 31L + n * 7L + cells);
            int hc = 6;
            FootprintPatch[] obs = new FootprintPatch[cells];
            for (int c = 0; c < cells; c++) {
                int pw = switch (c % 5) {
                    case 0 -> 1;
                    case 1 -> wc;
                    default -> 1 + rnd.nextInt(wc);
                };
                int x0 = c % 5 == 1 ? 0 : (c % 7 == 0 ? wc - pw : rnd.nextInt(wc - pw + 1));
                int ph = 1 + rnd.nextInt(hc), y0 = rnd.nextInt(hc - ph + 1);
                float[] p = new float[ph * pw];
                for (int k = 0; k < p.length; k++) {
                    p[k] = rnd.nextInt(4) == 0 ? 0f : rnd.nextFloat() * (float) Math.pow(10, rnd.nextInt(7) - 3);
                }
                obs[c] = new Footprint(y0, x0, ph, pw, p, hc, wc);
            }
            int[] rendered = new int[cells];
            for (int c = 0; c < cells; c++) {
                rendered[c] = c;
            }
            CompositeRows rows = new CompositeRows(hc, rendered, obs);
            float[] em = new float[cells * n];
            for (int k = 0; k < em.length; k++) {
                em[k] = rnd.nextFloat() * 50f;
            }
            for (int y = 0; y < hc; y++) {
                int from = rows.rowStart[y], to = rows.rowStart[y + 1];
                float[][] a = filled(n, wc + 3), b = filled(n, wc + 3);
                scalar.row(ss, obs, rows, from, to, em, n, a, wc);
                vector.vectorRow(vs, obs, rows, from, to, em, n, b, wc);
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(a[i], b[i], "wc " + wc + ", n " + n + ", cells " + cells + ": row " + y
                            + ", frame " + i);
                }
            }
        }
    }

    @Test
    void scalarKernelSumsInCellOrderFromZero() {
        float[] p = {0.1f, 0.7f};
        Footprint a = new Footprint(0, 1, 1, 2, p, 1, 4), b = new Footprint(0, 0, 1, 2, new float[] {0.3f, 0.9f}, 1, 4);
        CompositeRows rows = new CompositeRows(1, new int[] {0, 1}, new FootprintPatch[] {a, b});
        float[] em = {3f, 5f};
        float[][] acc = filled(1, 4);
        ScalarRowKernel k = new ScalarRowKernel();
        k.row(k.newScratch(), new FootprintPatch[] {a, b}, rows, 0, 2, em, 1, acc, 4);
        assertEquals(5f * 0.3f, acc[0][0]);
        assertEquals(3f * 0.1f + 5f * 0.9f, acc[0][1]);
        assertEquals(3f * 0.7f, acc[0][2]);
        assertEquals(0f, acc[0][3]);
    }

    /** Rows holding garbage: a kernel overwrites [0, wc) and leaves the rest alone. */
    private static float[][] filled(int n, int len) {
        float[][] a = new float[n][len];
        for (float[] r : a) {
            java.util.Arrays.fill(r, -7f);
        }
        return a;
    }
}
