package org.minisim.physics;

import java.util.ArrayList;
import java.util.List;
import org.minisim.footprint.GaussianFilter;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.Optics;
import org.minisim.spec.Tissue;
import org.minisim.spec.Vasculature;
import org.minisim.spec.VesselLayer;

/**
 * The static vessel transmission mask of docs/physics.md#vasculature, multiplied into every canvas frame. Per layer:
 * grow {@code n_roots} trees, rasterise them to a blood path length L (µm), convert by Beer–Lambert to
 * {@code M_l = 1 − opacity·(1 − exp(−κ·L))}, blur (nearest mode) by the layer's optical blur
 * {@code sqrt(σ_diff² + σ_sc(depth)² + σ_def(depth, focal)²)/px}, and multiply the layers together.
 *
 * <p>Streams: layer l, root j draws from {@code rs.stream(VESSEL, l, j)}.
 */
public final class VesselMask {

    private VesselMask() {}

    /**
     * @param step           the vasculature step
     * @param canvasH        canvas rows Hc, px
     * @param canvasW        canvas columns Wc, px
     * @param pixelSizeUm    µm/px
     * @param optics         objective (diffraction and defocus blur)
     * @param tissue         sample (scatter blur)
     * @param focalDepthUm   resolved focal depth below the surface, µm (on axis)
     * @param rs             the recording's streams
     * @return (Hc, Wc) row-major transmission in (0, 1], dimensionless; null when the step is not effective
     */
    public static double[] build(Vasculature step, int canvasH, int canvasW, double pixelSizeUm, Optics optics,
                                 Tissue tissue, double focalDepthUm, RandomStreams rs) {
        if (!step.isEffective()) {
            return null;
        }
        double[] mask = new double[canvasH * canvasW];
        java.util.Arrays.fill(mask, 1.0);
        double hUm = canvasH * pixelSizeUm;
        double wUm = canvasW * pixelSizeUm;
        List<VesselLayer> layers = step.layers();
        for (int l = 0; l < layers.size(); l++) {
            VesselLayer layer = layers.get(l);
            List<VesselSegment> segments = layerSegments(layer, l, hUm, wUm, rs);
            if (segments.isEmpty()) {
                continue;
            }
            double[] pathUm = VesselRasterizer.rasterise(segments, canvasH, canvasW, pixelSizeUm);
            double[] m = transmission(pathUm, layer.opacity(), layer.absorptionPerUm());
            double sigmaPx = layerBlurSigmaUm(layer.depthUm(), optics, tissue, focalDepthUm) / pixelSizeUm;
            double[] blurred = GaussianFilter.filter(m, canvasH, canvasW, sigmaPx, GaussianFilter.Boundary.NEAREST);
            for (int p = 0; p < mask.length; p++) {
                mask[p] *= blurred[p];
            }
        }
        return mask;
    }

    /** @return all segments of layer l (roots j = 0..n_roots−1, each from {@code stream(VESSEL, l, j)}), µm */
    public static List<VesselSegment> layerSegments(VesselLayer layer, int l, double hUm, double wUm,
                                                    RandomStreams rs) {
        List<VesselSegment> all = new ArrayList<>();
        for (int j = 0; j < layer.nRoots(); j++) {
            all.addAll(VesselTree.seedAndGrow(layer, hUm, wUm, rs.stream(Purpose.VESSEL, l, j)));
        }
        return all;
    }

    /**
     * The optical blur a layer's shadow gets: {@code sqrt(σ_diff² + σ_sc(depth)² + σ_def(depth, focal)²)}, µm.
     */
    public static double layerBlurSigmaUm(double depthUm, Optics optics, Tissue tissue, double focalDepthUm) {
        double sd = optics.diffractionSigmaUm();
        double ss = tissue.scatterSigmaUm(depthUm);
        double sf = optics.defocusSigmaUm(depthUm, focalDepthUm);
        return Math.sqrt(sd * sd + ss * ss + sf * sf);
    }

    /**
     * Beer–Lambert transmission with an opacity ceiling: {@code 1 − opacity·(1 − exp(−κ·L))}.
     *
     * @param pathUm          blood path length per pixel, µm
     * @param opacity         maximum absorbed fraction, [0, 1]
     * @param absorptionPerUm κ, 1/µm
     * @return a new array in [1 − opacity, 1], dimensionless
     */
    public static double[] transmission(double[] pathUm, double opacity, double absorptionPerUm) {
        double[] out = new double[pathUm.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = 1.0 - opacity * (1.0 - StrictMath.exp(-absorptionPerUm * pathUm[p]));
        }
        return out;
    }
}
