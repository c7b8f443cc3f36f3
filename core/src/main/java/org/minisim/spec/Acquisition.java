package org.minisim.spec;

/**
 * Instrument and sampling (docs/spec.md#acquisition). Owns every µm/s ↔ px/frame conversion.
 *
 * @param optics                 the objective
 * @param imageSensor            the detector
 * @param tissue                 the sample
 * @param fps                    frame rate, Hz
 * @param durationS              recording length, s
 * @param focalDepthInTissueUm   focal plane depth below the surface, µm, or auto (resolved by the optics step)
 * @param frontWorkingDistanceUm informational only, µm; null if unset
 */
public record Acquisition(Optics optics, ImageSensor imageSensor, Tissue tissue, double fps, double durationS,
                          AutoDouble focalDepthInTissueUm, Double frontWorkingDistanceUm) implements java.io.Serializable {
    public static final Acquisition DEFAULTS = new Acquisition(Optics.DEFAULTS, ImageSensor.DEFAULTS,
            Tissue.DEFAULTS, 20.0, 150.0, AutoDouble.AUTO, null);

    /** @return object-space pixel size, µm: {@code pixel_pitch_um / magnification} */
    public double pixelSizeUm() {
        return imageSensor.pixelPitchUm() / optics.magnification();
    }

    /** @return FOV height, µm */
    public double fovHeightUm() {
        return imageSensor.nPxHeight() * pixelSizeUm();
    }

    /** @return FOV width, µm */
    public double fovWidthUm() {
        return imageSensor.nPxWidth() * pixelSizeUm();
    }

    /** @return number of frames: round-half-even of {@code duration_s · fps} */
    public int nFrames() {
        return (int) Math.rint(durationS * fps);
    }
}
