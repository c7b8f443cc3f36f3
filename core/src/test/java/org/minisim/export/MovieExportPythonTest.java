package org.minisim.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.spec.Output;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.SnapshotData;

/**
 * Interop with Debian's python3-opencv (ffmpeg backend) and python3-tifffile through
 * {@code src/test/python/check_movie.py}: OpenCV decodes our AVIs to the reference's grey mapping of the stored
 * counts (exactly for Y800, within JPEG tolerance for MJPG) at the spec's fps, also across OpenDML segments; tifffile
 * reads our TIFF stacks (classic and BigTIFF) to the exact stored values. Skipped when {@code /usr/bin/python3}
 * cannot import cv2, tifffile and numpy, unless {@code MINISIM_REQUIRE_PYTHON=1}.
 */
class MovieExportPythonTest {

    static final String PYTHON = System.getProperty("minisim.python", "/usr/bin/python3");

    @TempDir
    static Path shared;

    static Path store8;

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePython() throws Exception {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import cv2, tifffile, numpy").redirectErrorStream(true)
                    .start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        if ("1".equals(System.getenv("MINISIM_REQUIRE_PYTHON"))) {
            assertTrue(ok, PYTHON + " cannot import cv2/tifffile/numpy, and MINISIM_REQUIRE_PYTHON=1");
        } else {
            Assumptions.assumeTrue(ok, PYTHON + " cannot import cv2/tifffile (apt-get install python3-opencv "
                    + "python3-tifffile); skipped");
        }
        store8 = ExportFixtures.sensor8(shared);
    }

    static JsonNode check(String... args) throws Exception {
        Path script = Path.of(System.getProperty("basedir", ".")).resolve("src/test/python/check_movie.py");
        assertTrue(Files.isRegularFile(script), "missing " + script.toAbsolutePath());
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString()));
        cmd.addAll(List.of(args));
        File err = File.createTempFile("check_movie", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("check_movie.py timed out");
        }
        String stderr = Files.readString(err.toPath());
        Files.deleteIfExists(err.toPath());
        if (p.exitValue() != 0) {
            fail("check_movie.py " + String.join(" ", args) + " failed (" + p.exitValue() + "): " + stderr);
        }
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    /** Writes the expected grey frames of the reference's mapping, for the script. */
    Path expectedGrey(SnapshotData obs, GreyRange range) throws IOException {
        Path raw = dir.resolve("expected-grey.raw");
        Files.write(raw, MovieExportTest.greyOf(obs.frames(), range));
        return raw;
    }

    /** Writes the expected stored values as little-endian samples of the TIFF type. */
    Path expectedSamples(SnapshotData obs, TiffSample s) throws IOException {
        double[] v = obs.frames();
        ByteBuffer b = ByteBuffer.allocate(v.length * s.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            switch (s) {
                case UINT8 -> b.put((byte) x);
                case UINT16 -> b.putShort((short) x);
                case UINT32 -> b.putInt((int) x);
                case FLOAT32 -> b.putFloat((float) x);
            }
        }
        Path raw = dir.resolve("expected-samples.raw");
        Files.write(raw, b.array());
        return raw;
    }

    JsonNode checkAvi(Path avi, SnapshotData obs, GreyRange range) throws Exception {
        return check("avi", avi.toString(), expectedGrey(obs, range).toString(), String.valueOf(obs.height()),
                String.valueOf(obs.width()));
    }

    @Test
    void openCvReadsTheY800AviAsTheReferenceMappingOfTheCounts() throws Exception {
        Path avi = dir.resolve("m.avi");
        MovieExport.export(new FileByteStore(store8), ExportOptions.avi(avi));
        SnapshotData obs = ExportFixtures.observed(store8);
        JsonNode r = checkAvi(avi, obs, GreyRange.ofBitDepth(8));
        assertEquals(25, r.get("frames").asInt(), r.toString());
        assertEquals(31, r.get("height").asInt());
        assertEquals(37, r.get("width").asInt());
        assertEquals(20.0, r.get("fps").asDouble(), 1e-9);
        assertTrue(r.get("equal").asBoolean(), r.toString());
    }

    @Test
    void openCvReadsARangedAviAtAnotherFps() throws Exception {
        Path avi = dir.resolve("r.avi");
        GreyRange range = new GreyRange(3.0, 41.5);
        MovieExport.export(new FileByteStore(store8), ExportOptions.avi(avi).withRange(range).withFps(29.97));
        JsonNode r = checkAvi(avi, ExportFixtures.observed(store8), range);
        assertEquals(25, r.get("frames").asInt(), r.toString());
        assertEquals(29.97, r.get("fps").asDouble(), 1e-9);
        assertTrue(r.get("equal").asBoolean(), r.toString());
    }

    @Test
    void openCvReadsEveryFrameOfAnOpenDmlAvi() throws Exception {
        Path avi = dir.resolve("odml.avi");
        MovieExport.export(new FileByteStore(store8), ExportOptions.avi(avi), 16 * 1024, false);
        assertTrue(AviTestReader.read(avi).riffSegments >= 2);
        JsonNode r = checkAvi(avi, ExportFixtures.observed(store8), GreyRange.ofBitDepth(8));
        assertEquals(25, r.get("frames").asInt(), r.toString());
        assertTrue(r.get("equal").asBoolean(), r.toString());
    }

    @Test
    void openCvReadsTheMjpgAviWithinJpegTolerance() throws Exception {
        Path avi = dir.resolve("j.avi");
        MovieExport.export(new FileByteStore(store8), ExportOptions.avi(avi).withCodec(AviCodec.MJPG));
        JsonNode r = checkAvi(avi, ExportFixtures.observed(store8), GreyRange.ofBitDepth(8));
        assertEquals(25, r.get("frames").asInt(), r.toString());
        assertEquals(20.0, r.get("fps").asDouble(), 1e-9);
        assertTrue(r.get("mean_abs_diff").asDouble() < 2.0, r.toString());
        assertTrue(r.get("max_abs_diff").asInt() <= 24, r.toString());
    }

    @Test
    void tifffileReadsTheEightBitStackExactly() throws Exception {
        Path tif = dir.resolve("m.tif");
        MovieExport.export(new FileByteStore(store8), ExportOptions.tiff(tif));
        SnapshotData obs = ExportFixtures.observed(store8);
        JsonNode r = check("tiff", tif.toString(), expectedSamples(obs, TiffSample.UINT8).toString(), "uint8");
        assertEquals("[25,31,37]", r.get("shape").toString(), r.toString());
        assertEquals(25, r.get("pages").asInt());
        assertEquals("uint8", r.get("dtype").asText());
        assertEquals(25, r.get("imagej_images").asInt(), r.toString());
        assertEquals(0.05, r.get("finterval").asDouble(), 1e-12);
        assertTrue(r.get("equal").asBoolean(), r.toString());
    }

    @Test
    void tifffileReadsSixteenBitAndFloatStacksExactly() throws Exception {
        Path s12 = ExportFixtures.write(dir.resolve("s12.zarr"),
                ExportFixtures.spec(20, 16, 12, 25.0, 0.6, true, Output.StoreDtype.FLOAT32), 4, null);
        Path t16 = dir.resolve("m16.tif");
        MovieExport.export(new FileByteStore(s12), ExportOptions.tiff(t16));
        JsonNode r = check("tiff", t16.toString(),
                expectedSamples(ExportFixtures.observed(s12), TiffSample.UINT16).toString(), "uint16");
        assertEquals("[15,20,16]", r.get("shape").toString(), r.toString());
        assertEquals("uint16", r.get("dtype").asText());
        assertTrue(r.get("equal").asBoolean(), r.toString());

        Path ns = ExportFixtures.write(dir.resolve("ns.zarr"),
                ExportFixtures.spec(12, 14, 8, 20.0, 0.5, false, Output.StoreDtype.FLOAT64), 3, null);
        Path tf = dir.resolve("f.tif");
        MovieExport.export(new FileByteStore(ns), ExportOptions.tiff(tf));
        r = check("tiff", tf.toString(), expectedSamples(ExportFixtures.observed(ns), TiffSample.FLOAT32).toString(),
                "float32");
        assertEquals("[10,12,14]", r.get("shape").toString(), r.toString());
        assertEquals("float32", r.get("dtype").asText());
        assertTrue(r.get("equal").asBoolean(), r.toString());
    }

    @Test
    void tifffileReadsABigTiffStackExactly() throws Exception {
        Path tif = dir.resolve("big.tif");
        ExportResult res = MovieExport.export(new FileByteStore(store8), ExportOptions.tiff(tif), 1L << 30, true);
        assertTrue(res.bigTiff());
        SnapshotData obs = ExportFixtures.observed(store8);
        JsonNode r = check("tiff", tif.toString(), expectedSamples(obs, TiffSample.UINT8).toString(), "uint8");
        assertTrue(r.get("bigtiff").asBoolean(), r.toString());
        assertEquals("[25,31,37]", r.get("shape").toString(), r.toString());
        assertEquals(25, r.get("pages").asInt());
        assertTrue(r.get("equal").asBoolean(), r.toString());
    }
}
