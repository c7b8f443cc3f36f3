package org.minisim.job.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.recording.Recording;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.render.Simulator;
import org.minisim.render.SpecFixtures;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.BloscLz4Codec;
import org.minisim.store.FileByteStore;

/**
 * The report's pictures of one store: a short movie is projected over all its frames, a long one over
 * {@link SampleImages#PROJECTION_CHUNKS} evenly spaced chunks (first and last included), and the strip's frames are
 * the evenly spaced ones whatever chunks the projections read.
 */
class SampleImagesTest {

    @TempDir
    Path dir;

    /** A committed store of the quick-start chain with {@code observed} chunked by {@code chunkFrames}. */
    private FileByteStore store(String name, double seconds, int chunkFrames) throws IOException {
        Spec spec = SpecFixtures.quickstart(24, seconds, 3);
        Recording rec = Simulator.simulate(spec);
        FileByteStore store = new FileByteStore(dir.resolve(name));
        RecordingStoreWriter w = new RecordingStoreWriter(store, new BloscLz4Codec());
        int f = rec.frames(), frame = rec.height() * rec.width();
        w.createObserved(f, rec.height(), rec.width(),
                RecordingLayout.observedDtype(spec.output().storeDtype().jsonName()), chunkFrames);
        for (int c = 0; c * chunkFrames < f; c++) {
            int t0 = c * chunkFrames, t1 = Math.min(f, t0 + chunkFrames);
            w.writeObservedChunk(c, Arrays.copyOfRange(rec.observed(), t0 * frame, t1 * frame));
        }
        w.writeGroundTruth(rec.truth());
        w.writeSpecJson(CanonicalJson.pretty(spec));
        w.commit(CanonicalJson.cacheKey(spec), rec.truth().presentOptional(), List.of());
        return store;
    }

    @Test
    void aShortMovieIsProjectedOverEveryFrame() throws IOException {
        SampleImages.Pictures p = SampleImages.render(store("short.zarr", 1.0, 5)); // 20 frames, 4 chunks
        assertEquals(20, p.frames());
        assertEquals(20, p.projected());
        assertArrayEquals(new int[] {0, 4, 8, 11, 15, 19}, p.stripAt());
    }

    @Test
    void aLongMovieIsProjectedOverEvenlySpacedChunks() throws IOException {
        SampleImages.Pictures p = SampleImages.render(store("long.zarr", 3.0, 3)); // 60 frames, 20 chunks
        assertEquals(60, p.frames());
        assertEquals(SampleImages.PROJECTION_CHUNKS * 3, p.projected());
        assertArrayEquals(new int[] {0, 12, 24, 35, 47, 59}, p.stripAt());
    }

    /**
     * The contours written straight into the pixels are those of the plain drawing: {@code Graphics2D.drawLine}
     * with a 1 px stroke along every edge between a mask pixel and a pixel outside it (or the FOV's edge), on FOVs
     * smaller and larger than the picture and masks touching the FOV's edges.
     */
    @Test
    void contoursAreThoseOfAOnePixelStroke() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int[] hw : new int[][] {{48, 48}, {256, 256}, {500, 700}, {37, 91}}) {
            int h = hw[0], w = hw[1];
            double[] img = new double[h * w];
            for (int i = 0; i < img.length; i++) {
                img[i] = rnd.nextDouble();
            }
            List<SampleImages.Mask> masks = new java.util.ArrayList<>();
            for (int k = 0; k < 12; k++) {
                int mh = 1 + rnd.nextInt(Math.min(h, 30)), mw = 1 + rnd.nextInt(Math.min(w, 30));
                int y0 = k == 0 ? 0 : rnd.nextInt(h - mh + 1), x0 = k == 1 ? w - mw : rnd.nextInt(w - mw + 1);
                boolean[] m = new boolean[mh * mw];
                for (int i = 0; i < m.length; i++) {
                    m[i] = rnd.nextInt(3) > 0;
                }
                masks.add(new SampleImages.Mask(y0, x0, mh, mw, m));
            }
            java.awt.image.BufferedImage got = SampleImages.withContours(img, h, w, masks);
            java.awt.image.BufferedImage want = drawnWithGraphics(img, h, w, masks, got.getHeight(), got.getWidth());
            for (int y = 0; y < got.getHeight(); y++) {
                for (int x = 0; x < got.getWidth(); x++) {
                    assertEquals(want.getRGB(x, y), got.getRGB(x, y), h + " x " + w + " at (" + y + ", " + x + ")");
                }
            }
        }
    }

    /**
     * A detectable cell's mask holds exactly the pixels of its footprint at or above the level, on the smallest box
     * that holds them (every edge row and column of the box has one); a footprint with none has an empty box.
     */
    @Test
    void aMaskIsTheFootprintAtOrAboveTheLevelOnItsTightBox() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int ph = 1 + rnd.nextInt(20), pw = 1 + rnd.nextInt(20), top = rnd.nextInt(10), left = rnd.nextInt(10);
            double[] window = new double[ph * pw];
            for (int i = 0; i < window.length; i++) {
                window[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble();
            }
            org.minisim.footprint.Footprint fp = org.minisim.footprint.Footprint.fromWindow(window, ph, pw, top, left,
                    40, 40);
            double level = trial % 10 == 9 ? 2.0 : rnd.nextDouble();
            SampleImages.Mask m = SampleImages.mask(fp, level);
            int inside = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    int a = y - top, b = x - left;
                    boolean want = a >= 0 && a < ph && b >= 0 && b < pw && (float) window[a * pw + b] >= level;
                    assertEquals(want, m.at(y, x), "trial " + trial + " at (" + y + ", " + x + ")");
                    inside += want ? 1 : 0;
                }
            }
            if (inside == 0) {
                assertEquals(0, m.mh() * m.mw(), "trial " + trial);
                continue;
            }
            boolean top0 = false, bottom = false, left0 = false, right = false;
            for (int b = 0; b < m.mw(); b++) {
                top0 |= m.m()[b];
                bottom |= m.m()[(m.mh() - 1) * m.mw() + b];
            }
            for (int a = 0; a < m.mh(); a++) {
                left0 |= m.m()[a * m.mw()];
                right |= m.m()[a * m.mw() + m.mw() - 1];
            }
            assertEquals(List.of(true, true, true, true), List.of(top0, bottom, left0, right), "trial " + trial);
        }
    }

    /** The plain drawing: the grey picture, then drawLine along each mask's outer edges. */
    private static java.awt.image.BufferedImage drawnWithGraphics(double[] img, int h, int w,
                                                                 List<SampleImages.Mask> masks, int oh, int ow) {
        java.awt.image.BufferedImage out = SampleImages.grey(img, h, w, oh, ow, SampleImages.range(img));
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(new java.awt.Color(255, 170, 0));
        g.setStroke(new java.awt.BasicStroke(1f));
        double sy = (double) oh / h, sx = (double) ow / w;
        for (SampleImages.Mask k : masks) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!k.at(y, x)) {
                        continue;
                    }
                    int xa = (int) Math.round(x * sx), xb = (int) Math.round((x + 1) * sx) - 1;
                    int ya = (int) Math.round(y * sy), yb = (int) Math.round((y + 1) * sy) - 1;
                    if (y == 0 || !k.at(y - 1, x)) {
                        g.drawLine(xa, ya, xb, ya);
                    }
                    if (y == h - 1 || !k.at(y + 1, x)) {
                        g.drawLine(xa, yb, xb, yb);
                    }
                    if (x == 0 || !k.at(y, x - 1)) {
                        g.drawLine(xa, ya, xa, yb);
                    }
                    if (x == w - 1 || !k.at(y, x + 1)) {
                        g.drawLine(xb, ya, xb, yb);
                    }
                }
            }
        }
        g.dispose();
        return out;
    }
}
