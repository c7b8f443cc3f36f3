package org.minisim.job.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.minisim.job.exec.Failures;
import org.minisim.job.JobMetadata;
import org.minisim.job.spark.SparkSessions;
import org.minisim.job.storage.HadoopByteStore;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;

/**
 * The sweep report: one self-contained HTML page ({@code <outDir>/index.html}: no script, no network, every image
 * a PNG data URI) with, per sweep of a cell table, the summary (recordings, frames, cells, detectable fraction,
 * wall time from the job metadata file when it records one), pictures of a few sample recordings (mean and max
 * projections with the detectable cells' contours, a strip of frames), and charts of the detectable fraction and
 * the detection SNR against each swept axis ({@code ax_*}) and depth, and the distributions of
 * {@code vessel_overlap_fraction}, {@code roi_trace_corr} and {@code oracle_trace_corr}. Every number is a Spark SQL
 * aggregate over the table ({@link SweepStats}) and is also given in a table under its chart (with exact values in
 * {@code data-*} attributes).
 */
public final class SweepReport {

    /** Sample recordings pictured per sweep. */
    public static final int SAMPLES = 3;
    /** The report page's file name. */
    public static final String PAGE = "index.html";
    /** The job metadata key holding the run's wall time, s (read when present). */
    static final String WALL_KEY = "wall_seconds";

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SweepReport() {}

    /** Writes the report of one sweep; see {@link #write(SparkSession, String, List, Path)}. */
    public static Path write(SparkSession spark, String tableUri, String sweepId, Path outDir) throws IOException {
        return write(spark, tableUri, List.of(sweepId), outDir);
    }

    /**
     * Writes {@code <outDir>/index.html} (created or replaced atomically; {@code outDir} is created).
     *
     * @param tableUri the cell table directory (local path or Hadoop URI), partitioned by {@code sweep_id}
     * @param sweepIds the sweeps to report, or empty for every sweep of the table
     * @return the page written
     * @throws ReportException for a missing or empty table, or a sweep the table does not hold
     */
    public static Path write(SparkSession spark, String tableUri, List<String> sweepIds, Path outDir)
            throws IOException {
        String uri = tableUri.contains("://") || tableUri.startsWith("file:") ? tableUri
                : Paths.get(tableUri).toAbsolutePath().normalize().toUri().toString();
        Dataset<Row> table = readTable(spark, uri);
        List<String> present = new ArrayList<>();
        for (Row r : table.select("sweep_id").distinct().orderBy("sweep_id").collectAsList()) {
            present.add(r.getString(0));
        }
        List<String> ids = sweepIds.isEmpty() ? present : sweepIds;
        for (String id : ids) {
            if (!present.contains(id)) {
                throw new ReportException("the cell table " + uri + " has no rows of sweep '" + id + "' (it holds "
                        + (present.isEmpty() ? "none" : String.join(", ", present)) + ")");
            }
        }
        HtmlPage page = new HtmlPage("minisim sweep report: " + String.join(", ", ids));
        page.tag("h1", "minisim sweep report");
        page.note("Cell table " + uri + "; " + ids.size() + (ids.size() == 1 ? " sweep." : " sweeps."));
        for (String id : ids) {
            Dataset<Row> cells = table.filter(col("sweep_id").equalTo(id)).persist();
            try {
                section(page, spark, uri, id, cells);
            } finally {
                cells.unpersist();
            }
        }
        Files.createDirectories(outDir);
        Path target = outDir.resolve(PAGE);
        Path tmp = Files.createTempFile(outDir, "." + PAGE + ".", ".part");
        try {
            Files.writeString(tmp, page.finish(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            target.toFile().setReadable(true, false);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static Dataset<Row> readTable(SparkSession spark, String uri) {
        Dataset<Row> t;
        try {
            t = spark.read().option("mergeSchema", "true").parquet(uri);
        } catch (Exception e) {
            throw new ReportException("cannot read the cell table " + uri + ": " + Failures.oneLine(e), e);
        }
        List<String> cols = Arrays.asList(t.columns());
        for (String need : List.of("sweep_id", "spec_cache_key", "detectable", "detection_snr", "depth_um",
                "n_frames")) {
            if (!cols.contains(need)) {
                throw new ReportException(uri + " is not a minisim cell table: it has no column '" + need + "'");
            }
        }
        return t;
    }

    private static void section(HtmlPage page, SparkSession spark, String tableUri, String id, Dataset<Row> cells)
            throws IOException {
        List<String> axes = new ArrayList<>();
        for (String c : cells.columns()) {
            if (c.startsWith("ax_") && cells.filter(col(c).isNotNull()).limit(1).count() > 0) {
                axes.add(c);
            }
        }
        axes.sort(null);
        page.raw("<section class=\"sweep\" data-sweep=\"" + HtmlPage.esc(id) + "\">\n");
        page.tag("h2", "Sweep " + id);
        summary(page, spark, tableUri, id, SweepStats.summary(cells), axes);
        samples(page, spark, cells);
        page.tag("h3", "Against the swept axes");
        if (axes.isEmpty()) {
            page.note("This sweep has no axis columns (only seeds vary).");
        }
        for (String ax : axes) {
            List<SweepStats.Group> g = SweepStats.byAxis(cells, ax);
            String name = axisName(ax);
            page.raw("<div class=\"grid\">\n");
            page.figure(Charts.fraction("detectable fraction against " + name, name, g),
                    "detectable fraction against " + name, "Fraction of cells flagged detectable, per value of "
                            + name + ".");
            page.figure(Charts.snr("detection SNR against " + name, name, g), "detection SNR against " + name,
                    "Median detection SNR with first and third quartiles (percentile_approx), per value of " + name
                            + ".");
            page.raw("</div>\n");
            groupTable(page, id, ax, name, g);
        }
        page.tag("h3", "Against depth");
        List<SweepStats.Group> depth = SweepStats.byDepth(cells);
        page.raw("<div class=\"grid\">\n");
        page.figure(Charts.fraction("detectable fraction against depth", "depth (µm)", depth),
                "detectable fraction against depth", "Fraction of detectable cells in " + SweepStats.DEPTH_BINS
                        + " equal depth bins (bin centres).");
        page.figure(Charts.snrScatter(SweepStats.scatter(cells)), "detection SNR against depth",
                "Detection SNR of each cell (at most " + SweepStats.SCATTER_MAX + ", a fixed hash sample) against its "
                        + "depth; orange: detectable.");
        page.raw("</div>\n");
        groupTable(page, id, "depth_um", "depth bin centre (µm)", depth);
        page.tag("h3", "Distributions");
        page.raw("<div class=\"grid\">\n");
        for (String[] h : new String[][] {{"vessel_overlap_fraction", "0", "1"}, {"roi_trace_corr", "-1", "1"},
                {"oracle_trace_corr", "-1", "1"}}) {
            if (!Arrays.asList(cells.columns()).contains(h[0])) {
                continue;
            }
            SweepStats.Histogram hist = SweepStats.histogram(cells, h[0], Double.parseDouble(h[1]),
                    Double.parseDouble(h[2]));
            page.figure(Charts.histogram(h[0], h[0], hist), "distribution of " + h[0],
                    hist.total() + " cells with a value, " + hist.nulls() + " without (null).",
                    "data-hist=\"" + h[0] + "\" data-values=\"" + hist.total() + "\" data-nulls=\"" + hist.nulls()
                            + "\"");
        }
        page.raw("</div>\n");
        page.raw("</section>\n");
    }

    private static void summary(HtmlPage page, SparkSession spark, String tableUri, String id,
                                SweepStats.Summary s, List<String> axes) {
        JsonNode meta = metadata(spark, tableUri, id);
        String wall = meta != null && meta.hasNonNull(WALL_KEY) && meta.get(WALL_KEY).isNumber()
                ? String.format(Locale.ROOT, "%.1f s", meta.get(WALL_KEY).asDouble())
                : (meta == null ? "not recorded (no job metadata file)" : "not recorded in the job metadata");
        page.raw("<table class=\"summary\" data-recordings=\"" + s.recordings() + "\" data-frames=\"" + s.frames()
                + "\" data-cells=\"" + s.cells() + "\" data-flagged=\"" + s.flagged() + "\" data-detectable=\""
                + s.detectable() + "\">\n");
        row(page, "recordings (with cells in the table)", Long.toString(s.recordings()));
        row(page, "frames", Long.toString(s.frames()));
        row(page, "cells", Long.toString(s.cells()));
        row(page, "detectable cells", s.detectable() + " of " + s.flagged() + " (fraction "
                + HtmlPage.num(s.detectableFraction()) + ")");
        row(page, "wall time", wall);
        row(page, "axes", axes.isEmpty() ? "none" : String.join(", ", axes.stream().map(SweepReport::axisName)
                .toList()));
        if (meta != null) {
            for (String k : List.of("impl_version", "timestamp", "frames_per_task", "detect_snr_threshold")) {
                if (meta.hasNonNull(k)) {
                    row(page, k.replace('_', ' '), meta.get(k).asText());
                }
            }
        }
        page.raw("</table>\n");
    }

    private static void row(HtmlPage page, String k, String v) {
        page.raw("<tr><th class=\"l\">" + HtmlPage.esc(k) + "</th><td class=\"l\">" + HtmlPage.esc(v)
                + "</td></tr>\n");
    }

    private static void groupTable(HtmlPage page, String sweep, String by, String name, List<SweepStats.Group> gs) {
        page.raw("<table class=\"numbers\" data-sweep=\"" + HtmlPage.esc(sweep) + "\" data-by=\"" + HtmlPage.esc(by)
                + "\">\n<tr><th>" + HtmlPage.esc(name) + "</th><th>cells</th><th>detectable</th><th>fraction</th>"
                + "<th>SNR q1</th><th>SNR median</th><th>SNR q3</th></tr>\n");
        for (SweepStats.Group g : gs) {
            page.raw("<tr data-x=\"" + HtmlPage.exact(g.x()) + "\" data-cells=\"" + g.cells() + "\" data-flagged=\""
                    + g.flagged() + "\" data-detectable=\"" + g.detectable() + "\" data-snr-median=\""
                    + HtmlPage.exact(g.snrMedian()) + "\"><td>" + HtmlPage.num(g.x()) + "</td><td>" + g.cells()
                    + "</td><td>" + g.detectable() + "</td><td>" + HtmlPage.num(g.detectableFraction()) + "</td><td>"
                    + HtmlPage.num(g.snrQ1()) + "</td><td>" + HtmlPage.num(g.snrMedian()) + "</td><td>"
                    + HtmlPage.num(g.snrQ3()) + "</td></tr>\n");
        }
        page.raw("</table>\n");
    }

    /** Pictures of up to {@link #SAMPLES} recordings spread over the sweep order. */
    private static void samples(HtmlPage page, SparkSession spark, Dataset<Row> cells) {
        List<Row> recs = cells.select("spec_cache_key", "store_uri", "sweep_point_index", "seed", "axes")
                .dropDuplicates("spec_cache_key").orderBy("sweep_point_index", "seed", "spec_cache_key")
                .collectAsList();
        page.tag("h3", "Sample recordings");
        int n = Math.min(SAMPLES, recs.size());
        for (int k = 0; k < n; k++) {
            int i = n == 1 ? 0 : (int) Math.round((double) k * (recs.size() - 1) / (n - 1));
            Row r = recs.get(i);
            String key = r.getString(0), store = r.isNullAt(1) ? null : r.getString(1);
            Map<String, String> axes = r.isNullAt(4) ? Map.of() : new TreeMap<>(r.getJavaMap(4));
            String head = "Recording " + key + " (point " + (r.isNullAt(2) ? "?" : r.get(2)) + ", seed "
                    + (r.isNullAt(3) ? "?" : r.get(3)) + (axes.isEmpty() ? "" : ", " + axes) + ")";
            page.raw("<h4>" + HtmlPage.esc(head) + "</h4>\n");
            if (store == null) {
                page.note("The table records no store for this recording.");
                continue;
            }
            try {
                SampleImages.Pictures p = SampleImages.render(open(spark, store));
                String size = p.frames() + " frames of " + p.width() + " × " + p.height() + " px";
                page.raw("<div class=\"grid\">\n");
                page.figure(p.meanPng(), "mean projection of " + key, "Mean projection (" + size + "), "
                        + p.contours() + " detectable cells outlined (observed footprint at half maximum).");
                page.figure(p.maxPng(), "max projection of " + key, "Max projection, same outlines.");
                page.raw("</div>\n");
                page.figure(p.stripPng(), "frames of " + key, "Frames " + Arrays.toString(p.stripAt())
                        + " on a common grey range (0.5–99.5th percentile).");
            } catch (Exception e) {
                page.note("Store " + store + " could not be pictured: " + Failures.oneLine(e));
            }
        }
    }

    /** @return the job metadata document of a sweep, or null when the table has none */
    static JsonNode metadata(SparkSession spark, String tableUri, String sweepId) {
        try {
            URI u = URI.create(tableUri.endsWith("/") ? tableUri : tableUri + "/").resolve(JobMetadata.key(sweepId));
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(u);
            FileSystem fs = p.getFileSystem(SparkSessions.hadoopConf(spark));
            if (!fs.exists(p)) {
                return null;
            }
            try (InputStream in = fs.open(p)) {
                return JSON.readTree(in);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static ByteStore open(SparkSession spark, String storeUri) throws IOException {
        URI u = URI.create(storeUri);
        if ("file".equals(u.getScheme())) {
            return new FileByteStore(Paths.get(u));
        }
        Configuration conf = SparkSessions.hadoopConf(spark);
        return new HadoopByteStore(u, conf);
    }

    /** @return {@code acquisition.optics.na} for {@code ax_acquisition__optics__na} */
    static String axisName(String column) {
        return (column.startsWith("ax_") ? column.substring(3) : column).replace("__", ".");
    }
}
