package org.minisim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.Leakage;
import org.minisim.spec.Vignette;
import org.minisim.spec.Vec2;

class StaticFieldsTest {

    @Test
    void radialFalloffIsOneAtTheCentreFalloffAtTheCornerAndDecreasesOutward() {
        int h = 21;
        int w = 31;
        for (double falloff : new double[] {0.7, 0.5, 0.2, 0.0}) {
            double[] f = RadialFalloff.field(falloff, 2.0, new Vec2(0, 0), h, w, 0.5);
            assertEquals(1.0, f[10 * w + 15]);
            assertEquals(falloff, f[0], 1e-12);
            assertEquals(falloff, f[h * w - 1], 1e-12);
            for (int j = 16; j < w; j++) {
                assertTrue(f[10 * w + j] < f[10 * w + j - 1], "strictly decreasing outward");
            }
            for (double v : f) {
                assertTrue(v >= falloff - 1e-12 && v <= 1.0);
            }
        }
    }

    @Test
    void offsetMovesTheBrightSpotTheRightWay() {
        int h = 21;
        int w = 21;
        double px = 0.5;
        // +3 µm down, −2 µm left ⇒ +6 rows, −4 columns from the centre
        double[] f = RadialFalloff.field(0.3, 1.5, new Vec2(3.0, -2.0), h, w, px);
        int best = 0;
        for (int p = 1; p < f.length; p++) {
            if (f[p] > f[best]) {
                best = p;
            }
        }
        assertEquals(10 + 6, best / w);
        assertEquals(10 - 4, best % w);
        assertEquals(1.0, f[best]);
        // the farthest corner is now the top-right one
        assertEquals(0.3, f[w - 1], 1e-12);
    }

    @Test
    void illuminationAndVignetteUseTheirStepParameters() {
        double[] ill = RadialFalloff.field(IlluminationProfile.DEFAULTS, 9, 11, 0.5);
        double[] vig = RadialFalloff.field(Vignette.DEFAULTS, 9, 11, 0.5);
        assertEquals(0.7, ill[0], 1e-12);
        assertEquals(0.5, vig[0], 1e-12);
        assertEquals(1.0, ill[4 * 11 + 5]);
    }

    @Test
    void degenerateGridIsFlat() {
        double[] f = RadialFalloff.field(0.5, 2.0, new Vec2(0, 0), 1, 1, 1.0);
        assertEquals(1.0, f[0]);
    }

    @Test
    void uniformLeakageAddsItsLevelEverywhere() {
        double[] f = LeakageField.field(new Leakage(Leakage.Profile.UNIFORM, 0.25, null), 5, 7, 1.0);
        for (double v : f) {
            assertEquals(0.25, v);
        }
    }

    @Test
    void gaussianLeakagePeaksAtItsLevelInTheCentre() {
        int h = 41;
        int w = 41;
        double px = 0.5;
        double[] f = LeakageField.field(Leakage.DEFAULTS, h, w, px);
        assertEquals(0.1, f[20 * w + 20], 1e-15);
        assertTrue(f[0] < f[20 * w + 20]);
        // default σ = 0.25 · min FOV = 0.25 · 20.5 µm = 5.125 µm = 10.25 px
        double s = 10.25;
        assertEquals(0.1 * Math.exp(-(100.0) / (2 * s * s)), f[30 * w + 20], 1e-15);
        double[] g = LeakageField.field(new Leakage(Leakage.Profile.GAUSSIAN, 0.2, 2.0), h, w, px);
        assertEquals(0.2 * Math.exp(-(16.0 + 9.0) / (2 * 16.0)), g[24 * w + 23], 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> LeakageField.field(new Leakage(Leakage.Profile.GAUSSIAN, 0.2, 0.0), h, w, px));
    }
}
