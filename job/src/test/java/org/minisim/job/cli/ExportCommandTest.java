package org.minisim.job.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.storage.HadoopByteStore;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.testing.S3TestServer;
import org.minisim.recording.io.RecordingSaver;
import org.minisim.render.Simulator;
import org.minisim.render.SpecFixtures;
import org.minisim.store.FileByteStore;

/** {@code minisim export}: options, exit statuses, messages and the files it leaves (through {@link Main}). */
class ExportCommandTest {

    @TempDir
    static Path shared;

    static Path store;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void simulate() throws IOException {
        store = shared.resolve("q.zarr");
        RecordingSaver.save(Simulator.simulate(SpecFixtures.quickstart(24, 0.5, 3)), store);
    }

    private int run(String... args) {
        return Main.run(Stream.concat(Stream.of("export"), Stream.of(args)).toArray(String[]::new),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesBothFilesWithAStartAndASummaryLine() throws IOException {
        Path avi = dir.resolve("m.avi"), tif = dir.resolve("m.tif");
        assertEquals(0, run(store.toString(), "--avi", avi.toString(), "--tiff", tif.toString(), "--codec", "mjpg"),
                err());
        List<String> lines = err().lines().toList();
        assertEquals(2, lines.size(), err());
        assertTrue(lines.get(0).startsWith("minisim export: file:") && lines.get(0).contains("q.zarr")
                && lines.get(0).endsWith("m.tif (10 frames)"), err());
        assertTrue(lines.get(1).startsWith("minisim export: wrote 10 frames of 24 x 24 px at 20.0 fps; AVI ")
                && lines.get(1).contains("MJPG") && lines.get(1).contains("uint8"), err());
        assertEquals(List.of("m.avi", "m.tif"), names());
        assertTrue(Files.size(avi) > 1000 && Files.size(tif) > 10 * 24 * 24);
    }

    @Test
    void aFileUriStoreWorksToo() throws IOException {
        Path tif = dir.resolve("u.tif");
        assertEquals(0, run(store.toUri().toString(), "--tiff", tif.toString()), err());
        assertTrue(Files.size(tif) > 10 * 24 * 24);
    }

    @Test
    void anS3aStoreIsReadThroughHadoopWithConfEntries() throws IOException {
        S3TestServer server = S3TestServer.shared();
        String uri = "s3a://" + server.newBucket("export") + "/stores/q.zarr";
        org.minisim.store.ByteStore remote = StoreRoot.of(uri, server.hadoopConf()).rootStore();
        FileByteStore local = new FileByteStore(store);
        for (String key : local.list("")) {
            remote.put(key, local.get(key));
        }
        List<String> args = new ArrayList<>(List.of(uri, "--tiff", dir.resolve("s3.tif").toString()));
        server.hadoopConf().forEach((k, v) -> args.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
        assertEquals(0, run(args.toArray(String[]::new)), err());
        assertTrue(err().startsWith("minisim export: " + uri), err());
        Path localTif = dir.resolve("local.tif");
        assertEquals(0, run(store.toString(), "--tiff", localTif.toString()), err());
        assertArrayEquals(Files.readAllBytes(localTif), Files.readAllBytes(dir.resolve("s3.tif")));
    }

    @Test
    void aMissingOutputIsAMalformedCommandLine() throws IOException {
        assertEquals(2, run(store.toString()));
        assertTrue(err().startsWith("minisim export: give an output: --avi FILE and/or --tiff FILE\n"), err());
        assertTrue(err().contains("usage: minisim export STORE"), err());
    }

    @Test
    void malformedOptionsExitTwo() {
        assertEquals(2, run(store.toString(), "--avi", "a.avi", "--range", "9,1"));
        assertTrue(err().startsWith("minisim export: --range '9,1': VMIN must be less than VMAX"), err());
        errBytes.reset();
        assertEquals(2, run(store.toString(), "--avi", "a.avi", "--codec", "h264"));
        assertTrue(err().startsWith("minisim export: --codec 'h264' is not y800 or mjpg"), err());
        errBytes.reset();
        assertEquals(2, run(store.toString(), "--tiff"));
        assertTrue(err().startsWith("minisim export: --tiff needs a value"), err());
        errBytes.reset();
        assertEquals(2, run(store.toString(), "--avi", "a.avi", "--fps", "0"));
        assertTrue(err().startsWith("minisim export: --fps '0' is not a positive frame rate"), err());
        errBytes.reset();
        assertEquals(2, run("--avi", "a.avi"));
        assertTrue(err().startsWith("minisim export: give the STORE to export"), err());
    }

    @Test
    void aMissingStoreExitsOneWithOneLine() throws IOException {
        Path missing = dir.resolve("nope.zarr");
        assertEquals(1, run(missing.toString(), "--avi", dir.resolve("x.avi").toString()));
        List<String> lines = err().lines().toList();
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith("minisim export: no recording store at file:")
                && lines.get(0).contains("nope.zarr"), err());
        assertEquals(List.of(), names());
    }

    @Test
    void anExistingOutputExitsOneUnlessOverwrite() throws IOException {
        Path avi = dir.resolve("old.avi");
        Files.writeString(avi, "old");
        assertEquals(1, run(store.toString(), "--avi", avi.toString()));
        assertTrue(err().endsWith("old.avi already exists (use --overwrite to replace it)\n"), err());
        assertEquals(1, err().lines().count(), err());
        assertEquals("old", Files.readString(avi));
        assertEquals(0, run(store.toString(), "--avi", avi.toString(), "--overwrite"), err());
        assertTrue(Files.size(avi) > 10 * 24 * 24);
        assertEquals(List.of("old.avi"), names());
    }

    @Test
    void progressPrintsAtMostOncePerIntervalAndNotTheLastChunk() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(b, true, StandardCharsets.UTF_8);
        AtomicLong now = new AtomicLong();
        FrameProgress p = new FrameProgress(ps, "t", "go", true, now::get, 100);
        p.frames(0, 50);
        p.frames(10, 50); // too soon
        now.set(150);
        p.frames(20, 50);
        now.set(200);
        p.frames(30, 50); // 50 ns after the last line
        now.set(400);
        p.frames(50, 50); // the summary line reports the end
        assertEquals("go (50 frames)\nt: 20/50 frames (40%)\n", b.toString(StandardCharsets.UTF_8));
        b.reset();
        FrameProgress quiet = new FrameProgress(ps, "t", "go", false, now::get, 0);
        quiet.frames(0, 50);
        now.set(1000);
        quiet.frames(20, 50);
        assertEquals("go (50 frames)\n", b.toString(StandardCharsets.UTF_8));
    }
}
