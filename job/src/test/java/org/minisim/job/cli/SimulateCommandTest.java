package org.minisim.job.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.export.ObservedMovie;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.SpecReader;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.StoreDiff;

/**
 * {@code minisim simulate}: the store equals the one a one-recording sweep of the same spec writes, an existing
 * complete store is refused, the result exports, and every bad input is one line with exit status 1 (through
 * {@link Main}; no Spark).
 */
class SimulateCommandTest {

    /** A tiny spec: 40 × 40 px, 1 s at 20 fps, the quick-start chain. */
    static final String SPEC = """
            {"acquisition": {"optics": {"na": 0.5, "magnification": 8.0},
                             "image_sensor": {"n_px_height": 40, "n_px_width": 40, "pixel_pitch_um": 8.0},
                             "fps": 20.0, "duration_s": 1.0},
             "seed": 3,
             "steps": [{"kind": "place_neurons"}, {"kind": "cell_activity"}, {"kind": "optics"},
                       {"kind": "composite"}, {"kind": "sensor"}]}
            """;

    @TempDir
    static Path shared;

    static Path specFile;
    static Path simulated;
    static String key;
    static String simulateOut;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void simulateOnce() throws IOException {
        specFile = Files.writeString(shared.resolve("spec.json"), SPEC);
        key = CanonicalJson.cacheKey(SpecReader.read(SPEC).spec());
        simulated = shared.resolve("one.zarr");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"simulate", specFile.toString(), simulated.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        simulateOut = out.toString(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return Main.run(Stream.concat(Stream.of("simulate"), Stream.of(args)).toArray(String[]::new),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** @return relative path → bytes of every file under a folder */
    static TreeMap<String, byte[]> files(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theStoreIsTheOneAOneRecordingSweepWrites() throws IOException {
        Path sweep = shared.resolve("sweep.json");
        Files.writeString(sweep, "{\"sweep_format\": 1, \"sweep_id\": \"one\", \"base\": " + SPEC
                + ", \"output\": {\"stores\": \"" + shared.resolve("stores") + "\", \"table\": \""
                + shared.resolve("cells") + "\"}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, RunCommand.run(new String[] {sweep.toString(), "--no-report"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)),
                err.toString(StandardCharsets.UTF_8));
        Path swept = shared.resolve("stores").resolve(key + ".zarr");
        assertTrue(Files.isDirectory(swept), "the sweep wrote " + swept);
        StoreDiff.Result d = StoreDiff.compare(new FileByteStore(swept), new FileByteStore(simulated));
        assertTrue(d.identical(), d.firstDifference());
        assertTrue(d.arrays().contains("observed") && d.groundTruthArrays() > 0, d.arrays().toString());
        TreeMap<String, byte[]> a = files(swept), b = files(simulated);
        assertEquals(a.keySet(), b.keySet());
        for (String f : a.keySet()) {
            assertArrayEquals(a.get(f), b.get(f), f);
        }
    }

    @Test
    void theSummaryNamesKeyFramesCellsDetectableAndWallTime() throws IOException {
        assertTrue(simulateOut.matches("simulated " + key + ": 20 frames, [1-9][0-9]* cells, [0-9]+ detectable, "
                + "[0-9.]+ s wall -> .*one\\.zarr\n"), simulateOut);
        assertTrue(RecordingStoreWriter.isComplete(new FileByteStore(simulated)));
        assertEquals(List.of("one.zarr", "spec.json"), names(shared).stream()
                .filter(n -> n.equals("one.zarr") || n.equals("spec.json") || n.startsWith(".")).toList(),
                "no hidden .part folder left");
    }

    @Test
    void anExistingCompleteStoreIsRefusedUnlessOverwrite() throws IOException {
        Path out = dir.resolve("s.zarr");
        assertEquals(0, run(specFile.toString(), out.toString()), err());
        TreeMap<String, byte[]> before = files(out);
        errBytes.reset();
        assertEquals(1, run(specFile.toString(), out.toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("minisim simulate: " + out + " is already a complete store of this spec "
                + "(cache key " + key + "); give --overwrite"), err());
        assertEquals(before.keySet(), files(out).keySet(), "left as it was");
        errBytes.reset();
        Files.delete(out.resolve("observed/0.0.0"));
        assertTrue(RecordingStoreWriter.isComplete(new FileByteStore(out)), "a damaged but committed store");
        assertEquals(0, run(specFile.toString(), out.toString(), "--overwrite"), err());
        TreeMap<String, byte[]> after = files(out);
        assertEquals(before.keySet(), after.keySet(), "replaced by a whole store");
        assertArrayEquals(before.get("observed/0.0.0"), after.get("observed/0.0.0"));
        assertEquals(List.of("s.zarr"), names(dir));
    }

    @Test
    void anUnfinishedStoreIsReplacedAndAForeignFolderRefused() throws IOException {
        Path out = dir.resolve("u.zarr");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".zgroup"), "{\"zarr_format\": 2}");
        assertEquals(0, run(specFile.toString(), out.toString()), err());
        assertTrue(RecordingStoreWriter.isComplete(new FileByteStore(out)));
        Path foreign = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(foreign.resolve("a.jpg"), "x");
        errBytes.reset();
        assertEquals(1, run(specFile.toString(), foreign.toString(), "--overwrite"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("exists and is not a zarr store"), err());
        assertEquals(List.of("a.jpg"), names(foreign));
    }

    @Test
    void simulateThenExportAsAviAndTiff() throws IOException {
        Path avi = dir.resolve("m.avi"), tif = dir.resolve("m.tif");
        assertEquals(0, Main.run(new String[] {"export", simulated.toString(), "--avi", avi.toString(), "--tiff",
            tif.toString()}, new PrintStream(outBytes), new PrintStream(errBytes, true, StandardCharsets.UTF_8)),
                err());
        assertTrue(Files.size(avi) > 20 * 40 * 40 && Files.size(tif) > 20 * 40 * 40);
        // and as simulate's own options, into an existing directory: <key>.avi / <key>.tiff
        Path exports = Files.createDirectories(dir.resolve("exports"));
        errBytes.reset();
        assertEquals(0, run(specFile.toString(), dir.resolve("x.zarr").toString(), "--avi", exports.toString(),
                "--tiff", exports.toString(), "--codec", "mjpg"), err());
        assertEquals(List.of(key + ".avi", key + ".tiff"), names(exports));
        assertArrayEquals(observed(simulated), RunExportTest.decodeTiff(exports.resolve(key + ".tiff")));
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("exported " + key + ": wrote 20 frames"),
                outBytes.toString(StandardCharsets.UTF_8));
    }

    static double[] observed(Path store) throws IOException {
        ObservedMovie m = ObservedMovie.open(new FileByteStore(store));
        return m.read(0, m.frames()).frames();
    }

    @Test
    void anExistingExportFileIsRefusedBeforeSimulating() throws IOException {
        Path avi = Files.writeString(dir.resolve("m.avi"), "old");
        assertEquals(1, run(specFile.toString(), dir.resolve("n.zarr").toString(), "--avi", avi.toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("minisim simulate: " + avi + " already exists (use --overwrite"), err());
        assertEquals(List.of("m.avi"), names(dir), "nothing simulated");
    }

    @Test
    void badInputsAreOneLineAndExitOne() throws IOException {
        Path missing = dir.resolve("missing.json");
        assertEquals(1, run(missing.toString(), dir.resolve("a.zarr").toString()));
        assertEquals("minisim simulate: cannot read spec file " + missing + ": no such file\n", err());

        errBytes.reset();
        assertEquals(1, run("miniscope_v5+ca1", dir.resolve("a.zarr").toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("minisim simulate: unknown preset 'miniscope_v5+ca1'")
                && err().contains("miniscope_v4, generic_1p") && err().contains("ca1, cortex_l23"), err());

        errBytes.reset();
        Path bad = Files.writeString(dir.resolve("bad.json"), SPEC.replace("\"na\": 0.5", "\"na\": -1")
                .replace("\"fps\": 20.0", "\"fps\": \"fast\""));
        assertEquals(1, run(bad.toString(), dir.resolve("a.zarr").toString()));
        List<String> lines = err().lines().toList();
        assertEquals(2, lines.size(), err());
        for (String l : lines) {
            assertTrue(l.matches(java.util.regex.Pattern.quote(bad.toString())
                    + ": error \\S+ acquisition\\.(optics\\.na|fps): .*"), l);
        }
        ByteArrayOutputStream validate = new ByteArrayOutputStream();
        Main.run(new String[] {"validate", bad.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(validate, true, StandardCharsets.UTF_8));
        assertEquals(validate.toString(StandardCharsets.UTF_8), err(), "the lines validate prints");

        errBytes.reset();
        Path file = Files.writeString(dir.resolve("file.zarr"), "not a store");
        assertEquals(1, run(specFile.toString(), file.toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("exists and is a file"), err());
        assertFalse(Files.exists(dir.resolve("a.zarr")), "nothing written");
    }

    @Test
    void aPresetBuildsItsSpec() {
        // a sensorless AVI needs a range, checked before simulating; a preset has a sensor, so only the duration
        // and seed options are exercised here through the refusal of an existing output
        Path out = dir.resolve("p.zarr");
        assertEquals(1, run("generic_1p+cortex_l23", out.toString(), "--duration", "0.1", "--seed", "5", "--avi",
                Path.of("/no/such/dir/x.avi").toString()));
        assertTrue(err().startsWith("minisim simulate: cannot write /no/such/dir/x.avi: directory /no/such/dir "
                + "does not exist"), err());
        errBytes.reset();
        assertEquals(2, run("generic_1p+cortex_l23", out.toString(), "--duration", "-3"));
        assertTrue(err().startsWith("minisim simulate: --duration '-3' is not a positive number"), err());
        errBytes.reset();
        assertEquals(1, run(specFile.toString(), out.toString(), "--seed", "5"));
        assertTrue(err().startsWith("minisim simulate: --duration and --seed apply to a preset"), err());
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedCommandLinesExitTwo() {
        for (String[] args : new String[][] {{}, {"spec.json"}, {"a", "b", "c"}, {"a", "b", "--bogus"},
            {"a", "b", "--codec", "h264"}, {"a", "b", "--avi"}}) {
            errBytes.reset();
            assertEquals(2, run(args), Arrays.toString(args));
            List<String> lines = err().lines().toList();
            assertEquals(2, lines.size(), err());
            assertTrue(lines.get(0).startsWith("minisim simulate: ") && lines.get(1).startsWith("usage:"), err());
        }
    }
}
