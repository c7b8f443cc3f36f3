package org.minisim.store;

import org.minisim.recording.io.SnapshotData;
import org.minisim.recording.io.RecordingStoreWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.recording.GroundTruth;

/**
 * Interop with Debian's python3-zarr 2.13 / numcodecs 0.11 through {@code src/test/python/check_store.py}: Python
 * reads stores our writer produced (replicating the reference loader's checks), and Java reads what numcodecs wrote.
 * Arrays are compared bit for bit through SHA-256 of their little-endian C-order values. Skipped when
 * {@code /usr/bin/python3} cannot import zarr, unless {@code MINISIM_REQUIRE_PYTHON=1}.
 */
class ZarrPythonInteropTest {

    /** The interpreter with Debian's zarr; override with {@code -Dminisim.python=...}. */
    static final String PYTHON = System.getProperty("minisim.python", "/usr/bin/python3");

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePython() throws Exception {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import zarr, numcodecs, numpy").redirectErrorStream(true)
                    .start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            ok = false;
        }
        if ("1".equals(System.getenv("MINISIM_REQUIRE_PYTHON"))) {
            assertTrue(ok, PYTHON + " cannot import zarr/numcodecs/numpy, and MINISIM_REQUIRE_PYTHON=1");
        } else {
            Assumptions.assumeTrue(ok, PYTHON + " cannot import zarr (apt-get install python3-zarr); skipped");
        }
    }

    static Path script() {
        Path p = Path.of(System.getProperty("basedir", ".")).resolve("src/test/python/check_store.py");
        assertTrue(Files.isRegularFile(p), "missing " + p.toAbsolutePath());
        return p;
    }

    static JsonNode runPython(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON, script().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        File err = File.createTempFile("check_store", ".err");
        pb.redirectError(err);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("check_store.py timed out");
        }
        String stderr = Files.readString(err.toPath());
        Files.deleteIfExists(err.toPath());
        if (p.exitValue() != 0) {
            fail("check_store.py " + String.join(" ", args) + " failed (" + p.exitValue() + "): " + stderr);
        }
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Compares every array Python reported with Java's own read of the same store. */
    static int compareArrays(JsonNode report, ByteStore st) throws Exception {
        int n = 0;
        for (Map.Entry<String, JsonNode> e : report.get("arrays").properties()) {
            ZarrArrayMeta meta = Zarr.readMeta(st, e.getKey());
            assertEquals(e.getValue().get("dtype").asText(), meta.dtype().code(), e.getKey());
            List<Long> shape = new java.util.ArrayList<>();
            e.getValue().get("shape").forEach(x -> shape.add(x.asLong()));
            assertEquals(shape, java.util.Arrays.stream(meta.shape()).boxed().toList(), e.getKey());
            assertEquals(e.getValue().get("sha256").asText(), sha256(Zarr.readArray(st, e.getKey(), meta)),
                    e.getKey() + ": Java and numcodecs decode different values");
            n++;
        }
        return n;
    }

    @Test
    void pythonLoadsWhatOurWriterWritesWithEveryCodec() throws Exception {
        GroundTruth gt = ZarrRecordingStoreTest.fullGroundTruth();
        int f = 7, h = 6, w = 5;
        Map<String, SnapshotData> snaps = new TreeMap<>();
        snaps.put("sensor", new SnapshotData(f, h, w, ZarrRecordingStoreTest.rnd(f * h * w, 51)));
        snaps.put("cells_only", new SnapshotData(f, 10, 9, ZarrRecordingStoreTest.rnd(f * 90, 52)));
        double[] observed = new double[f * h * w];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = (i * 37) % 256;
        }
        for (ChunkCodec codec : List.of(new BloscLz4Codec(), new BloscLz4Codec(64), new ZlibCodec(1),
                new NullCodec())) {
            Path target = dir.resolve("w" + codec.hashCode() + ".zarr");
            RecordingStoreWriter.saveAtomically(target, ZarrRecordingStoreTest.KEY, ZarrRecordingStoreTest.SPEC, gt,
                    observed, f, h, w, "<f4", snaps, codec);
            JsonNode r = runPython(target.toString());
            assertEquals(2, r.get("format_version").asInt());
            assertEquals(ZarrRecordingStoreTest.KEY, r.get("spec_cache_key").asText());
            assertEquals(gt.presentOptional().size(), r.get("gt_present").size());
            assertEquals(List.of(10, 9), List.of(r.get("canvas_shape").get(0).asInt(), r.get("canvas_shape").get(1).asInt()));
            assertEquals(131.25, r.get("focal_depth_um").asDouble());
            double plantedSum = 0;
            for (float v : gt.planted().data()) {
                plantedSum += v;
            }
            assertEquals(plantedSum, r.get("a_planted_sum").asDouble(), 1e-6);
            int arrays = compareArrays(r, new FileByteStore(target));
            assertEquals(6 + 12 + 3 + 2 + 1, arrays, "every array was read by Python");
            // and Python's hash of observed equals the hash of the values we meant to write
            assertEquals(sha256(ZarrDtype.F4.encode(observed, 0, observed.length)),
                    r.get("arrays").get("observed").get("sha256").asText());
            assertEquals(sha256(ZarrDtype.F8.encode(gt.c(), 0, gt.c().length)),
                    r.get("arrays").get("ground_truth/C").get("sha256").asText());
        }
    }

    @Test
    void pythonLoadsAnEmptyRecording() throws Exception {
        Path target = dir.resolve("empty.zarr");
        RecordingStoreWriter.saveAtomically(target, ZarrRecordingStoreTest.KEY, ZarrRecordingStoreTest.SPEC,
                ZarrRecordingStoreTest.emptyGroundTruth(0, 4, 3), new double[0], 0, 4, 3, "<f8", Map.of(),
                new BloscLz4Codec());
        JsonNode r = runPython(target.toString());
        assertEquals(0, r.get("gt_present").size());
        assertTrue(r.get("focal_depth_um").isNull());
        compareArrays(r, new FileByteStore(target));
    }

    @Test
    void javaDecodesNumcodecsFixturesAndGoldenStoresBitExactly() throws Exception {
        Path fx = dir.resolve("fixtures.zarr");
        JsonNode r = runPython("--fixtures", fx.toString());
        assertEquals(10, compareArrays(r, new FileByteStore(fx)));
        for (Path golden : ZarrGoldenStoreTest.stores()) {
            JsonNode g = runPython(golden.toString());
            assertTrue(compareArrays(g, new FileByteStore(golden)) >= 10, golden.toString());
        }
    }

    @Test
    void aSimulatedFullRecordingOpensInPythonWithItsCacheKeyRecomputedFromSpecJson() throws Exception {
        org.minisim.recording.Recording rec = org.minisim.render.Simulator.simulate(
                org.minisim.render.SpecFixtures.full(32, 0.5, 9, true, true));
        String key = org.minisim.spec.json.CanonicalJson.cacheKey(rec.spec());
        Path target = dir.resolve(key + ".zarr");
        org.minisim.recording.io.RecordingSaver.save(rec, target);
        JsonNode report = runPython(target.toString());
        assertEquals(key, report.get("spec_cache_key").asText());
        assertEquals(key, report.get("recomputed_cache_key").asText(), "Python recomputes the key from spec.json");
        assertTrue(compareArrays(report, new FileByteStore(target)) > 10, "every array compared");
    }
}
