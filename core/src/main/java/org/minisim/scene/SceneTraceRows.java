package org.minisim.scene;

import java.util.Arrays;
import org.minisim.recording.UnitTraceRows;

/**
 * The ground-truth units' {@code (N, F)} traces, regenerated from their cells block by block by a scene's trace
 * source (all zero without cell_activity), so the truth writer never holds all of them.
 */
final class SceneTraceRows implements UnitTraceRows {
    private final TraceSource traces;
    private final int[] unitCells;
    private final int nFrames;

    /**
     * @param traces    the scene's trace source, or null without cell activity
     * @param unitCells the simulated-cell index of each unit, ascending
     * @param nFrames   F, frames per row
     */
    SceneTraceRows(TraceSource traces, int[] unitCells, int nFrames) {
        this.traces = traces;
        this.unitCells = unitCells;
        this.nFrames = nFrames;
    }

    @Override
    public int nUnits() {
        return unitCells.length;
    }

    @Override
    public int nFrames() {
        return nFrames;
    }

    @Override
    public boolean hasBleaching() {
        return traces != null && traces.bleaches() && unitCells.length > 0;
    }

    @Override
    public void fill(int u0, int u1, double[] c, double[] s, double[] bleaching) {
        int len = (u1 - u0) * nFrames;
        if (traces == null) {
            if (c != null) {
                Arrays.fill(c, 0, len, 0.0);
            }
            if (s != null) {
                Arrays.fill(s, 0, len, 0.0);
            }
            return;
        }
        TraceSource.Rows rows = traces.new Rows(nFrames);
        for (int u = u0; u < u1; u++) {
            rows.load(unitCells[u], nFrames);
            int off = (u - u0) * nFrames;
            if (c != null) {
                System.arraycopy(rows.c, 0, c, off, nFrames);
            }
            if (s != null) {
                System.arraycopy(rows.s, 0, s, off, nFrames);
            }
            if (rows.b != null && bleaching != null) {
                System.arraycopy(rows.b, 0, bleaching, off, nFrames);
            }
        }
    }
}
