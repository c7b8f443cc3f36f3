package org.minisim.recording;

import java.util.ArrayList;
import java.util.List;
import org.minisim.footprint.FootprintStack;

/**
 * The exact ground truth of a recording (docs/store-format.md#ground_truth, docs/physics.md#ground-truth). All arrays
 * are flat, row-major, with the shapes given per component; N = units, F = frames, K = neuropil components, H × W =
 * FOV. Optional components are null when their step did not produce them. Arrays are never modified after construction.
 *
 * @param planted               sparse planted footprints on the canvas (sharp, peak 1), N units
 * @param fovTop                FOV top offset inside the canvas, px
 * @param fovLeft               FOV left offset inside the canvas, px
 * @param fovHeight             H, px
 * @param fovWidth              W, px
 * @param nFrames               F
 * @param c                     (N, F) calcium traces incl. gain and baseline, a.u. (null only in the statics
 *                              of a {@link StreamedTruth}, whose traces are served block by block)
 * @param s                     (N, F) spikes per frame (null only in a {@link StreamedTruth}'s statics)
 * @param centersUm             (N, 3) (z, y, x) µm
 * @param amplitudePerCell      (N) per-cell gain; NaN without activity
 * @param inFocus               (N) geometric in-focus flag
 * @param detectable            (N) detectability flag
 * @param observedSigmaPx       (N) observed blur σ, px (NaN entries allowed) — optional
 * @param observedGain          (N) observed gain (attenuation × NA²) — optional, present iff sigma is
 * @param shifts                (F, 2) applied content displacement (dy, dx), px — optional
 * @param illumination          (H, W) excitation falloff — optional
 * @param vignette              (H, W) collection falloff — optional
 * @param leakage               (H, W) additive glow, a.u. — optional
 * @param bleaching             (N, F) intact-fluorophore fraction — optional (always null in a
 *                              {@link StreamedTruth}'s statics)
 * @param nNeuropilComponents   K (0 without neuropil)
 * @param neuropilTemporal      (K, F) realised envelopes — optional
 * @param neuropilSpatial       (K, H, W) FOV-cropped spatial fields — optional
 * @param neuropilPopulation    (F) population driver — optional
 * @param vasculatureMask       (H, W) FOV-cropped transmission in (0, 1] — optional
 * @param vesselOverlapFraction (N) footprint-weighted vessel burden in [0, 1) — optional
 * @param focalDepthUm          resolved focal plane, µm; null when the optics step did not run
 */
public record GroundTruth(FootprintStack planted, int fovTop, int fovLeft, int fovHeight, int fovWidth,
                          int nFrames, double[] c, double[] s, double[] centersUm, double[] amplitudePerCell,
                          boolean[] inFocus, boolean[] detectable, double[] observedSigmaPx,
                          double[] observedGain, double[] shifts, double[] illumination, double[] vignette,
                          double[] leakage, double[] bleaching, int nNeuropilComponents,
                          double[] neuropilTemporal, double[] neuropilSpatial, double[] neuropilPopulation,
                          double[] vasculatureMask, double[] vesselOverlapFraction, Double focalDepthUm) {

    /** Names of the optional arrays in their canonical order (docs/store-format.md#optional-arrays). */
    public static final List<String> OPTIONAL_ORDER = List.of("observed_sigma_px", "observed_gain", "shifts",
            "illumination", "vignette", "leakage", "bleaching", "neuropil_temporal", "neuropil_spatial",
            "neuropil_population", "vasculature_mask", "vessel_overlap_fraction");

    /**
     * @return this truth with other trace arrays (the rest shared): {@code (N, F)} calcium {@code c} (a.u.),
     *     spikes {@code s} and intact fraction {@code bleaching}; all null for a streamed truth's statics
     */
    public GroundTruth withTraces(double[] c, double[] s, double[] bleaching) {
        return new GroundTruth(planted, fovTop, fovLeft, fovHeight, fovWidth, nFrames, c, s, centersUm,
                amplitudePerCell, inFocus, detectable, observedSigmaPx, observedGain, shifts, illumination, vignette,
                leakage, bleaching, nNeuropilComponents, neuropilTemporal, neuropilSpatial, neuropilPopulation,
                vasculatureMask, vesselOverlapFraction, focalDepthUm);
    }

    /** @return N, the number of units */
    public int nUnits() {
        return planted.size();
    }

    /** @return the optional array of that store name, or null */
    public double[] optional(String name) {
        return switch (name) {
            case "observed_sigma_px" -> observedSigmaPx;
            case "observed_gain" -> observedGain;
            case "shifts" -> shifts;
            case "illumination" -> illumination;
            case "vignette" -> vignette;
            case "leakage" -> leakage;
            case "bleaching" -> bleaching;
            case "neuropil_temporal" -> neuropilTemporal;
            case "neuropil_spatial" -> neuropilSpatial;
            case "neuropil_population" -> neuropilPopulation;
            case "vasculature_mask" -> vasculatureMask;
            case "vessel_overlap_fraction" -> vesselOverlapFraction;
            default -> throw new IllegalArgumentException("not an optional ground-truth array: " + name);
        };
    }

    /** @return the store shape of an optional array (docs/store-format.md#optional-arrays) */
    public long[] optionalShape(String name) {
        return optionalShape(name, nUnits(), nFrames, nNeuropilComponents, fovHeight, fovWidth);
    }

    /**
     * @return the store shape of an optional array for N units, F frames, K neuropil components and an H × W FOV
     * @throws IllegalArgumentException for a name that is not an optional ground-truth array
     */
    public static long[] optionalShape(String name, long n, long f, long k, long h, long w) {
        return switch (name) {
            case "observed_sigma_px", "observed_gain", "vessel_overlap_fraction" -> new long[] {n};
            case "shifts" -> new long[] {f, 2};
            case "illumination", "vignette", "leakage", "vasculature_mask" -> new long[] {h, w};
            case "bleaching" -> new long[] {n, f};
            case "neuropil_temporal" -> new long[] {k, f};
            case "neuropil_spatial" -> new long[] {k, h, w};
            case "neuropil_population" -> new long[] {f};
            default -> throw new IllegalArgumentException("not an optional ground-truth array: " + name);
        };
    }

    /** @return names of the non-null optional arrays, canonical order (the store's {@code gt_present}) */
    public List<String> presentOptional() {
        List<String> names = new ArrayList<>();
        for (String n : OPTIONAL_ORDER) {
            if (optional(n) != null) {
                names.add(n);
            }
        }
        return names;
    }

    /** @return canvas rows Hc of the planted stack */
    public int canvasHeight() {
        return planted.canvasH();
    }

    /** @return canvas columns Wc of the planted stack */
    public int canvasWidth() {
        return planted.canvasW();
    }
}
