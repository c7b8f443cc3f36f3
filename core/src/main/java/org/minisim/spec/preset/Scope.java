package org.minisim.spec.preset;

import org.minisim.spec.AutoDouble;
import org.minisim.spec.IlluminationProfile;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Leakage;
import org.minisim.spec.Optics;
import org.minisim.spec.Vignette;

/**
 * Hardware preset (docs/spec.md#scope): the objective, the detector and the scope-side sensor-domain effects.
 *
 * @param optics                 objective lens (required)
 * @param imageSensor            bare detector (required)
 * @param illumination           excitation falloff step, or null
 * @param vignette               collection falloff step, or null
 * @param leakage                glow step, or null
 * @param photonsPerUnit         exposure scale of the sensor step, photons per a.u. (&gt; 0)
 * @param focalDepthInTissueUm   focal depth, µm, or auto (checked once copied into an Acquisition)
 * @param frontWorkingDistanceUm informational working distance, µm, or null
 */
public record Scope(Optics optics, ImageSensor imageSensor, IlluminationProfile illumination, Vignette vignette,
                    Leakage leakage, double photonsPerUnit, AutoDouble focalDepthInTissueUm,
                    Double frontWorkingDistanceUm) {
}
