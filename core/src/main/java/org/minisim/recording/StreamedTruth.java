package org.minisim.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * A recording's ground truth with its {@code (N, F)} unit traces served block by block instead of held: what a
 * recording plan keeps, so its memory does not grow with the duration. {@link #materialize()} gives the ordinary
 * {@link GroundTruth} (arrays of N·F doubles) when a caller wants it whole.
 *
 * @param statics the ground truth without its trace arrays ({@code c}, {@code s} and {@code bleaching} null)
 * @param traces  the unit traces ({@code C}, {@code S}, {@code bleaching})
 * @param stats   per-unit summaries of the traces
 */
public record StreamedTruth(GroundTruth statics, UnitTraceRows traces, UnitTraceStats stats) {

    public StreamedTruth {
        if (statics.c() != null || statics.s() != null || statics.bleaching() != null) {
            throw new IllegalArgumentException("the statics of a streamed truth must not hold trace arrays");
        }
        if (traces.nUnits() != statics.nUnits() || traces.nFrames() != statics.nFrames()
                || stats.nUnits() != statics.nUnits()) {
            throw new IllegalArgumentException("traces (" + traces.nUnits() + " x " + traces.nFrames() + ") and "
                    + "stats (" + stats.nUnits() + ") do not match the truth (" + statics.nUnits() + " x "
                    + statics.nFrames() + ")");
        }
    }

    /** @return a streamed view of a ground truth that holds its arrays */
    public static StreamedTruth of(GroundTruth gt) {
        UnitTraceRows rows = UnitTraceRows.of(gt);
        return new StreamedTruth(gt.withTraces(null, null, null), rows, UnitTraceStats.of(rows));
    }

    /** @return N, the number of units */
    public int nUnits() {
        return statics.nUnits();
    }

    /** @return F, the number of frames */
    public int nFrames() {
        return statics.nFrames();
    }

    /** @return names of the optional arrays present, canonical order (the store's {@code gt_present}) */
    public List<String> presentOptional() {
        List<String> names = new ArrayList<>();
        for (String n : GroundTruth.OPTIONAL_ORDER) {
            if (n.equals("bleaching") ? traces.hasBleaching() : statics.optional(n) != null) {
                names.add(n);
            }
        }
        return names;
    }

    /** @return the whole ground truth, with {@code C}, {@code S} and {@code bleaching} as (N, F) arrays */
    public GroundTruth materialize() {
        int n = nUnits(), f = nFrames();
        double[] c = new double[Math.multiplyExact(n, f)];
        double[] s = new double[c.length];
        double[] b = traces.hasBleaching() ? new double[c.length] : null;
        traces.fill(0, n, c, s, b);
        return statics.withTraces(c, s, b);
    }
}
