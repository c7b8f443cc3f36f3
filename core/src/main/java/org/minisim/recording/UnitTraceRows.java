package org.minisim.recording;

/**
 * The {@code (N, F)} per-unit trace arrays of a ground truth ({@code C}, {@code S} and, when present,
 * {@code bleaching}), handed out a block of units at a time so a writer never needs all of them at once. A
 * recording plan regenerates the rows on demand; {@link #of(GroundTruth)} serves them from held arrays.
 */
public interface UnitTraceRows {

    /** @return N, the number of units */
    int nUnits();

    /** @return F, the number of frames of each row */
    int nFrames();

    /** @return whether the truth has a {@code bleaching} array */
    boolean hasBleaching();

    /**
     * Fills the rows of units {@code [u0, u1)}, all F frames each, row-major from index 0 of each destination;
     * a null destination is skipped.
     *
     * @param c         destination of {@code C} (calcium, a.u.), length ≥ (u1 − u0)·F, or null
     * @param s         destination of {@code S} (spikes per frame), length ≥ (u1 − u0)·F, or null
     * @param bleaching destination of the intact-fluorophore fraction (dimensionless), length ≥ (u1 − u0)·F, or
     *                  null; ignored when {@link #hasBleaching()} is false
     */
    void fill(int u0, int u1, double[] c, double[] s, double[] bleaching);

    /** @return the rows of a ground truth that holds its trace arrays */
    static UnitTraceRows of(GroundTruth gt) {
        if (gt.c() == null || gt.s() == null) {
            throw new IllegalArgumentException("this ground truth holds no C/S arrays (a streamed truth's statics)");
        }
        return new UnitTraceRows() {
            @Override
            public int nUnits() {
                return gt.nUnits();
            }

            @Override
            public int nFrames() {
                return gt.nFrames();
            }

            @Override
            public boolean hasBleaching() {
                return gt.bleaching() != null;
            }

            @Override
            public void fill(int u0, int u1, double[] c, double[] s, double[] bleaching) {
                int f = gt.nFrames();
                int from = u0 * f, len = (u1 - u0) * f;
                if (c != null) {
                    System.arraycopy(gt.c(), from, c, 0, len);
                }
                if (s != null) {
                    System.arraycopy(gt.s(), from, s, 0, len);
                }
                if (gt.bleaching() != null && bleaching != null) {
                    System.arraycopy(gt.bleaching(), from, bleaching, 0, len);
                }
            }
        };
    }
}
