package org.minisim.metrics;

import org.minisim.footprint.ImageStack;

/**
 * What a pipeline recovered (docs/scoring.md#estimate). Footprints are required; traces, activity and shifts are
 * optional (null). Built by name only, through {@link #builder()}, which accepts both spellings of each field:
 * {@code A}/{@code footprints}, {@code C}/{@code traces}, {@code S}/{@code activity}. Immutable: never modify the
 * arrays.
 *
 * @param footprints spatial footprints (n, H, W)
 * @param traces     calcium traces, one row of F values per estimated unit, or null
 * @param activity   deconvolved activity (a non-negative rate of unknown scale, not a spike train), one row per
 *                   unit, or null
 * @param shifts     motion-<em>correction</em> trajectory, flat row-major (F, 2) {@code (dy, dx)}, or null
 */
public record Estimate(ImageStack footprints, double[][] traces, double[][] activity, double[] shifts) {

    public Estimate {
        if (footprints == null) {
            throw new IllegalArgumentException("Estimate requires the footprints (set A or footprints).");
        }
        checkRows("traces", traces, footprints.size());
        checkRows("activity", activity, footprints.size());
        if (shifts != null && shifts.length % 2 != 0) {
            throw new IllegalArgumentException("shifts must be (F, 2), got " + shifts.length + " values");
        }
    }

    private static void checkRows(String name, double[][] rows, int n) {
        if (rows != null && rows.length != n) {
            throw new IllegalArgumentException(name + " has " + rows.length + " rows for " + n + " footprints");
        }
    }

    /** @return the footprints (terse alias) */
    public ImageStack A() {
        return footprints;
    }

    /** @return the traces (terse alias), or null */
    public double[][] C() {
        return traces;
    }

    /** @return the activity (terse alias), or null */
    public double[][] S() {
        return activity;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Named construction. Footprints: exactly one of {@link #A} / {@link #footprints} (neither → error mentioning
     * "footprints", both → error "not both"). C and S: when both spellings are set the terse one wins unless it is
     * null.
     */
    public static final class Builder {
        private ImageStack a;
        private ImageStack footprints;
        private boolean aSet;
        private boolean footprintsSet;
        private double[][] c;
        private double[][] traces;
        private double[][] s;
        private double[][] activity;
        private double[] shifts;

        private Builder() {}

        /** Footprints, terse spelling. */
        public Builder A(ImageStack value) {
            a = value;
            aSet = true;
            return this;
        }

        /** Footprints, spelled out. */
        public Builder footprints(ImageStack value) {
            footprints = value;
            footprintsSet = true;
            return this;
        }

        /** Traces, terse spelling (wins over {@link #traces} when not null). */
        public Builder C(double[][] value) {
            c = value;
            return this;
        }

        /** Traces, spelled out. */
        public Builder traces(double[][] value) {
            traces = value;
            return this;
        }

        /** Activity, terse spelling (wins over {@link #activity} when not null). */
        public Builder S(double[][] value) {
            s = value;
            return this;
        }

        /** Activity, spelled out. */
        public Builder activity(double[][] value) {
            activity = value;
            return this;
        }

        /** Motion-correction trajectory, flat (F, 2). */
        public Builder shifts(double[] value) {
            shifts = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException when no footprints were given ("footprints") or both spellings were
         *     ("not both")
         */
        public Estimate build() {
            if (aSet && footprintsSet) {
                throw new IllegalArgumentException("pass footprints or A, not both.");
            }
            ImageStack fp = footprintsSet ? footprints : a;
            if (fp == null) {
                throw new IllegalArgumentException("Estimate requires the footprints (set A or footprints).");
            }
            return new Estimate(fp, c != null ? c : traces, s != null ? s : activity, shifts);
        }
    }
}
