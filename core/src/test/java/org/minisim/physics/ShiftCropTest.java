package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShiftCropTest {

    @Test
    void unshiftedFrameIsTheCentredCrop() {
        int hc = 8;
        int wc = 10;
        double[] c = new double[hc * wc];
        for (int p = 0; p < c.length; p++) {
            c[p] = p;
        }
        double[] out = new double[4 * 6];
        ShiftCrop.apply(c, hc, wc, 2, 2, 4, 6, 0.0, 0.0, out);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(c[(i + 2) * wc + j + 2], out[i * 6 + j]);
            }
        }
    }

    @Test
    void aKnownPixelMovesToTheRightPlace() {
        // a 4 px FOV padded to 8 px; content at canvas (5, 5) shifted by (−2, −2) lands at FOV (1, 1)
        double[] c = new double[64];
        c[5 * 8 + 5] = 1.0;
        double[] out = new double[16];
        ShiftCrop.apply(c, 8, 8, 2, 2, 4, 4, -2.0, -2.0, out);
        for (int p = 0; p < 16; p++) {
            assertEquals(p == 1 * 4 + 1 ? 1.0 : 0.0, out[p]);
        }
        // positive dy moves content down, positive dx right
        java.util.Arrays.fill(c, 0.0);
        c[3 * 8 + 3] = 1.0; // FOV (1, 1) unshifted
        ShiftCrop.apply(c, 8, 8, 2, 2, 4, 4, 1.0, 2.0, out);
        for (int p = 0; p < 16; p++) {
            assertEquals(p == 2 * 4 + 3 ? 1.0 : 0.0, out[p]);
        }
    }

    @Test
    void subPixelShiftIsExactBilinear() {
        int hc = 9;
        int wc = 9;
        double[] c = new double[hc * wc];
        for (int y = 0; y < hc; y++) {
            for (int x = 0; x < wc; x++) {
                c[y * wc + x] = 3.0 * y - 2.0 * x + 0.5 * x * y;
            }
        }
        double dy = 0.3;
        double dx = -0.7;
        double[] out = new double[5 * 5];
        ShiftCrop.apply(c, hc, wc, 2, 2, 5, 5, dy, dx, out);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double y = 2 + i - dy;
                double x = 2 + j - dx;
                // bilinear reproduces a bilinear function exactly
                assertEquals(3.0 * y - 2.0 * x + 0.5 * x * y, out[i * 5 + j], 1e-12);
            }
        }
    }

    @Test
    void marginContentComesIntoViewAndOutsideReadsZero() {
        int hc = 10;
        int wc = 10;
        double[] c = new double[hc * wc];
        for (int x = 0; x < wc; x++) {
            c[x] = 7.0; // top margin row
        }
        double[] out = new double[6 * 6];
        ShiftCrop.apply(c, hc, wc, 2, 2, 6, 6, 0.0, 0.0, out);
        assertEquals(0.0, out[0]);
        ShiftCrop.apply(c, hc, wc, 2, 2, 6, 6, 2.0, 0.0, out); // content moves down by the margin
        for (int j = 0; j < 6; j++) {
            assertEquals(7.0, out[j]);
        }
        ShiftCrop.apply(c, hc, wc, 2, 2, 6, 6, -2.0, 0.0, out); // exactly at the margin: all taps inside or weight 0
        assertEquals(0.0, out[0]);
        // beyond the margin samples leave the canvas and read 0 (a constant canvas shows the zero fill)
        java.util.Arrays.fill(c, 1.0);
        ShiftCrop.apply(c, hc, wc, 2, 2, 6, 6, 3.5, 0.0, out);
        assertEquals(0.0, out[0]);
        assertEquals(0.5, out[6], 1e-15);
        assertEquals(1.0, out[2 * 6], 1e-15);
    }

    @Test
    void explicitIntegerShiftMovesContentExactly() {
        int hc = 12;
        int wc = 12;
        double[] c = new double[hc * wc];
        java.util.Random r = new java.util.Random(1);
        for (int p = 0; p < c.length; p++) {
            c[p] = r.nextDouble();
        }
        double[] base = new double[8 * 8];
        double[] moved = new double[8 * 8];
        ShiftCrop.apply(c, hc, wc, 2, 2, 8, 8, 0, 0, base);
        ShiftCrop.apply(c, hc, wc, 2, 2, 8, 8, 1, 2, moved);
        for (int i = 0; i + 1 < 8; i++) {
            for (int j = 0; j + 2 < 8; j++) {
                assertEquals(base[i * 8 + j], moved[(i + 1) * 8 + j + 2]);
            }
        }
    }
}
