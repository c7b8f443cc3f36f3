package org.minisim.job.report;

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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.minisim.job.exec.Failures;
import org.minisim.job.JobMetadata;
import org.minisim.job.spark.SparkSessions;
import org.minisim.job.storage.HadoopByteStore;
import org.minisim.job.storage.StoreRoot;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;

/**
 * The sweep report: one self-contained HTML page ({@code <outDir>/index.html}: no script, no network, every image
 * a PNG data URI) with, per sweep of a cell table, the summary (recordings, frames, cells, detectable fraction,
 * wall time from the job metadata file when it records one, or as the caller gives it), pictures of a few sample
 * recordings (mean and max projections with the detectable cells' contours, a strip of frames), and charts of the
 * detectable fraction and the detection SNR against each swept axis ({@code ax_*}) and depth, and the
 * distributions of {@code vessel_overlap_fraction}, {@code roi_trace_corr} and {@code oracle_trace_corr}. The
 * table is read with parquet-hadoop ({@link CellTableReader}) and every number is computed in this JVM
 * ({@link SweepStats}) — no Spark session, so {@code minisim run} writes the report at its end cheaply — and is
 * also given in a table under its chart (with exact values in {@code data-*} attributes).
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

    private static final AtomicInteger WARM_UPS = new AtomicInteger();

    /**
     * Starts, once per JVM, a low-priority daemon thread that draws a throw-away chart and PNG and loads the table
     * reader's classes, so a report written later in this JVM (the end of {@code minisim run}) does not pay the
     * chart library's and image encoder's start-up (a few hundred ms) after the work. Changes no output.
     */
    public static void warmUp() {
        if (WARM_UPS.getAndIncrement() > 0) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                List<SweepStats.Group> g = List.of(new SweepStats.Group(0, 2, 2, 1, 2, 1, 2, 3),
                        new SweepStats.Group(1, 2, 2, 2, 2, 2, 3, 4));
                Charts.fraction("warm-up", "x", g);
                Charts.histogram("warm-up", "x", new SweepStats.Histogram("x", 0, 1, new long[] {1, 2}, 0));
                int px = SampleImages.PROJECTION_PX;
                boolean[] mask = new boolean[2 * px];
                java.util.Arrays.fill(mask, true);
                SampleImages.png(SampleImages.withContours(new double[px * px], px, px,
                        List.of(new SampleImages.Mask(px / 2 - 1, 0, 2, px, mask))));
                Class.forName("org.apache.parquet.hadoop.example.GroupReadSupport");
                Class.forName("org.apache.parquet.hadoop.ParquetReader");
            } catch (Exception | LinkageError ignored) {
                // only a warm-up: the report itself reports any real problem
            }
        }, "minisim-report-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Writes the report of one sweep with a session's Hadoop configuration (no Spark job is run). */
    public static Path write(SparkSession spark, String tableUri, String sweepId, Path outDir) throws IOException {
        return write(SparkSessions.hadoopConf(spark), tableUri, List.of(sweepId), outDir);
    }

    /** As {@link #write(Configuration, String, List, Path)} with a session's Hadoop configuration. */
    public static Path write(SparkSession spark, String tableUri, List<String> sweepIds, Path outDir)
            throws IOException {
        return write(SparkSessions.hadoopConf(spark), tableUri, sweepIds, outDir);
    }

    /**
     * Writes {@code <outDir>/index.html} (created or replaced atomically; {@code outDir} is created).
     *
     * @param hadoop   the Hadoop configuration of the table's (and the stores') file system
     * @param tableUri the cell table directory (local path or Hadoop URI), partitioned by {@code sweep_id}
     * @param sweepIds the sweeps to report, or empty for every sweep of the table
     * @return the page written
     * @throws ReportException for a missing or empty table, or a sweep the table does not hold
     */
    public static Path write(Configuration hadoop, String tableUri, List<String> sweepIds, Path outDir)
            throws IOException {
        String html = html(hadoop, tableUri, sweepIds, Map.of(), SamplePrefetch.none());
        return writeLocal(outDir, html);
    }

    /**
     * Writes {@code <out>/index.html}, where {@code out} is a local path or a Hadoop URI (file, s3a, hdfs: one
     * whole-object write).
     *
     * @param wallSeconds the wall time of sweeps, s, shown where their job metadata records none
     * @return the page's location: an absolute local path, or its URI
     */
    public static String write(Configuration hadoop, String tableUri, List<String> sweepIds, String out,
                               Map<String, Double> wallSeconds) throws IOException {
        return write(hadoop, tableUri, sweepIds, out, wallSeconds, SamplePrefetch.none());
    }

    /**
     * As {@link #write(Configuration, String, List, String, Map)}, taking the sample pictures {@code prefetch}
     * has drawn (or is drawing) instead of drawing them again; the page is the same.
     */
    public static String write(Configuration hadoop, String tableUri, List<String> sweepIds, String out,
                               Map<String, Double> wallSeconds, SamplePrefetch prefetch) throws IOException {
        String html = html(hadoop, tableUri, sweepIds, wallSeconds, prefetch);
        URI u = StoreRoot.normalize(out);
        if ("file".equals(u.getScheme())) {
            return writeLocal(Paths.get(u), html).toString();
        }
        StoreRoot.of(u.toString(), hadoop).rootStore().put(PAGE, html.getBytes(StandardCharsets.UTF_8));
        String base = u.toString();
        return (base.endsWith("/") ? base : base + "/") + PAGE;
    }

    private static Path writeLocal(Path outDir, String html) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(PAGE);
        Path tmp = Files.createTempFile(outDir, "." + PAGE + ".", ".part");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            target.toFile().setReadable(true, false);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target.toAbsolutePath();
    }

    /** @return the page of the sweeps (all of the table's when {@code sweepIds} is empty) */
    static String html(Configuration hadoop, String tableUri, List<String> sweepIds, Map<String, Double> wall,
                       SamplePrefetch prefetch) throws IOException {
        String uri = tableUri.contains("://") || tableUri.startsWith("file:") ? tableUri
                : Paths.get(tableUri).toAbsolutePath().normalize().toUri().toString();
        CellTableReader table = new CellTableReader(hadoop, uri);
        List<String> present = table.sweeps();
        if (present.isEmpty()) {
            throw new ReportException("the cell table " + uri + " holds no sweep (no sweep_id=... partition with "
                    + "Parquet files)");
        }
        List<String> ids = sweepIds.isEmpty() ? present : sweepIds;
        for (String id : ids) {
            if (!present.contains(id)) {
                throw new ReportException("the cell table " + uri + " has no rows of sweep '" + id + "' (it holds "
                        + String.join(", ", present) + ")");
            }
        }
        HtmlPage page = new HtmlPage("minisim sweep report: " + String.join(", ", ids));
        page.tag("h1", "minisim sweep report");
        page.note("Cell table " + uri + "; " + ids.size() + (ids.size() == 1 ? " sweep." : " sweeps."));
        ExecutorService pool = pool();
        try {
            for (String id : ids) {
                section(page, hadoop, uri, id, table.read(id), wall.get(id), pool, prefetch);
            }
        } finally {
            pool.shutdownNow();
        }
        return page.finish();
    }

    private static void section(HtmlPage page, Configuration hadoop, String tableUri, String id, SweepCells cells,
                                Double wallSeconds, ExecutorService pool, SamplePrefetch prefetch)
            throws IOException {
        List<String> axes = SweepStats.axes(cells);
        // every picture is rendered on the pool first (the slow part: reading sample stores, drawing PNGs), then
        // the page is assembled in order
        List<SweepCells.Recording> samples = sampleRecordings(cells);
        List<Future<SampleImages.Pictures>> pictures = new ArrayList<>();
        for (SweepCells.Recording r : samples) {
            Future<SampleImages.Pictures> ready = prefetch.take(r.storeUri());
            pictures.add(r.storeUri() == null ? null : ready != null ? ready
                    : pool.submit(() -> SampleImages.render(open(hadoop, r.storeUri()))));
        }
        List<List<SweepStats.Group>> axisGroups = new ArrayList<>();
        List<Future<byte[]>> axisCharts = new ArrayList<>();
        for (String ax : axes) {
            List<SweepStats.Group> g = SweepStats.byAxis(cells, ax);
            String name = axisName(ax);
            axisGroups.add(g);
            axisCharts.add(pool.submit(() -> Charts.fraction("detectable fraction against " + name, name, g)));
            axisCharts.add(pool.submit(() -> Charts.snr("detection SNR against " + name, name, g)));
        }
        List<SweepStats.Group> depth = SweepStats.byDepth(cells);
        Future<byte[]> depthFraction = pool.submit(() -> Charts.fraction("detectable fraction against depth",
                "depth (µm)", depth));
        SweepStats.Scatter scatter = SweepStats.scatter(cells);
        Future<byte[]> depthScatter = pool.submit(() -> Charts.snrScatter(scatter));
        List<SweepStats.Histogram> hists = new ArrayList<>();
        List<Future<byte[]>> histCharts = new ArrayList<>();
        for (String[] h : new String[][] {{"vessel_overlap_fraction", "0", "1"}, {"roi_trace_corr", "-1", "1"},
                {"oracle_trace_corr", "-1", "1"}}) {
            if (cells.column(h[0]) == null) {
                continue;
            }
            SweepStats.Histogram hist = SweepStats.histogram(cells, h[0], Double.parseDouble(h[1]),
                    Double.parseDouble(h[2]));
            hists.add(hist);
            histCharts.add(pool.submit(() -> Charts.histogram(h[0], h[0], hist)));
        }

        page.raw("<section class=\"sweep\" data-sweep=\"" + HtmlPage.esc(id) + "\">\n");
        page.tag("h2", "Sweep " + id);
        summary(page, hadoop, tableUri, id, SweepStats.summary(cells), axes, wallSeconds);
        samples(page, samples, pictures);
        page.tag("h3", "Against the swept axes");
        if (axes.isEmpty()) {
            page.note("This sweep has no axis columns (only seeds vary).");
        }
        for (int a = 0; a < axes.size(); a++) {
            String ax = axes.get(a), name = axisName(ax);
            page.raw("<div class=\"grid\">\n");
            page.figure(get(axisCharts.get(2 * a)), "detectable fraction against " + name,
                    "Fraction of cells flagged detectable, per value of " + name + ".");
            page.figure(get(axisCharts.get(2 * a + 1)), "detection SNR against " + name,
                    "Median detection SNR with first and third quartiles (nearest rank), per value of " + name
                            + ".");
            page.raw("</div>\n");
            groupTable(page, id, ax, name, axisGroups.get(a));
        }
        page.tag("h3", "Against depth");
        page.raw("<div class=\"grid\">\n");
        page.figure(get(depthFraction), "detectable fraction against depth", "Fraction of detectable cells in "
                + SweepStats.DEPTH_BINS + " equal depth bins (bin centres).");
        page.figure(get(depthScatter), "detection SNR against depth",
                "Detection SNR of each cell (at most " + SweepStats.SCATTER_MAX + ", a fixed hash sample) against its "
                        + "depth; orange: detectable.");
        page.raw("</div>\n");
        groupTable(page, id, "depth_um", "depth bin centre (µm)", depth);
        page.tag("h3", "Distributions");
        page.raw("<div class=\"grid\">\n");
        for (int k = 0; k < hists.size(); k++) {
            SweepStats.Histogram hist = hists.get(k);
            String c = hist.column();
            page.figure(get(histCharts.get(k)), "distribution of " + c,
                    hist.total() + " cells with a value, " + hist.nulls() + " without (null).",
                    "data-hist=\"" + c + "\" data-values=\"" + hist.total() + "\" data-nulls=\"" + hist.nulls()
                            + "\"");
        }
        page.raw("</div>\n");
        page.raw("</section>\n");
    }

    /** @return what another thread drew: a chart or pictures (its failure rethrown as IOException or unchecked) */
    static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while drawing the report", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new ReportException("drawing the report: " + Failures.oneLine(c), c);
        }
    }

    /** @return a pool for the report's pictures: up to 4 daemon threads, at most one per core */
    private static ExecutorService pool() {
        int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger k = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "minisim-report-" + k.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static void summary(HtmlPage page, Configuration hadoop, String tableUri, String id,
                                SweepStats.Summary s, List<String> axes, Double wallSeconds) {
        JsonNode meta = metadata(hadoop, tableUri, id);
        String wall = meta != null && meta.hasNonNull(WALL_KEY) && meta.get(WALL_KEY).isNumber()
                ? String.format(Locale.ROOT, "%.1f s", meta.get(WALL_KEY).asDouble())
                : wallSeconds != null ? String.format(Locale.ROOT, "%.1f s (this run)", wallSeconds)
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

    /** @return up to {@link #SAMPLES} recordings spread over the sweep order (point, seed, key) */
    static List<SweepCells.Recording> sampleRecordings(SweepCells cells) {
        List<SweepCells.Recording> recs = new ArrayList<>(cells.recordings());
        recs.sort(Comparator.comparing(SweepCells.Recording::pointIndex, Comparator.nullsFirst(Comparator
                .naturalOrder())).thenComparing(SweepCells.Recording::seed, Comparator.nullsFirst(Comparator
                .naturalOrder())).thenComparing(SweepCells.Recording::cacheKey));
        List<SweepCells.Recording> out = new ArrayList<>();
        for (int i : spread(recs.size())) {
            out.add(recs.get(i));
        }
        return out;
    }

    /** @return the indices of up to {@link #SAMPLES} items spread evenly over {@code size} (first and last included) */
    static int[] spread(int size) {
        int n = Math.min(SAMPLES, size);
        int[] at = new int[n];
        for (int k = 0; k < n; k++) {
            at[k] = n == 1 ? 0 : (int) Math.round((double) k * (size - 1) / (n - 1));
        }
        return at;
    }

    /** Pictures of the sample recordings (a future per recording, null without a store). */
    private static void samples(HtmlPage page, List<SweepCells.Recording> recs,
                                List<Future<SampleImages.Pictures>> pictures) {
        page.tag("h3", "Sample recordings");
        for (int k = 0; k < recs.size(); k++) {
            SweepCells.Recording r = recs.get(k);
            String key = r.cacheKey(), store = r.storeUri();
            Map<String, String> axes = r.axes() == null ? Map.of() : new TreeMap<>(r.axes());
            String head = "Recording " + key + " (point " + (r.pointIndex() == null ? "?" : r.pointIndex())
                    + ", seed " + (r.seed() == null ? "?" : r.seed()) + (axes.isEmpty() ? "" : ", " + axes) + ")";
            page.raw("<h4>" + HtmlPage.esc(head) + "</h4>\n");
            if (pictures.get(k) == null) {
                page.note("The table records no store for this recording.");
                continue;
            }
            try {
                SampleImages.Pictures p = get(pictures.get(k));
                String size = (p.projected() == p.frames() ? p.frames() + " frames"
                        : p.projected() + " of " + p.frames() + " frames, evenly spaced chunks") + " of " + p.width()
                        + " × " + p.height() + " px";
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
    static JsonNode metadata(Configuration hadoop, String tableUri, String sweepId) {
        try {
            URI u = URI.create(tableUri.endsWith("/") ? tableUri : tableUri + "/").resolve(JobMetadata.key(sweepId));
            if ("file".equals(u.getScheme())) {
                Path local = Paths.get(u);
                return Files.isRegularFile(local) ? JSON.readTree(Files.readAllBytes(local)) : null;
            }
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(u);
            FileSystem fs = p.getFileSystem(hadoop);
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

    static ByteStore open(Configuration conf, String storeUri) throws IOException {
        URI u = URI.create(storeUri);
        if ("file".equals(u.getScheme())) {
            return new FileByteStore(Paths.get(u));
        }
        return new HadoopByteStore(u, conf);
    }

    /** @return {@code acquisition.optics.na} for {@code ax_acquisition__optics__na} */
    static String axisName(String column) {
        return (column.startsWith("ax_") ? column.substring(3) : column).replace("__", ".");
    }
}
