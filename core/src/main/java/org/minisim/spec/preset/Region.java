package org.minisim.spec.preset;

import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Neuropil;
import org.minisim.spec.Tissue;
import org.minisim.spec.Vasculature;

/**
 * Biology preset (docs/spec.md#region).
 *
 * @param population  the cell population (required)
 * @param tissue      scattering sample (required)
 * @param neuropil    neuropil step, or null
 * @param vasculature vasculature step, or null
 */
public record Region(NeuronPopulation population, Tissue tissue, Neuropil neuropil, Vasculature vasculature) {
}
