package org.minisim.physics;

/**
 * The neuropil components of one recording (docs/physics.md#neuropil), computed once and sliced by any frame range.
 *
 * @param k          number of components K
 * @param canvasH    canvas rows Hc, px
 * @param canvasW    canvas columns Wc, px
 * @param spatial    (K, Hc, Wc) row-major mean-balanced spatial fields S_k, dimensionless, ≥ 0
 * @param temporal   (K, F) row-major realised envelopes T_k(t) incl. the bleach fade, dimensionless, &gt; 0
 * @param population (F) population driver P(t), mean 1, dimensionless; null when absent
 */
public record NeuropilFields(int k, int canvasH, int canvasW, double[] spatial, double[] temporal,
                             double[] population) {

    /** @return frame count F of the envelopes */
    public int nFrames() {
        return k == 0 ? 0 : temporal.length / k;
    }
}
