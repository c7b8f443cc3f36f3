package org.minisim.job.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The stratifications of the calibration: each splits the cells by one confound the SNR model ignores
 * (crowding, vessels, depth, motion) and is fitted bin by bin.
 */
public enum Stratum {
    /** {@code depth_um} in bands of {@link #DEPTH_BAND_UM} µm covering the cells' depths. */
    DEPTH("depth", "depth_um"),
    /** {@code vessel_overlap_fraction} in [0, 0.05), [0.05, 0.25), [0.25, 0.5), [0.5, 1]; null = no vasculature. */
    VESSEL("vessel", "vessel_overlap_fraction"),
    /** {@code max_neighbor_cosine} in [0, 0.1), [0.1, 0.3), [0.3, 0.6), [0.6, 1]; null = no other unit. */
    CROWDING("crowding", "max_neighbor_cosine"),
    /** {@code has_motion}: false, true. */
    MOTION("motion", "has_motion");

    /** Width of a depth band, µm. */
    public static final double DEPTH_BAND_UM = 50.0;

    private static final double[] VESSEL_EDGES = {0, 0.05, 0.25, 0.5, 1};
    /** The lowest edge above 0 is the table's overlap cosine (FootprintOverlaps.OVERLAP_COSINE, the table's n_overlapping_neighbors threshold). */
    private static final double[] COSINE_EDGES = {0, 0.1, 0.3, 0.6, 1};

    /**
     * One bin: {@code lo ≤ v < hi} (the last numeric bin includes hi and anything above; the first, anything
     * below lo), or the cells whose value is null ({@code lo = hi = null}).
     *
     * @param label e.g. {@code [0.05,0.25)}, {@code no_vasculature}, {@code true}
     */
    public record Bin(String label, Double lo, Double hi) {}

    private final String id;
    private final String column;

    Stratum(String id, String column) {
        this.id = id;
        this.column = column;
    }

    /** @return the name used on the command line and in calibration.json */
    public String id() {
        return id;
    }

    /** @return the cell-table column it bins */
    public String column() {
        return column;
    }

    /**
     * @param ids comma-separated stratum names
     * @throws IllegalArgumentException naming an unknown one
     */
    public static List<Stratum> parseList(String ids) {
        List<Stratum> out = new ArrayList<>();
        for (String s : ids.split(",")) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            Stratum found = Arrays.stream(values()).filter(v -> v.id.equals(t)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown stratum '" + s.trim() + "' (known: "
                            + String.join(", ", Arrays.stream(values()).map(Stratum::id).toList()) + ")"));
            if (!out.contains(found)) {
                out.add(found);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--strata names no stratum");
        }
        return out;
    }

    /**
     * @param values the column per cell (NaN = null; booleans as 0/1)
     * @return the bins, in order (depth: the bands the values reach)
     */
    public List<Bin> bins(double[] values) {
        List<Bin> bins = new ArrayList<>();
        switch (this) {
            case DEPTH -> {
                double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
                boolean anyNull = false;
                for (double v : values) {
                    if (Double.isNaN(v)) {
                        anyNull = true;
                    } else {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                if (min <= max) {
                    long k0 = (long) Math.floor(min / DEPTH_BAND_UM), k1 = (long) Math.floor(max / DEPTH_BAND_UM);
                    for (long k = k0; k <= k1; k++) {
                        double lo = k * DEPTH_BAND_UM, hi = (k + 1) * DEPTH_BAND_UM;
                        bins.add(new Bin("[" + fmt(lo) + "," + fmt(hi) + ")", lo, hi));
                    }
                }
                if (anyNull) {
                    bins.add(new Bin("null", null, null));
                }
            }
            case VESSEL -> edges(bins, VESSEL_EDGES, "no_vasculature");
            case CROWDING -> edges(bins, COSINE_EDGES, "no_neighbor");
            case MOTION -> {
                bins.add(new Bin("false", 0.0, 0.0));
                bins.add(new Bin("true", 1.0, 1.0));
            }
        }
        return bins;
    }

    private static void edges(List<Bin> bins, double[] e, String nullLabel) {
        for (int i = 0; i + 1 < e.length; i++) {
            boolean last = i + 2 == e.length;
            bins.add(new Bin("[" + fmt(e[i]) + "," + fmt(e[i + 1]) + (last ? "]" : ")"), e[i], e[i + 1]));
        }
        bins.add(new Bin(nullLabel, null, null));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * @param bins  this stratum's {@link #bins}
     * @param value one cell's value (NaN = null)
     * @return the index of its bin, or -1 when no bin holds it
     */
    public int binOf(List<Bin> bins, double value) {
        int numeric = 0;
        for (Bin b : bins) {
            numeric += b.lo() == null ? 0 : 1;
        }
        if (Double.isNaN(value)) {
            for (int i = 0; i < bins.size(); i++) {
                if (bins.get(i).lo() == null) {
                    return i;
                }
            }
            return -1;
        }
        if (this == MOTION) {
            return value != 0 ? 1 : 0;
        }
        for (int i = 0; i < numeric; i++) {
            Bin b = bins.get(i);
            boolean aboveLo = i == 0 || value >= b.lo();
            boolean belowHi = i == numeric - 1 || value < b.hi();
            if (aboveLo && belowHi) {
                return i;
            }
        }
        return -1;
    }
}
