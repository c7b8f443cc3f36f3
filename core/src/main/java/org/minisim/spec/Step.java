package org.minisim.spec;

/**
 * One pipeline step of a {@link Spec}: tagged by {@link #kind()}; each kind at most once per spec. Records are
 * plain immutable values; validation lives in the spec reader/validator.
 */
public sealed interface Step extends java.io.Serializable
        permits PlaceNeurons, CellActivity, Bleaching, CellOptics, Composite, Neuropil, Vasculature, BrainMotion,
                IlluminationProfile, Vignette, Leakage, Sensor {
    /** @return the discriminator of this step */
    StepKind kind();
}
