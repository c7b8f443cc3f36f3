package org.minisim.job.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepRecording;

/**
 * {@code minisim run} with exports and the end-of-run report: {@code --tiff DIR} writes one TIFF per recording
 * holding its stored counts, {@code --no-report} writes no report, the default writes
 * {@code <table>/_report/<sweep_id>/index.html} (its numbers: SweepReportTest), an export option that cannot apply
 * stops the run before anything is written. In-process executor, no Spark.
 */
class RunExportTest {

    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "exports",
             "base": {"acquisition": {"optics": {"na": 0.5, "magnification": 8.0},
                        "image_sensor": {"n_px_height": 32, "n_px_width": 32, "pixel_pitch_um": 8.0},
                        "fps": 20.0, "duration_s": 0.75},
                      "seed": 0,
                      "steps": [{"kind": "place_neurons"}, {"kind": "cell_activity"}, {"kind": "optics"},
                                {"kind": "composite"}, {"kind": "sensor"}]},
             "seeds": {"start": 0, "count": 2},
             "output": {"stores": "STORES", "table": "TABLE"}}
            """;

    @TempDir
    static Path shared;

    static Path sweep, stores, table, tiffs;
    static List<String> keys;
    static String firstOut;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void runWithTiffsAndNoReport() throws IOException {
        stores = shared.resolve("stores");
        table = shared.resolve("cells");
        tiffs = shared.resolve("tiffs");
        String text = SWEEP.replace("STORES", stores.toString()).replace("TABLE", table.toString());
        sweep = Files.writeString(shared.resolve("sweep.json"), text);
        keys = SweepFile.read(text).recordings().stream().map(SweepRecording::cacheKey).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {sweep.toString(), "--tiff", tiffs.toString(), "--no-report"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        firstOut = out.toString(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return RunCommand.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Decodes every page of a TIFF with the JDK's ImageIO TIFF reader, as doubles in C order. */
    static double[] decodeTiff(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff");
            ImageReader r = it.next();
            r.setInput(in);
            int n = r.getNumImages(true);
            Raster first = r.read(0).getRaster();
            int h = first.getHeight(), w = first.getWidth();
            double[] out = new double[n * h * w];
            for (int i = 0; i < n; i++) {
                Raster ras = r.read(i).getRaster();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[(i * h + y) * w + x] = ras.getSampleDouble(x, y, 0);
                    }
                }
            }
            r.dispose();
            return out;
        }
    }

    @Test
    void oneTiffPerRecordingHoldsItsStoredCounts() throws IOException {
        assertEquals(2, keys.size());
        assertEquals(keys.stream().map(k -> k + ".tiff").sorted().toList(), SimulateCommandTest.names(tiffs));
        for (String k : keys) {
            double[] stored = SimulateCommandTest.observed(stores.resolve(k + ".zarr"));
            assertEquals(15 * 32 * 32, stored.length);
            assertArrayEquals(stored, decodeTiff(tiffs.resolve(k + ".tiff")), k);
        }
        assertTrue(firstOut.contains("[export 1/2] ") && firstOut.contains("[export 2/2] "), firstOut);
    }

    @Test
    void noReportWritesNoneAndTheDefaultWritesOneUnderTheTable() throws IOException {
        assertFalse(Files.exists(table.resolve("_report")), "--no-report");
        assertFalse(firstOut.contains("report:"), firstOut);
        Path reportDir = dir.resolve("rep");
        assertEquals(0, run(sweep.toString(), "--report", reportDir.toString()), err());
        assertTrue(out().contains("report: " + reportDir.resolve("index.html").toAbsolutePath()), out());
        assertTrue(Files.readString(reportDir.resolve("index.html")).contains("data-recordings=\"2\""));
        assertFalse(Files.exists(table.resolve("_report")), "--report DIR: only there");
    }

    @Test
    void existingExportFilesAreKeptUnlessOverwrite() throws IOException {
        Path avis = dir.resolve("avis");
        assertEquals(0, run(sweep.toString(), "--avi", avis.toString(), "--tiff", avis.toString(), "--no-report"),
                err());
        assertEquals(4, SimulateCommandTest.names(avis).size());
        Path one = avis.resolve(keys.get(0) + ".avi");
        Files.writeString(one, "stale");
        outBytes.reset();
        assertEquals(0, run(sweep.toString(), "--avi", avis.toString(), "--no-report"), err());
        assertEquals("stale", Files.readString(one));
        assertTrue(out().contains("kept existing " + one + " (--overwrite replaces)"), out());
        assertEquals(0, run(sweep.toString(), "--avi", avis.toString(), "--no-report", "--overwrite"), err());
        assertTrue(Files.size(one) > 15 * 32 * 32, "replaced");
    }

    @Test
    void anExportOptionThatCannotApplyStopsTheRunBeforeAnything() throws IOException {
        Path sensorless = dir.resolve("s.json");
        Files.writeString(sensorless, SWEEP.replace(", {\"kind\": \"sensor\"}", "")
                .replace("STORES", dir.resolve("st").toString()).replace("TABLE", dir.resolve("t").toString()));
        assertEquals(1, run(sensorless.toString(), "--avi", dir.resolve("a").toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("--avi needs --range VMIN,VMAX; nothing was run"), err());
        errBytes.reset();
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertEquals(1, run(sensorless.toString(), "--tiff", file.toString()));
        assertTrue(err().startsWith("minisim run: " + file + " is a file, not a directory"), err());
        assertFalse(Files.exists(dir.resolve("st")) || Files.exists(dir.resolve("t")) || Files.exists(dir.resolve("a")));
    }

    @Test
    void optionsParse() throws Exception {
        RunArgs a = RunArgs.parse(List.of("sw.json", "--avi", "A", "--tiff=T", "--codec", "mjpg", "--range",
                "0,100", "--fps", "10", "--overwrite", "--report", "R"));
        assertEquals(Path.of("A"), a.export().avi());
        assertEquals(Path.of("T"), a.export().tiff());
        assertEquals("MJPG", a.export().codec().fourcc());
        assertEquals(100.0, a.export().range().vmax());
        assertEquals(10.0, a.export().fps());
        assertTrue(a.overwrite());
        assertEquals("R", a.report());
        assertFalse(a.noReport());
        assertTrue(RunArgs.parse(List.of("sw.json", "--no-report")).noReport());
        for (String[] bad : new String[][] {{"s.json", "--no-report", "--report", "x"}, {"s.json", "--codec", "mjpg"},
            {"s.json", "--avi", "a", "--range", "5,1"}}) {
            errBytes.reset();
            assertEquals(2, run(bad), String.join(" ", bad));
            assertEquals(2, err().lines().count(), err());
        }
    }
}
