package org.minisim.spec;

/**
 * The bare detector (docs/spec.md#imagesensor).
 *
 * @param nPxHeight         FOV rows, px
 * @param nPxWidth          FOV columns, px
 * @param pixelPitchUm      pitch on the chip, µm
 * @param quantumEfficiency photon → electron probability, (0, 1]
 * @param readNoiseE        read noise, electrons RMS
 * @param gainAduPerE       conversion gain, ADU per electron
 * @param bitDepth          ADC bits; counts clip to [0, 2^bitDepth − 1]
 */
public record ImageSensor(int nPxHeight, int nPxWidth, double pixelPitchUm, double quantumEfficiency,
                          double readNoiseE, double gainAduPerE, int bitDepth) implements java.io.Serializable {
    public static final ImageSensor DEFAULTS = new ImageSensor(256, 256, 3.0, 0.7, 2.0, 1.0, 8);

    /** @return ADC full scale in ADU, {@code 2^bitDepth − 1}, computed in double (2^b exactly, as a power would) */
    public double adcFullScale() {
        return bitDepth >= 0 && bitDepth < 63 ? (double) (1L << bitDepth) - 1.0 : StrictMath.pow(2.0, bitDepth) - 1.0;
    }
}
