package org.minisim.job.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.cli.RunCommand;
import org.minisim.job.testing.SharedSpark;

/**
 * The sweep report over a real tiny sweep (48 × 48 px, 1 s, dense cells, vasculature on; 2 NA values × 2 seeds) run with
 * {@link RunCommand}, which writes the page at its end ({@code <table>/_report/<sweep_id>/index.html}, no Spark): the
 * page's numbers equal Spark SQL queries over the same table, the report command's page holds the same numbers,
 * every sample recording is pictured, and (see {@link ReportBrowser}) headless Chromium loads every image without an
 * error.
 * {@code -Dminisim.keepReport=DIR} keeps the page and the browser's screenshot in DIR for a look.
 */
class SweepReportTest {

    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "report-tiny",
             "base": {"acquisition": {"optics": {"na": 0.45, "magnification": 8.0},
                        "image_sensor": {"n_px_height": 48, "n_px_width": 48, "pixel_pitch_um": 8.0},
                        "fps": 20.0, "duration_s": 1.0},
                      "seed": 0,
                      "steps": [{"kind": "place_neurons", "density_per_mm3": 100000.0}, {"kind": "cell_activity"},
                                {"kind": "optics"},
                                {"kind": "composite"},
                                {"kind": "vasculature", "enabled": true, "layers": [{"depth_um": 30.0}]},
                                {"kind": "sensor", "photons_per_unit": 1000.0}]},
             "axes": [{"path": "acquisition.optics.na", "values": [0.3, 0.6]}],
             "seeds": {"start": 0, "count": 2},
             "output": {"stores": "STORES", "table": "TABLE"}}
            """;

    @TempDir
    static Path shared;

    static Path sweepFile;
    static String table;
    static Path page;
    static String html;
    static String commandHtml;

    @TempDir
    Path dir;

    @BeforeAll
    static void runSweepAndReport() throws IOException {
        SparkSession spark = SharedSpark.session();
        Path stores = shared.resolve("stores"), cells = shared.resolve("cells");
        sweepFile = shared.resolve("sweep.json");
        Files.writeString(sweepFile, SWEEP.replace("STORES", stores.toString()).replace("TABLE", cells.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {sweepFile.toString(), "--stores", stores.toString(), "--table",
            cells.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        table = cells.toUri().toString();
        // the page run writes at its end, without Spark; the report command's page is checked against it below
        page = cells.resolve("_report/report-tiny/index.html");
        html = Files.readString(page);
        Path again = SweepReport.write(spark, table, "report-tiny", shared.resolve("report"));
        commandHtml = Files.readString(again);
    }

    static Dataset<Row> cells() {
        return SharedSpark.session().read().parquet(table).filter(col("sweep_id").equalTo("report-tiny"));
    }

    /** @return the data-* attributes of every element matching {@code <tag ... marker ...>} */
    static List<Map<String, String>> attributes(String source, String tag, String marker) {
        List<Map<String, String>> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "\\b([^>]*)>").matcher(source);
        while (m.find()) {
            if (!m.group(1).contains(marker)) {
                continue;
            }
            Map<String, String> a = new LinkedHashMap<>();
            Matcher kv = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"").matcher(m.group(1));
            while (kv.find()) {
                a.put(kv.group(1), kv.group(2));
            }
            out.add(a);
        }
        return out;
    }

    /** @return the rows of the numbers table grouped by {@code by} */
    static List<Map<String, String>> numbers(String by) {
        int at = html.indexOf("data-by=\"" + by + "\"");
        assertTrue(at > 0, "no numbers table for " + by);
        String t = html.substring(at, html.indexOf("</table>", at));
        return attributes(t, "tr", "data-x");
    }

    @Test
    void summaryEqualsSql() {
        Map<String, String> s = attributes(html, "table", "class=\"summary\"").get(0);
        Row q = SharedSpark.session().sql("SELECT count(DISTINCT spec_cache_key), count(*), "
                + "sum(CASE WHEN detectable THEN 1 ELSE 0 END), count(detectable) FROM parquet.`" + table
                + "` WHERE sweep_id = 'report-tiny'").first();
        assertEquals(4L, q.getLong(0), "four recordings");
        assertEquals(Long.toString(q.getLong(0)), s.get("recordings"));
        assertEquals(Long.toString(q.getLong(1)), s.get("cells"));
        assertEquals(Long.toString(q.getLong(2)), s.get("detectable"));
        assertEquals(Long.toString(q.getLong(3)), s.get("flagged"));
        assertEquals("80", s.get("frames"), "4 recordings of 20 frames");
        assertTrue(q.getLong(2) > 0 && q.getLong(2) < q.getLong(1), "some but not all cells detectable");
        assertTrue(html.contains("wall time"), "the summary has a wall-time row");
    }

    @Test
    void theReportCommandsPageHoldsTheSameNumbers() {
        assertEquals(attributes(html, "table", "class=\"summary\""), attributes(commandHtml, "table",
                "class=\"summary\""));
        assertEquals(attributes(html, "tr", "data-x"), attributes(commandHtml, "tr", "data-x"));
        assertEquals(attributes(html, "figure", "data-hist"), attributes(commandHtml, "figure", "data-hist"));
        assertTrue(html.matches("(?s).*wall time</th><td class=\"l\">[0-9.]+ s \\(this run\\).*"),
                "the run gives its wall time");
    }

    @Test
    void detectableFractionPerAxisValueEqualsSql() {
        List<Map<String, String>> rows = numbers("ax_acquisition__optics__na");
        List<Row> q = SharedSpark.session().sql("SELECT ax_acquisition__optics__na, count(*), "
                + "sum(CASE WHEN detectable THEN 1 ELSE 0 END), count(detectable), "
                + "percentile_approx(detection_snr, 0.5, 10000) FROM parquet.`" + table
                + "` WHERE sweep_id = 'report-tiny' GROUP BY 1 ORDER BY 1").collectAsList();
        assertEquals(2, q.size());
        assertEquals(q.size(), rows.size());
        for (int i = 0; i < q.size(); i++) {
            Map<String, String> r = rows.get(i);
            assertEquals(q.get(i).getDouble(0), Double.parseDouble(r.get("x")));
            assertEquals(Long.toString(q.get(i).getLong(1)), r.get("cells"));
            assertEquals(Long.toString(q.get(i).getLong(2)), r.get("detectable"));
            assertEquals(Long.toString(q.get(i).getLong(3)), r.get("flagged"));
            assertEquals(q.get(i).getDouble(4), Double.parseDouble(r.get("snr-median")));
        }
    }

    @Test
    void depthBinsPartitionTheCells() {
        List<Map<String, String>> rows = numbers("depth_um");
        long cells = 0, det = 0;
        for (Map<String, String> r : rows) {
            cells += Long.parseLong(r.get("cells"));
            det += Long.parseLong(r.get("detectable"));
        }
        Dataset<Row> c = cells().filter(col("depth_um").isNotNull());
        assertEquals(c.count(), cells);
        assertEquals(c.filter(col("detectable")).count(), det);
        assertTrue(rows.size() > 1 && rows.size() <= SweepStats.DEPTH_BINS, "bins: " + rows.size());
    }

    @Test
    void histogramsCountEveryCell() {
        long n = cells().count();
        List<Map<String, String>> hs = attributes(html, "figure", "data-hist");
        assertEquals(3, hs.size(), hs.toString());
        for (Map<String, String> h : hs) {
            assertEquals(n, Long.parseLong(h.get("values")) + Long.parseLong(h.get("nulls")), h.toString());
            assertEquals(cells().filter(col(h.get("hist")).isNull()).count(), Long.parseLong(h.get("nulls")));
        }
        Map<String, String> vessel = hs.stream().filter(h -> h.get("hist").equals("vessel_overlap_fraction"))
                .findFirst().orElseThrow();
        assertTrue(Long.parseLong(vessel.get("values")) > 0, "vasculature on: overlap fractions present");
    }

    /**
     * The pictures drawn ahead while the sweep runs ({@link SamplePrefetch}, which {@code run} uses) are those the
     * report draws itself: the run's page shows the same sample images as the report command's, and a prefetch told
     * of every recording's end holds pictures for exactly the recordings the page samples, equal to a fresh drawing.
     */
    @Test
    void picturesDrawnAheadAreThoseDrawnAtTheEnd() throws Exception {
        List<String> ran = sampleImages(html);
        assertEquals(9, ran.size(), "three pictures of each of three samples");
        assertEquals(sampleImages(commandHtml), ran);
        org.minisim.spec.sweep.SweepPlan plan = org.minisim.spec.sweep.SweepFile.read(Files.readString(sweepFile));
        Path stores = shared.resolve("stores");
        try (SamplePrefetch ahead = SamplePrefetch.of(new org.apache.hadoop.conf.Configuration(false),
                plan.recordings())) {
            Map<String, String> uris = new LinkedHashMap<>();
            for (org.minisim.spec.sweep.SweepRecording r : plan.recordings()) {
                String uri = stores.resolve(r.cacheKey() + ".zarr").toUri().toString();
                uris.put(r.cacheKey(), uri);
                ahead.accept(new org.minisim.job.RecordingOutcome(r, uri, org.minisim.job.RecordingOutcome.Status.DONE,
                        20, 0, 1, 1, 0.0, null, null));
            }
            List<String> drawnAhead = new ArrayList<>();
            for (Map.Entry<String, String> e : uris.entrySet()) {
                java.util.concurrent.Future<SampleImages.Pictures> f = ahead.take(e.getValue());
                if (f == null) {
                    continue;
                }
                drawnAhead.add(e.getKey());
                SampleImages.Pictures got = f.get();
                SampleImages.Pictures fresh = SampleImages.render(SweepReport.open(
                        new org.apache.hadoop.conf.Configuration(false), e.getValue()));
                assertTrue(java.util.Arrays.equals(fresh.meanPng(), got.meanPng())
                        && java.util.Arrays.equals(fresh.maxPng(), got.maxPng())
                        && java.util.Arrays.equals(fresh.stripPng(), got.stripPng()), e.getKey());
                assertEquals(null, ahead.take(e.getValue()), "taken once");
            }
            List<String> sampled = new ArrayList<>();
            Matcher m = Pattern.compile("alt=\"mean projection of ([0-9a-f]+)\"").matcher(html);
            while (m.find()) {
                sampled.add(m.group(1));
            }
            assertEquals(new java.util.TreeSet<>(sampled), new java.util.TreeSet<>(drawnAhead));
        }
    }

    /**
     * A picture is drawn ahead only while the heap holds it: with no headroom, a prefetch told of every committed
     * recording draws none (the report then draws them after the sweep).
     */
    @Test
    void noPictureIsDrawnAheadWithoutHeadroom() throws Exception {
        org.minisim.spec.sweep.SweepPlan plan = org.minisim.spec.sweep.SweepFile.read(Files.readString(sweepFile));
        Path stores = shared.resolve("stores");
        try (SamplePrefetch ahead = SamplePrefetch.of(new org.apache.hadoop.conf.Configuration(false),
                plan.recordings(), () -> SamplePrefetch.pictureBytes(plan.recordings().get(0).spec()) - 1)) {
            for (org.minisim.spec.sweep.SweepRecording r : plan.recordings()) {
                String uri = stores.resolve(r.cacheKey() + ".zarr").toUri().toString();
                ahead.accept(new org.minisim.job.RecordingOutcome(r, uri, org.minisim.job.RecordingOutcome.Status.DONE,
                        20, 0, 1, 1, 0.0, null, null));
                assertEquals(null, ahead.take(uri), r.cacheKey());
            }
        }
    }

    /** @return the base64 PNGs of the page's sample-recording pictures, in page order */
    private static List<String> sampleImages(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<img alt=\"(?:mean projection|max projection|frames) of [0-9a-f]+\" "
                + "src=\"data:image/png;base64,([^\"]+)\"").matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everySampleRecordingIsPicturedWithItsContours() {
        assertEquals(3, count(html, "alt=\"mean projection of "), "three samples of four recordings");
        assertEquals(3, count(html, "alt=\"max projection of "));
        assertEquals(3, count(html, "alt=\"frames of "));
        assertFalse(html.contains("could not be pictured"), "every store readable");
        assertTrue(html.matches("(?s).*\\(20 frames of 48 × 48 px\\), [1-9][0-9]* detectable cells outlined.*"),
                "contours drawn");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "self-contained: no links, no scripts");
    }

    @Test
    void aSweepFileOrTheTableWorkThroughTheCommand() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("r");
        int status = org.minisim.job.cli.Main.run(new String[] {"report", sweepFile.toString(), "--out",
            out.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(out.resolve("index.html")).contains("Sweep report-tiny"));
        assertEquals(List.of("index.html"), list(out), "no temporary file left");
    }

    @Test
    void anUnknownSweepOrAMissingTableIsOneLine() {
        ReportException e = assertThrows(ReportException.class,
                () -> SweepReport.write(SharedSpark.session(), table, "nope", dir.resolve("x")));
        assertTrue(e.getMessage().contains("has no rows of sweep 'nope' (it holds report-tiny)"), e.getMessage());
        ReportException m = assertThrows(ReportException.class, () -> SweepReport.write(SharedSpark.session(),
                dir.resolve("no-table").toString(), List.of(), dir.resolve("y")));
        assertTrue(m.getMessage().startsWith("cannot read the cell table "), m.getMessage());
        assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.resolve("y")), "nothing written");
    }

    @Test
    void chromiumLoadsEveryImageWithoutErrorAndTheScreenshotIsNotBlank() throws Exception {
        ReportBrowser.Result r = ReportBrowser.check(page, dir);
        if (System.getProperty("minisim.keepReport") != null) {
            Path keep = Path.of(System.getProperty("minisim.keepReport"));
            Files.createDirectories(keep);
            Files.copy(dir.resolve("screenshot.png"), keep.resolve("screenshot.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(page, keep.resolve("index.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(3 * 3 + 2 + 2 + 3, r.images(), "images: 3 samples x 3, 2 per axis, 2 for depth, 3 histograms");
        assertEquals(List.of(), r.broken(), "broken images");
        assertEquals(List.of(), r.errors(), "page errors");
        assertTrue(r.screenshotStdDev() > 10.0, "screenshot grey-level std " + r.screenshotStdDev());
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static List<String> list(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
