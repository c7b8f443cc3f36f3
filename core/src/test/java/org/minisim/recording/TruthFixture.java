package org.minisim.recording;

import java.util.Arrays;
import java.util.List;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintStack;

/**
 * Hand-built ground truths for the metric and view tests: planted footprints on a canvas, an FOV window, traces
 * and flags; everything else defaulted (centres 0, amplitude NaN, in focus, optional arrays null unless set).
 */
public final class TruthFixture {

    private final int canvasH;
    private final int canvasW;
    private final List<Footprint> planted;
    private int fovTop;
    private int fovLeft;
    private int fovH;
    private int fovW;
    private int frames;
    private double[] c;
    private double[] s;
    private boolean[] detectable;
    private double[] sigma;
    private double[] gain;
    private double[] shifts;
    private double[] vignette;
    private double[] bleaching;
    private double[] vessel;

    private TruthFixture(int canvasH, int canvasW, List<Footprint> planted) {
        this.canvasH = canvasH;
        this.canvasW = canvasW;
        this.planted = planted;
        this.fovH = canvasH;
        this.fovW = canvasW;
    }

    /** Planted footprints, each made from a dense canvas image; FOV = canvas, no frames, all detectable. */
    public static TruthFixture fromImages(int canvasH, int canvasW, double[]... images) {
        Footprint[] fs = new Footprint[images.length];
        for (int i = 0; i < images.length; i++) {
            fs[i] = Footprint.fromDense(images[i], canvasH, canvasW);
        }
        TruthFixture f = new TruthFixture(canvasH, canvasW, List.of(fs));
        boolean[] d = new boolean[images.length];
        Arrays.fill(d, true);
        f.detectable = d;
        f.c = new double[0];
        f.s = new double[0];
        return f;
    }

    public TruthFixture fov(int top, int left, int h, int w) {
        fovTop = top;
        fovLeft = left;
        fovH = h;
        fovW = w;
        return this;
    }

    /** Traces C and S, flat (N, F). */
    public TruthFixture traces(int nFrames, double[] cFlat, double[] sFlat) {
        frames = nFrames;
        c = cFlat;
        s = sFlat;
        return this;
    }

    public TruthFixture detectable(boolean... flags) {
        detectable = flags;
        return this;
    }

    public TruthFixture optics(double[] sigmaPx, double[] gains) {
        sigma = sigmaPx;
        gain = gains;
        return this;
    }

    public TruthFixture shifts(double[] flatF2) {
        shifts = flatF2;
        return this;
    }

    public TruthFixture vignette(double[] hw) {
        vignette = hw;
        return this;
    }

    public TruthFixture bleaching(double[] nf) {
        bleaching = nf;
        return this;
    }

    public TruthFixture vesselOverlap(double[] n) {
        vessel = n;
        return this;
    }

    public GroundTruth build() {
        int n = planted.size();
        double[] centers = new double[3 * n];
        for (int i = 0; i < n; i++) {
            centers[3 * i] = 10.0 * i; // distinct depths to check slicing
        }
        double[] amp = new double[n];
        Arrays.fill(amp, Double.NaN);
        boolean[] inFocus = new boolean[n];
        Arrays.fill(inFocus, true);
        double[] cc = c.length == 0 && frames == 0 ? new double[0] : c;
        return new GroundTruth(new FootprintStack(planted, canvasH, canvasW), fovTop, fovLeft, fovH, fovW, frames,
                cc, s, centers, amp, inFocus, detectable, sigma, gain, shifts, null, vignette, null, bleaching, 0,
                null, null, null, null, vessel, 50.0);
    }
}
