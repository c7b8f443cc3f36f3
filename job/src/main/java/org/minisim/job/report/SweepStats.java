package org.minisim.job.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The numbers of one sweep's report, computed in this JVM from the sweep's cells as read from the cell table
 * ({@link SweepCells}; no Spark) — the one implementation behind {@code minisim report} and the report written at
 * the end of {@code minisim run}. Definitions (as SQL over the table would state them): a cell's detectable flag
 * counts when non-null, the detectable fraction is {@code detectable cells / cells with a flag}; SNR quantiles are
 * nearest-rank quantiles of the non-null {@code detection_snr} values: the ⌈q·n⌉-th smallest (1-based), which is
 * what Spark SQL's {@code percentile_approx(detection_snr, q, 10000)} returns for groups of under 5000 values (it
 * approximates it within q·n ± n/10000 ranks beyond).
 */
final class SweepStats {

    /** Bins of the depth profile. */
    static final int DEPTH_BINS = 12;
    /** Bins of the distributions. */
    static final int HIST_BINS = 20;
    /** Most cells drawn in the SNR-against-depth scatter plot (a deterministic hash sample). */
    static final int SCATTER_MAX = 4000;
    /** The SNR quantiles shown: first quartile, median, third quartile. */
    static final double[] SNR_QUANTILES = {0.25, 0.5, 0.75};

    private SweepStats() {}

    /**
     * @param recordings recordings with at least one row in the table
     * @param frames     frames of those recordings (sum of {@code n_frames} per recording)
     * @param cells      rows (cells)
     * @param flagged    cells with a non-null {@code detectable}
     * @param detectable cells with {@code detectable = true}
     */
    record Summary(long recordings, long frames, long cells, long flagged, long detectable) {
        double detectableFraction() {
            return flagged == 0 ? Double.NaN : (double) detectable / flagged;
        }
    }

    /**
     * One group (an axis value or a depth bin).
     *
     * @param x          the axis value, or the depth bin's centre, µm
     * @param cells      cells in the group
     * @param flagged    cells with a detectable flag
     * @param detectable detectable cells
     * @param snrCount   cells with a detection SNR
     * @param snrQ1      first quartile of the detection SNR (NaN without values)
     * @param snrMedian  median detection SNR
     * @param snrQ3      third quartile
     */
    record Group(double x, long cells, long flagged, long detectable, long snrCount, double snrQ1, double snrMedian,
                 double snrQ3) {
        double detectableFraction() {
            return flagged == 0 ? Double.NaN : (double) detectable / flagged;
        }
    }

    /**
     * A histogram of a column over fixed bins {@code [lo, hi]}, values outside clipped into the end bins.
     *
     * @param counts cells per bin
     * @param nulls  cells whose value is null
     */
    record Histogram(String column, double lo, double hi, long[] counts, long nulls) {
        long total() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }
    }

    /** Cells of the scatter plot: depth (µm), detection SNR, detectable flag. */
    record Scatter(double[] depthUm, double[] snr, boolean[] detectable) {}

    static Summary summary(SweepCells cells) {
        long flagged = 0, det = 0;
        for (byte d : cells.detectable()) {
            flagged += d >= 0 ? 1 : 0;
            det += d == 1 ? 1 : 0;
        }
        long frames = 0;
        for (SweepCells.Recording r : cells.recordings()) {
            frames += r.nFrames() == null ? 0 : r.nFrames();
        }
        return new Summary(cells.recordings().size(), frames, cells.size(), flagged, det);
    }

    /** @return the {@code ax_*} columns with at least one value in the sweep, sorted */
    static List<String> axes(SweepCells cells) {
        List<String> out = new ArrayList<>();
        cells.numbers().forEach((name, col) -> {
            if (name.startsWith("ax_") && any(col.has())) {
                out.add(name);
            }
        });
        out.sort(null);
        return out;
    }

    private static boolean any(boolean[] b) {
        for (boolean x : b) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    /** @return one group per distinct non-null value of {@code axis}, by increasing value */
    static List<Group> byAxis(SweepCells cells, String axis) {
        SweepCells.Numbers col = cells.column(axis);
        TreeMap<Double, List<Integer>> groups = new TreeMap<>();
        if (col != null) {
            for (int i = 0; i < cells.size(); i++) {
                if (col.has()[i]) {
                    double x = col.values()[i] == 0.0 ? 0.0 : col.values()[i]; // -0.0 groups with 0.0
                    groups.computeIfAbsent(x, k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((x, rows) -> out.add(group(cells, x, rows)));
        return out;
    }

    /**
     * @return the depth profile: {@link #DEPTH_BINS} equal bins over [min, max] of {@code depth_um} (empty bins
     *     left out), x the bin centre
     */
    static List<Group> byDepth(SweepCells cells) {
        SweepCells.Numbers d = cells.column("depth_um");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cells.size(); i++) {
            if (d.has()[i]) {
                lo = Math.min(lo, d.values()[i]);
                hi = Math.max(hi, d.values()[i]);
            }
        }
        if (lo > hi) {
            return List.of();
        }
        double width = hi > lo ? (hi - lo) / DEPTH_BINS : 1.0;
        TreeMap<Integer, List<Integer>> bins = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (d.has()[i]) {
                int b = Math.min(floorInt((d.values()[i] - lo) / width), DEPTH_BINS - 1);
                bins.computeIfAbsent(b, k -> new ArrayList<>()).add(i);
            }
        }
        List<Group> out = new ArrayList<>();
        double l = lo;
        bins.forEach((b, rows) -> out.add(group(cells, l + (b + 0.5) * width, rows)));
        return out;
    }

    private static Group group(SweepCells cells, double x, List<Integer> rows) {
        long flagged = 0, det = 0;
        SweepCells.Numbers snr = cells.column("detection_snr");
        double[] v = new double[rows.size()];
        int n = 0;
        for (int i : rows) {
            byte f = cells.detectable()[i];
            flagged += f >= 0 ? 1 : 0;
            det += f == 1 ? 1 : 0;
            if (snr.has()[i]) {
                v[n++] = snr.values()[i];
            }
        }
        double[] q = quantiles(Arrays.copyOf(v, n), SNR_QUANTILES);
        return new Group(x, rows.size(), flagged, det, n, q[0], q[1], q[2]);
    }

    /**
     * @param values the values (sorted in place; NaN sorts last)
     * @return per q the nearest-rank quantile, the ⌈q·n⌉-th smallest value (the smallest for q·n ≤ 1), or NaN
     *     without values
     */
    static double[] quantiles(double[] values, double[] qs) {
        Arrays.sort(values);
        double[] out = new double[qs.length];
        for (int k = 0; k < qs.length; k++) {
            if (values.length == 0) {
                out[k] = Double.NaN;
                continue;
            }
            long rank = (long) Math.ceil(qs[k] * values.length);
            out[k] = values[(int) Math.max(0, Math.min(values.length - 1, rank - 1))];
        }
        return out;
    }

    /** @return the histogram of a numeric column over {@link #HIST_BINS} bins of [lo, hi] */
    static Histogram histogram(SweepCells cells, String column, double lo, double hi) {
        double width = (hi - lo) / HIST_BINS;
        long[] counts = new long[HIST_BINS];
        long nulls = 0;
        SweepCells.Numbers c = cells.column(column);
        for (int i = 0; i < cells.size(); i++) {
            if (c == null || !c.has()[i]) {
                nulls++;
                continue;
            }
            counts[Math.max(0, Math.min(floorInt((c.values()[i] - lo) / width), HIST_BINS - 1))]++;
        }
        return new Histogram(column, lo, hi, counts, nulls);
    }

    /** @return ⌊x⌋ saturated to the int range (NaN → 0) */
    private static int floorInt(double x) {
        return (int) Math.floor(x);
    }

    /** @return up to {@link #SCATTER_MAX} cells with a depth and an SNR, chosen by a hash of (recording, cell) */
    static Scatter scatter(SweepCells cells) {
        SweepCells.Numbers d = cells.column("depth_um"), s = cells.column("detection_snr");
        List<long[]> keyed = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (d.has()[i] && s.has()[i]) {
                String key = cells.recordings().get(cells.recording()[i]).cacheKey();
                keyed.add(new long[] {hash(key, cells.cellIndex()[i]), i});
            }
        }
        keyed.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int n = Math.min(SCATTER_MAX, keyed.size());
        double[] depth = new double[n], snr = new double[n];
        boolean[] det = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = (int) keyed.get(k)[1];
            depth[k] = d.values()[i];
            snr[k] = s.values()[i];
            det[k] = cells.detectable()[i] == 1;
        }
        return new Scatter(depth, snr, det);
    }

    /** @return a fixed 64-bit hash of (cache key, cell index): FNV-1a over the key's characters, then a mix */
    static long hash(String key, int cell) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= cell * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
