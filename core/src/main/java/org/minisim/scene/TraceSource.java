package org.minisim.scene;

import org.minisim.physics.BleachingModel;
import org.minisim.physics.CellActivityModel;
import org.minisim.spec.Bleaching;

/**
 * Regenerates the traces of a recording's simulated cells on demand — calcium {@code C}, spikes {@code S}, the
 * bleach envelope {@code B} and the float32 emission {@code C·B} — so a plan holds per-cell scalars instead of
 * {@code N × F} arrays. Frames {@code [0, t)} of a cell come out the same whatever prefix is asked for, so a
 * frame-range task regenerates up to the end of its range (cost ∝ cells × frames up to the range end, cheap
 * next to rendering) and gets exactly the values a whole-movie run sees. Immutable and thread-safe.
 */
final class TraceSource {

    private final CellActivityModel.CellSimulator activity;
    private final Bleaching bleaching;
    private final double fps;
    private final double[] doses;
    private final int nFrames;

    /**
     * @param activity  the recording's activity model
     * @param bleaching the bleaching step when it runs, else null
     * @param fps       frame rate, Hz
     * @param doses     per-cell excitation dose (dimensionless) for bleaching, or null without bleaching
     * @param nFrames   F, the recording's frames
     */
    TraceSource(CellActivityModel.CellSimulator activity, Bleaching bleaching, double fps, double[] doses,
                int nFrames) {
        this.activity = activity;
        this.bleaching = bleaching;
        this.fps = fps;
        this.doses = doses;
        this.nFrames = nFrames;
    }

    /** @return N, the number of simulated cells */
    int nCells() {
        return activity.nCells();
    }

    /** @return F */
    int nFrames() {
        return nFrames;
    }

    /** @return whether cells carry a bleach envelope */
    boolean bleaches() {
        return bleaching != null;
    }

    /** @return the per-cell gains, dimensionless */
    double[] gains() {
        return activity.gains();
    }

    /** One thread's rows of one cell: {@code C} (a.u.), {@code S} (spikes/frame), {@code B} (or null). */
    final class Rows {
        final double[] c;
        final double[] s;
        final double[] b;
        private final CellActivityModel.CellSimulator.Workspace ws = new CellActivityModel.CellSimulator.Workspace();

        /** @param capacity the longest prefix (frames) these rows will hold */
        Rows(int capacity) {
            c = new double[capacity];
            s = new double[capacity];
            b = bleaching != null ? new double[capacity] : null;
        }

        /** Regenerates cell i's frames {@code [0, frames)} into {@link #c}, {@link #s} and {@link #b}. */
        void load(int i, int frames) {
            activity.cell(i, frames, c, s, ws);
            if (b != null) {
                BleachingModel.cellEnvelope(bleaching, fps, doses[i], c, frames, b);
            }
        }

        /** @return the emission of frame t of the loaded cell, float32 {@code C·B} */
        float emission(int t) {
            return (float) (b == null ? c[t] : c[t] * b[t]);
        }
    }

    /**
     * The traces the renderer and its statistics need for frames {@code [t0, t1)}.
     *
     * @param rendered cells whose emissions the composite adds (others get 0), ascending
     * @param units    cell index of each ground-truth unit, whose calcium the R-column statistics use
     */
    TraceWindow window(int t0, int t1, int[] rendered, int[] units) {
        int n = t1 - t0;
        int nCells = nCells();
        float[] emission = new float[Math.multiplyExact(nCells, n)];
        double[] unitC = new double[Math.multiplyExact(units.length, n)];
        if (n == 0) {
            return new TraceWindow(t0, t1, emission, unitC);
        }
        Rows rows = new Rows(t1);
        int r = 0, u = 0;
        while (r < rendered.length || u < units.length) {
            int cell = Math.min(r < rendered.length ? rendered[r] : Integer.MAX_VALUE,
                    u < units.length ? units[u] : Integer.MAX_VALUE);
            rows.load(cell, t1);
            if (r < rendered.length && rendered[r] == cell) {
                int row = cell * n;
                for (int t = t0; t < t1; t++) {
                    emission[row + t - t0] = rows.emission(t);
                }
                r++;
            }
            while (u < units.length && units[u] == cell) {
                System.arraycopy(rows.c, t0, unitC, u * n, n);
                u++;
            }
        }
        return new TraceWindow(t0, t1, emission, unitC);
    }
}
