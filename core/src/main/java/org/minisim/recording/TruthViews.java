package org.minisim.recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintStack;
import org.minisim.footprint.ObservedFootprint;
import org.minisim.footprint.ImageStack;

/**
 * Derived views of a {@link GroundTruth} (docs/store-format.md#observed-footprints,
 * docs/store-format.md#detectable-subset): the planted and the observed footprints on the FOV, and the detectable
 * subset. The views are never stored; the observed stack is regenerated from the planted patches and the per-unit
 * optics scalars, memoised per ground-truth object.
 */
public final class TruthViews {

    private static final Map<GroundTruth, ImageStack> OBSERVED = Collections.synchronizedMap(new WeakHashMap<>());

    private TruthViews() {}

    /**
     * {@code A_planted}: each planted patch cropped to the FOV window, as an {@code (N, H, W)} float64 stack.
     */
    public static ImageStack aPlanted(GroundTruth gt) {
        List<ImageStack.Patch> ps = new ArrayList<>(gt.nUnits());
        for (Footprint f : gt.planted().footprints()) {
            ps.add(ImageStack.ofFootprint(cropToFov(gt, f)));
        }
        return new ImageStack(gt.fovHeight(), gt.fovWidth(), ps);
    }

    /**
     * {@code A_observed}, the recoverable target: without optics arrays the planted view; a unit with NaN sigma
     * keeps its planted footprint (gain ignored); otherwise its canvas patch is degraded with its
     * {@code (σ, gain)} (blurred on the canvas, so light from outside the FOV enters it), then cropped to the FOV.
     * Memoised per ground-truth object (the result is shared: never modify it).
     */
    public static ImageStack aObserved(GroundTruth gt) {
        ImageStack cached = OBSERVED.get(gt);
        if (cached != null) {
            return cached;
        }
        ImageStack made = observed(gt);
        OBSERVED.put(gt, made);
        return made;
    }

    private static ImageStack observed(GroundTruth gt) {
        double[] sigma = gt.observedSigmaPx(), gain = gt.observedGain();
        if (sigma == null || gain == null) {
            return aPlanted(gt);
        }
        List<ImageStack.Patch> ps = new ArrayList<>(gt.nUnits());
        for (int i = 0; i < gt.nUnits(); i++) {
            Footprint f = gt.planted().get(i);
            Footprint canvas = Double.isNaN(sigma[i]) ? f : ObservedFootprint.degrade(f, sigma[i], gain[i]);
            ps.add(ImageStack.ofFootprint(cropToFov(gt, canvas)));
        }
        return new ImageStack(gt.fovHeight(), gt.fovWidth(), ps);
    }

    private static Footprint cropToFov(GroundTruth gt, Footprint f) {
        return f.crop(gt.fovTop(), gt.fovLeft(), gt.fovHeight(), gt.fovWidth());
    }

    /** @return the indices of the detectable units, ascending */
    public static int[] detectableIndex(GroundTruth gt) {
        boolean[] d = gt.detectable();
        int n = 0;
        for (boolean b : d) {
            n += b ? 1 : 0;
        }
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    /**
     * {@code detectable_subset()}: a new ground truth of only the detectable units, in their original order;
     * subset index k is the k-th entry of {@link #detectableIndex}. Every per-unit field is sliced (null stays
     * null); the per-effect fields, focal depth, FOV window and canvas are carried unchanged.
     */
    public static GroundTruth detectableSubset(GroundTruth gt) {
        return selectUnits(gt, detectableIndex(gt));
    }

    /**
     * @return the ground truth restricted to the given units, in the given order (per-unit fields sliced); when
     *     the parent's observed view is already memoised, the subset's is its selected rows (no regeneration)
     */
    public static GroundTruth selectUnits(GroundTruth gt, int[] idx) {
        GroundTruth sub = slice(gt, idx);
        ImageStack parent = OBSERVED.get(gt);
        if (parent != null) {
            OBSERVED.putIfAbsent(sub, parent.select(idx));
        }
        return sub;
    }

    private static GroundTruth slice(GroundTruth gt, int[] idx) {
        List<Footprint> fs = new ArrayList<>(idx.length);
        for (int i : idx) {
            fs.add(gt.planted().get(i));
        }
        FootprintStack planted = new FootprintStack(fs, gt.planted().canvasH(), gt.planted().canvasW());
        int f = gt.nFrames();
        return new GroundTruth(planted, gt.fovTop(), gt.fovLeft(), gt.fovHeight(), gt.fovWidth(), f,
                rows(gt.c(), f, idx), rows(gt.s(), f, idx), rows(gt.centersUm(), 3, idx),
                rows(gt.amplitudePerCell(), 1, idx), rows(gt.inFocus(), idx), rows(gt.detectable(), idx),
                rows(gt.observedSigmaPx(), 1, idx), rows(gt.observedGain(), 1, idx), gt.shifts(),
                gt.illumination(), gt.vignette(), gt.leakage(), rows(gt.bleaching(), f, idx),
                gt.nNeuropilComponents(), gt.neuropilTemporal(), gt.neuropilSpatial(), gt.neuropilPopulation(),
                gt.vasculatureMask(), rows(gt.vesselOverlapFraction(), 1, idx), gt.focalDepthUm());
    }

    private static double[] rows(double[] a, int len, int[] idx) {
        if (a == null) {
            return null;
        }
        double[] out = new double[idx.length * len];
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(a, idx[k] * len, out, k * len, len);
        }
        return out;
    }

    private static boolean[] rows(boolean[] a, int[] idx) {
        if (a == null) {
            return null;
        }
        boolean[] out = new boolean[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = a[idx[k]];
        }
        return out;
    }

    /**
     * @param flat row-major {@code (n, len)} values (e.g. {@code C}, {@code S})
     * @param n    rows (e.g. N)
     * @param len  row length (e.g. F)
     * @return one array per row (copies)
     */
    public static double[][] unitRows(double[] flat, int n, int len) {
        if (flat.length != n * len) {
            throw new IllegalArgumentException("array length " + flat.length + " != " + n + " x " + len);
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * len, (i + 1) * len);
        }
        return out;
    }
}
