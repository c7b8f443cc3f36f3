/**
 * Sweep files (SPEC.md §6.2–6.6): {@link org.minisim.spec.sweep.SweepFile#read(String)} validates the whole file
 * and expands it into a {@link org.minisim.spec.sweep.SweepPlan} of recordings (point-major, seed-minor).
 */
package org.minisim.spec.sweep;
