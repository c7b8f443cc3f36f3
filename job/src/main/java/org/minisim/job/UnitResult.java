package org.minisim.job;

import java.io.Serializable;
import java.util.ArrayList;
import org.minisim.render.CellRenderStats;

/**
 * What a {@link WorkUnit} reports back to the driver.
 *
 * @param kind         the unit's kind
 * @param t0           first frame (range units)
 * @param t1           one past the last frame (range units)
 * @param cellsJsonl   the recording's cell rows as JSON lines (truth unit; null otherwise)
 * @param gtPresent    names of the optional ground-truth arrays written (truth unit; null otherwise)
 * @param nUnits       ground-truth units (truth unit)
 * @param nDetectable  detectable units (truth unit)
 * @param seconds      wall seconds of the unit in its task
 * @param renderSums   the R-column sums over the frames the unit rendered (rendering units; null otherwise)
 */
public record UnitResult(WorkUnit.Kind kind, int t0, int t1, String cellsJsonl, ArrayList<String> gtPresent,
                         int nUnits, int nDetectable, double seconds,
                         CellRenderStats.Sums renderSums) implements Serializable {}
