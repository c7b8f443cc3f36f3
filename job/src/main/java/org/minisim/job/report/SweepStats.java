package org.minisim.job.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The numbers of one sweep's report, each one Spark SQL aggregate over the sweep's partition of the cell table
 * (columns of {@code org.minisim.table.CellTable}). A cell's detectable flag counts when non-null; the
 * detectable fraction is {@code detectable cells / cells with a flag}. SNR quantiles are
 * {@code percentile_approx(detection_snr, q, 10000)} over non-null values.
 */
final class SweepStats {

    /** Bins of the depth profile. */
    static final int DEPTH_BINS = 12;
    /** Bins of the distributions. */
    static final int HIST_BINS = 20;
    /** Most cells drawn in the SNR-against-depth scatter plot (a deterministic hash sample). */
    static final int SCATTER_MAX = 4000;
    /** The SNR quantiles shown. */
    static final String SNR_QUANTILES = "percentile_approx(detection_snr, array(0.25, 0.5, 0.75), 10000)";

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

    static Summary summary(Dataset<Row> cells) {
        Row r = cells.agg(countDistinct(col("spec_cache_key")), count(lit(1)), count(col("detectable")),
                sum(when(col("detectable"), 1L).otherwise(0L))).first();
        Row f = cells.groupBy("spec_cache_key").agg(first(col("n_frames"), true).as("f"))
                .agg(sum(col("f"))).first();
        return new Summary(r.getLong(0), f.isNullAt(0) ? 0 : f.getLong(0), r.getLong(1), r.getLong(2),
                r.isNullAt(3) ? 0 : r.getLong(3));
    }

    /** @return one group per distinct non-null value of {@code axis}, by increasing value */
    static List<Group> byAxis(Dataset<Row> cells, String axis) {
        return groups(cells.filter(col(axis).isNotNull()), col(axis), axis);
    }

    /**
     * @return the depth profile: {@link #DEPTH_BINS} equal bins over [min, max] of {@code depth_um} (empty bins
     *     left out), x the bin centre
     */
    static List<Group> byDepth(Dataset<Row> cells) {
        Dataset<Row> d = cells.filter(col("depth_um").isNotNull());
        Row mm = d.agg(min("depth_um"), max("depth_um")).first();
        if (mm.isNullAt(0)) {
            return List.of();
        }
        double lo = mm.getDouble(0), hi = mm.getDouble(1);
        double width = hi > lo ? (hi - lo) / DEPTH_BINS : 1.0;
        Column bin = expr("least(cast(floor((depth_um - " + lo + ") / " + width + ") as int), " + (DEPTH_BINS - 1)
                + ")");
        List<Group> raw = groups(d, bin, "depth bin");
        List<Group> out = new ArrayList<>();
        for (Group g : raw) {
            out.add(new Group(lo + (g.x() + 0.5) * width, g.cells(), g.flagged(), g.detectable(), g.snrCount(),
                    g.snrQ1(), g.snrMedian(), g.snrQ3()));
        }
        return out;
    }

    private static List<Group> groups(Dataset<Row> cells, Column key, String what) {
        List<Row> rows = cells.groupBy(key.cast("double").as("x"))
                .agg(count(lit(1)), count(col("detectable")), sum(when(col("detectable"), 1L).otherwise(0L)),
                        count(col("detection_snr")), expr(SNR_QUANTILES))
                .orderBy("x").collectAsList();
        List<Group> out = new ArrayList<>();
        for (Row r : rows) {
            double q1 = Double.NaN, q2 = Double.NaN, q3 = Double.NaN;
            if (!r.isNullAt(5)) {
                List<Object> q = r.getList(5);
                q1 = ((Number) q.get(0)).doubleValue();
                q2 = ((Number) q.get(1)).doubleValue();
                q3 = ((Number) q.get(2)).doubleValue();
            }
            out.add(new Group(r.getDouble(0), r.getLong(1), r.getLong(2), r.isNullAt(3) ? 0 : r.getLong(3),
                    r.getLong(4), q1, q2, q3));
        }
        return out;
    }

    /** @return the histogram of a numeric column over {@link #HIST_BINS} bins of [lo, hi] */
    static Histogram histogram(Dataset<Row> cells, String column, double lo, double hi) {
        double width = (hi - lo) / HIST_BINS;
        Column bin = expr("greatest(0, least(cast(floor((" + column + " - " + lo + ") / " + width + ") as int), "
                + (HIST_BINS - 1) + "))");
        long[] counts = new long[HIST_BINS];
        for (Row r : cells.filter(col(column).isNotNull()).groupBy(bin.as("b")).agg(count(lit(1)))
                .collectAsList()) {
            counts[r.getInt(0)] = r.getLong(1);
        }
        long nulls = cells.filter(col(column).isNull()).count();
        return new Histogram(column, lo, hi, counts, nulls);
    }

    /** @return up to {@link #SCATTER_MAX} cells with a depth and an SNR, chosen by a hash of (recording, cell) */
    static Scatter scatter(Dataset<Row> cells) {
        List<Row> rows = cells.filter(col("depth_um").isNotNull().and(col("detection_snr").isNotNull()))
                .orderBy(expr("xxhash64(spec_cache_key, cell_index)")).limit(SCATTER_MAX)
                .select(col("depth_um"), col("detection_snr"), col("detectable")).collectAsList();
        double[] d = new double[rows.size()], s = new double[rows.size()];
        boolean[] det = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            d[i] = r.getDouble(0);
            s[i] = r.getDouble(1);
            det[i] = !r.isNullAt(2) && r.getBoolean(2);
        }
        return new Scatter(d, s, det);
    }
}
