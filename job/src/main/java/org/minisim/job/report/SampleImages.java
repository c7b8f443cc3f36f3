package org.minisim.job.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.minisim.export.ObservedMovie;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintStack;
import org.minisim.footprint.ObservedFootprint;
import org.minisim.store.ByteStore;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.SnapshotData;
import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ZarrDtype;

/**
 * Pictures of one recording for the report: the mean and max projections of {@code observed} (streamed over at
 * most {@link #PROJECTION_CHUNKS} evenly spaced chunks, bounded memory and time) with the contours of the
 * detectable cells' observed footprints, and a strip of evenly spaced frames. Contours are the edges of {@code A_observed ≥ ½ max} (the planted patch blurred with the
 * stored σ and gain, cropped to the FOV).
 */
final class SampleImages {

    /** Frames in the strip. */
    static final int STRIP_FRAMES = 6;
    /** Chunks of {@code observed} the projections read at most (evenly spaced over the movie). */
    static final int PROJECTION_CHUNKS = 8;
    /** Longer side of a projection image, px. */
    static final int PROJECTION_PX = 320;
    /** Longer side of a strip frame, px. */
    static final int STRIP_PX = 150;
    private static final Color CONTOUR = new Color(255, 170, 0);

    private SampleImages() {}

    /**
     * @param meanPng    mean projection with contours
     * @param maxPng     max projection with contours
     * @param stripPng   the strip of frames
     * @param stripAt    the frame indices of the strip
     * @param frames     frames F of the movie
     * @param projected  frames the projections are over (all of a short movie; of a long one, those of
     *                   {@link #PROJECTION_CHUNKS} evenly spaced chunks)
     * @param height     rows H, px
     * @param width      columns W, px
     * @param contours   detectable cells drawn
     */
    record Pictures(byte[] meanPng, byte[] maxPng, byte[] stripPng, int[] stripAt, int frames, int projected,
                    int height, int width, int contours) {}

    /**
     * Draws a recording's pictures. The detectable cells' masks are computed on a thread of their own while this
     * one streams the projections (the two halves take about as long, and neither needs the other).
     */
    static Pictures render(ByteStore store) throws IOException {
        ObservedMovie movie = ObservedMovie.open(store);
        int f = movie.frames(), h = movie.height(), w = movie.width();
        if (f == 0 || h == 0 || w == 0) {
            throw new ReportException(store.location() + ": observed has no frames");
        }
        java.util.concurrent.FutureTask<List<Mask>> masking = new java.util.concurrent.FutureTask<>(
                () -> detectableMasks(store, h, w));
        Thread maskThread = new Thread(masking, "minisim-report-masks");
        maskThread.setDaemon(true);
        maskThread.start();
        try {
            return render(store, movie, masking);
        } finally {
            masking.cancel(true); // no-op once done; stops the masks if the projections failed
        }
    }

    private static Pictures render(ByteStore store, ObservedMovie movie,
                                   java.util.concurrent.Future<List<Mask>> masking) throws IOException {
        int f = movie.frames(), h = movie.height(), w = movie.width();
        int n = h * w;
        double[] sum = new double[n];
        double[] mx = new double[n];
        Arrays.fill(mx, Double.NEGATIVE_INFINITY);
        int ns = Math.min(STRIP_FRAMES, f);
        int[] at = new int[ns];
        for (int k = 0; k < ns; k++) {
            at[k] = ns == 1 ? 0 : (int) Math.round((double) k * (f - 1) / (ns - 1));
        }
        double[][] strip = new double[ns][];
        int step = Math.max(1, movie.chunkFrames());
        int chunks = (f + step - 1) / step;
        // the projections from at most PROJECTION_CHUNKS evenly spaced chunks (every chunk of a short movie), plus
        // the chunks holding the strip's frames: a picture of a long movie without decoding all of it
        java.util.BitSet read = new java.util.BitSet(chunks);
        int picked = Math.min(chunks, PROJECTION_CHUNKS);
        for (int k = 0; k < picked; k++) {
            read.set(picked == 1 ? 0 : (int) Math.round((double) k * (chunks - 1) / (picked - 1)));
        }
        java.util.BitSet projected = (java.util.BitSet) read.clone();
        for (int t : at) {
            read.set(t / step);
        }
        int projectedFrames = 0;
        for (int c = read.nextSetBit(0); c >= 0; c = read.nextSetBit(c + 1)) {
            int t0 = c * step, t1 = Math.min(f, t0 + step);
            double[] v = movie.read(t0, t1).frames();
            boolean project = projected.get(c);
            for (int t = 0; t < t1 - t0; t++) {
                int base = t * n;
                if (project) {
                    for (int i = 0; i < n; i++) {
                        double x = v[base + i];
                        sum[i] += x;
                        if (x > mx[i]) {
                            mx[i] = x;
                        }
                    }
                    projectedFrames++;
                }
                for (int k = 0; k < ns; k++) {
                    if (at[k] == t0 + t) {
                        strip[k] = Arrays.copyOfRange(v, base, base + n);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            sum[i] /= projectedFrames;
        }
        List<Mask> masks = SweepReport.get(masking);
        java.util.BitSet outlines = contours(h, w, masks);
        byte[] meanPng = png(withContours(sum, h, w, outlines));
        byte[] maxPng = png(withContours(mx, h, w, outlines));
        return new Pictures(meanPng, maxPng, png(strip(strip, h, w)), at, f, projectedFrames, h, w, masks.size());
    }

    /**
     * A unit's mask on the FOV: pixel {@code (y0 + a, x0 + b)} is inside when {@code m[a·mw + b]}; outside the box
     * nothing is.
     *
     * @param y0 top FOV row of the box, px
     * @param x0 left FOV column of the box, px
     * @param mh box rows, px
     * @param mw box columns, px
     */
    record Mask(int y0, int x0, int mh, int mw, boolean[] m) {
        /** @return whether FOV pixel (y, x) is inside */
        boolean at(int y, int x) {
            int a = y - y0, b = x - x0;
            return a >= 0 && a < mh && b >= 0 && b < mw && m[a * mw + b];
        }
    }

    /** @return the pixels of {@code fp} at or above {@code level}, on the smallest box that holds them all */
    static Mask mask(Footprint fp, double level) {
        int ph = fp.ph(), pw = fp.pw();
        float[] patch = fp.patch();
        int a0 = ph, a1 = -1, b0 = pw, b1 = -1;
        for (int a = 0; a < ph; a++) {
            for (int b = 0; b < pw; b++) {
                if (patch[a * pw + b] >= level) {
                    a0 = Math.min(a0, a);
                    a1 = a;
                    b0 = Math.min(b0, b);
                    b1 = Math.max(b1, b);
                }
            }
        }
        if (a1 < 0) {
            return new Mask(fp.y0(), fp.x0(), 0, 0, new boolean[0]);
        }
        int mh = a1 - a0 + 1, mw = b1 - b0 + 1;
        boolean[] m = new boolean[mh * mw];
        for (int a = 0; a < mh; a++) {
            for (int b = 0; b < mw; b++) {
                m[a * mw + b] = patch[(a0 + a) * pw + b0 + b] >= level;
            }
        }
        return new Mask(fp.y0() + a0, fp.x0() + b0, mh, mw, m);
    }

    /** @return one mask per detectable unit: its observed footprint at or above half its maximum */
    static List<Mask> detectableMasks(ByteStore store, int h, int w) throws IOException {
        String p = RecordingLayout.PLANTED;
        Map<String, Object> attrs = Zarr.readAttributes(store, p);
        int[] canvas = pair(attrs.get("canvas_shape"), store, "canvas_shape");
        int[] off = pair(attrs.get("fov_offset"), store, "fov_offset");
        int[] offsets = ZarrDtype.toInts(array(store, p + "/offsets"));
        int[] shapes = ZarrDtype.toInts(array(store, p + "/shapes"));
        ZarrArrayMeta dm = meta(store, p + "/data");
        byte[] db = Zarr.readArray(store, p + "/data", dm);
        float[] data = dm.dtype() == ZarrDtype.F4 ? ZarrDtype.toFloats(db) : toFloats(dm.dtype().toDoubles(db));
        FootprintStack planted = FootprintStack.fromArrays(offsets, shapes, data, canvas[0], canvas[1]);
        boolean[] detectable = ZarrDtype.toBooleans(array(store, RecordingLayout.GROUND_TRUTH + "/detectable"));
        double[] sigma = optionalDoubles(store, RecordingLayout.GROUND_TRUTH + "/observed_sigma_px");
        double[] gain = optionalDoubles(store, RecordingLayout.GROUND_TRUTH + "/observed_gain");
        List<Mask> out = new ArrayList<>();
        for (int i = 0; i < planted.size() && i < detectable.length; i++) {
            if (!detectable[i]) {
                continue;
            }
            Footprint fp = planted.get(i);
            if (sigma != null && gain != null && !Double.isNaN(sigma[i]) && !fp.isEmpty()) {
                fp = ObservedFootprint.degrade(fp, sigma[i], gain[i]);
            }
            fp = fp.crop(off[0], off[1], h, w);
            if (fp.isEmpty()) {
                continue;
            }
            double half = 0.5 * fp.max();
            if (!(half > 0)) {
                continue;
            }
            out.add(mask(fp, half));
        }
        return out;
    }

    /** The image scaled to {@link #PROJECTION_PX} with every mask's boundary drawn along pixel edges. */
    static BufferedImage withContours(double[] img, int h, int w, List<Mask> masks) {
        return withContours(img, h, w, contours(h, w, masks));
    }

    /** @return the grey picture of {@code img} with the pixels of {@code contours} painted */
    static BufferedImage withContours(double[] img, int h, int w, java.util.BitSet contours) {
        double s = (double) PROJECTION_PX / Math.max(h, w);
        int oh = Math.max(1, (int) Math.round(h * s)), ow = Math.max(1, (int) Math.round(w * s));
        BufferedImage out = grey(img, h, w, oh, ow, range(img));
        int[] px = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int rgb = CONTOUR.getRGB() & 0xFFFFFF;
        for (int i = contours.nextSetBit(0); i >= 0; i = contours.nextSetBit(i + 1)) {
            px[i] = rgb;
        }
        return out;
    }

    /**
     * @return the pixels of a picture of an {@code h × w} image (scaled as {@link #withContours} scales it) on the
     *     masks' outlines (index y·width + x), drawn once for every picture of the recording
     */
    static java.util.BitSet contours(int h, int w, List<Mask> masks) {
        double s = (double) PROJECTION_PX / Math.max(h, w);
        int oh = Math.max(1, (int) Math.round(h * s)), ow = Math.max(1, (int) Math.round(w * s));
        java.util.BitSet px = new java.util.BitSet(oh * ow);
        double sy = (double) oh / h, sx = (double) ow / w;
        for (Mask k : masks) {
            for (int y = k.y0(); y < k.y0() + k.mh(); y++) {
                for (int x = k.x0(); x < k.x0() + k.mw(); x++) {
                    if (!k.at(y, x)) {
                        continue;
                    }
                    int xa = (int) Math.round(x * sx), xb = (int) Math.round((x + 1) * sx) - 1;
                    int ya = (int) Math.round(y * sy), yb = (int) Math.round((y + 1) * sy) - 1;
                    if (y == 0 || !k.at(y - 1, x)) {
                        line(px, ow, oh, xa, ya, xb, ya);
                    }
                    if (y == h - 1 || !k.at(y + 1, x)) {
                        line(px, ow, oh, xa, yb, xb, yb);
                    }
                    if (x == 0 || !k.at(y, x - 1)) {
                        line(px, ow, oh, xa, ya, xa, yb);
                    }
                    if (x == w - 1 || !k.at(y, x + 1)) {
                        line(px, ow, oh, xb, ya, xb, yb);
                    }
                }
            }
        }
        return px;
    }

    /**
     * A one-pixel horizontal or vertical line from (xa, ya) to (xb, yb), both ends included, clipped to the image:
     * the pixels {@code Graphics2D.drawLine} sets with a 1 px stroke, written straight into the pixels.
     */
    private static void line(java.util.BitSet px, int ow, int oh, int xa, int ya, int xb, int yb) {
        int x0 = Math.max(0, Math.min(xa, xb)), x1 = Math.min(ow - 1, Math.max(xa, xb));
        int y0 = Math.max(0, Math.min(ya, yb)), y1 = Math.min(oh - 1, Math.max(ya, yb));
        if (x0 > x1) {
            return;
        }
        for (int y = y0; y <= y1; y++) {
            px.set(y * ow + x0, y * ow + x1 + 1);
        }
    }

    /** The frames side by side on a common grey range, 4 px apart. */
    static BufferedImage strip(double[][] frames, int h, int w) {
        double s = (double) STRIP_PX / Math.max(h, w);
        int oh = Math.max(1, (int) Math.round(h * s)), ow = Math.max(1, (int) Math.round(w * s));
        int gap = 4;
        double[] all = new double[frames.length * h * w];
        for (int k = 0; k < frames.length; k++) {
            System.arraycopy(frames[k], 0, all, k * h * w, h * w);
        }
        double[] r = range(all);
        BufferedImage out = new BufferedImage(frames.length * ow + (frames.length - 1) * gap, oh,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), oh);
        for (int k = 0; k < frames.length; k++) {
            g.drawImage(grey(frames[k], h, w, oh, ow, r), k * (ow + gap), 0, null);
        }
        g.dispose();
        return out;
    }

    /** @return {low, high}: the 0.5th and 99.5th percentiles of the finite values (high > low) */
    static double[] range(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) {
            return new double[] {0, 1};
        }
        double lo = s[(int) Math.floor(0.005 * (s.length - 1))];
        double hi = s[(int) Math.ceil(0.995 * (s.length - 1))];
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    /** Nearest-neighbour resampling of an h × w image to oh × ow grey pixels over {@code r}. */
    static BufferedImage grey(double[] img, int h, int w, int oh, int ow, double[] r) {
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < oh; y++) {
            int sy = Math.min(h - 1, (int) ((long) y * h / oh));
            for (int x = 0; x < ow; x++) {
                int sx = Math.min(w - 1, (int) ((long) x * w / ow));
                double v = (img[sy * w + sx] - r[0]) / (r[1] - r[0]);
                int gl = v > 0 ? (v >= 1 ? 255 : (int) Math.floor(v * 255 + 0.5)) : 0;
                out.setRGB(x, y, gl << 16 | gl << 8 | gl);
            }
        }
        return out;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    private static ZarrArrayMeta meta(ByteStore store, String path) throws IOException {
        ZarrArrayMeta m = Zarr.readMeta(store, path);
        if (m == null) {
            throw new ReportException(store.location() + ": array '" + path + "' is missing");
        }
        return m;
    }

    private static byte[] array(ByteStore store, String path) throws IOException {
        return Zarr.readArray(store, path, meta(store, path));
    }

    private static double[] optionalDoubles(ByteStore store, String path) throws IOException {
        ZarrArrayMeta m = Zarr.readMeta(store, path);
        return m == null ? null : m.dtype().toDoubles(Zarr.readArray(store, path, m));
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static int[] pair(Object v, ByteStore store, String name) {
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            return new int[] {a.intValue(), b.intValue()};
        }
        throw new ReportException(store.location() + ": ground_truth/planted attribute '" + name + "' is " + v);
    }
}
