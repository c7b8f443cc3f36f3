/**
 * Sweep files (docs/sweeps.md): {@link org.minisim.spec.sweep.SweepFile#read(String)} validates the whole file
 * and expands it into a {@link org.minisim.spec.sweep.SweepPlan} of recordings (point-major, seed-minor).
 */
package org.minisim.spec.sweep;
