package org.minisim.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.spec.Output;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.SnapshotData;

/** Exports small simulated stores and decodes the files back (TIFF with ImageIO, AVI with a test-side parser). */
class MovieExportTest {

    @TempDir
    static Path shared;

    static Path store8;

    @TempDir
    Path dir;

    @BeforeAll
    static void stores() throws IOException {
        store8 = ExportFixtures.sensor8(shared);
    }

    static FileByteStore open(Path p) {
        return new FileByteStore(p);
    }

    /** Decodes every page of a TIFF with the JDK's ImageIO TIFF reader, as doubles in C order. */
    static double[] decodeTiff(Path file, int[] shapeOut) throws IOException {
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
            shapeOut[0] = n;
            shapeOut[1] = h;
            shapeOut[2] = w;
            r.dispose();
            return out;
        }
    }

    @Test
    void tiffOfAnEightBitStoreDecodesToTheStoredCounts() throws IOException {
        Path tif = dir.resolve("m.tif");
        ExportResult r = MovieExport.export(open(store8), ExportOptions.tiff(tif));
        assertEquals(TiffSample.UINT8, r.tiffSample());
        SnapshotData obs = ExportFixtures.observed(store8);
        int[] shape = new int[3];
        double[] back = decodeTiff(tif, shape);
        assertArrayEquals(new int[] {25, 31, 37}, shape);
        assertArrayEquals(obs.frames(), back);
        assertTrue(max(obs.frames()) > 0, "the fixture has signal");
        String head = new String(Files.readAllBytes(tif), 0, 400, StandardCharsets.ISO_8859_1);
        assertTrue(head.contains("images=25\nframes=25\nfinterval=0.05"), head);
    }

    @Test
    void tiffOfATwelveBitFloat64StoreIsSixteenBitWithTheStoredCounts() throws IOException {
        Path store = ExportFixtures.write(dir.resolve("s12.zarr"),
                ExportFixtures.spec(20, 16, 12, 25.0, 0.6, true, Output.StoreDtype.FLOAT64), 4, null);
        Path tif = dir.resolve("m16.tif");
        ExportResult r = MovieExport.export(open(store), ExportOptions.tiff(tif));
        assertEquals(TiffSample.UINT16, r.tiffSample());
        assertEquals(25.0, r.fps());
        SnapshotData obs = ExportFixtures.observed(store);
        assertTrue(max(obs.frames()) > 255, "counts above 8 bits: " + max(obs.frames()));
        int[] shape = new int[3];
        assertArrayEquals(obs.frames(), decodeTiff(tif, shape));
        assertArrayEquals(new int[] {15, 20, 16}, shape);
    }

    @Test
    void tiffOfASensorlessStoreIsFloat32WithTheStoredValues() throws IOException {
        Path store = ExportFixtures.write(dir.resolve("nosensor.zarr"),
                ExportFixtures.spec(12, 14, 8, 20.0, 0.5, false, Output.StoreDtype.FLOAT32), 3, null);
        Path tif = dir.resolve("f.tif");
        ExportResult r = MovieExport.export(open(store), ExportOptions.tiff(tif));
        assertEquals(TiffSample.FLOAT32, r.tiffSample());
        SnapshotData obs = ExportFixtures.observed(store);
        int[] shape = new int[3];
        double[] back = decodeTiff(tif, shape);
        assertArrayEquals(new int[] {10, 12, 14}, shape);
        assertArrayEquals(obs.frames(), back);
        assertTrue(Math.rint(obs.frames()[40]) != obs.frames()[40], "continuous values");
    }

    @Test
    void y800AviCarriesTheReferenceGreyMappingOfEveryFrameAtTheSpecFps() throws IOException {
        Path avi = dir.resolve("m.avi");
        MovieExport.export(open(store8), ExportOptions.avi(avi));
        AviTestReader a = AviTestReader.read(avi);
        assertEquals(37, a.width);
        assertEquals(31, a.height);
        assertEquals(31, a.biHeight, "positive height: rows top-down with a fourcc compression");
        assertEquals("Y800", a.handler);
        assertEquals("Y800", a.compression);
        assertEquals(8, a.bitCount);
        assertEquals(20.0, (double) a.rate / a.scale);
        assertEquals(25, a.frames.size());
        assertEquals(25, a.strhLength);
        assertEquals(25, a.avihFrames);
        assertEquals(25, a.dmlhFrames);
        assertEquals(1, a.riffSegments);
        SnapshotData obs = ExportFixtures.observed(store8);
        GreyRange def = GreyRange.ofBitDepth(8);
        assertArrayEquals(greyOf(obs.frames(), def), concat(a.frames));
        // 8-bit counts with the default range are the counts themselves
        for (int i = 0; i < obs.frames().length; i += 97) {
            assertEquals(obs.frames()[i], concat(a.frames)[i] & 0xff);
        }
    }

    @Test
    void aRangeMapsLinearlyWithClipping() throws IOException {
        Path avi = dir.resolve("r.avi");
        GreyRange range = new GreyRange(10.0, 60.0);
        MovieExport.export(open(store8), ExportOptions.avi(avi).withRange(range).withFps(7.5));
        AviTestReader a = AviTestReader.read(avi);
        assertEquals(7.5, (double) a.rate / a.scale);
        assertArrayEquals(greyOf(ExportFixtures.observed(store8).frames(), range), concat(a.frames));
    }

    @Test
    void greyMappingIsTheReferenceFormula() {
        GreyRange r = GreyRange.ofBitDepth(8);
        for (int c = 0; c <= 255; c++) {
            assertEquals(c, r.grey(c));
        }
        assertEquals(0, r.grey(-3));
        assertEquals(255, r.grey(300));
        assertEquals(0, r.grey(Double.NaN));
        GreyRange q = new GreyRange(-1.0, 3.0);
        for (double x = -2; x < 4; x += 0.0625) {
            double v = Math.min(1, Math.max(0, (x + 1.0) / 4.0));
            assertEquals((int) Math.floor(v * 255 + 0.5), q.grey(x), "x=" + x);
        }
        GreyRange twelve = GreyRange.ofBitDepth(12);
        assertEquals(4095.0, twelve.vmax());
        assertEquals(128, twelve.grey(2048)); // 2048/4095·255 = 127.53 → 128
    }

    @Test
    void openDmlSegmentsHoldEveryFrameInOrderWithTheirIndexes() throws IOException {
        Path avi = dir.resolve("odml.avi");
        long limit = 16 * 1024; // a 31 × 37 frame is 1147 bytes: ~12 frames per segment
        MovieExport.export(open(store8), ExportOptions.avi(avi), limit, false);
        AviTestReader a = AviTestReader.read(avi);
        assertTrue(a.riffSegments >= 2, "segments: " + a.riffSegments);
        assertEquals(a.riffSegments, a.superEntries);
        assertEquals(25, a.frames.size());
        assertEquals(25, a.strhLength);
        assertEquals(25, a.dmlhFrames);
        assertTrue(a.avihFrames < 25 && a.avihFrames > 0, "avih counts the first RIFF only: " + a.avihFrames);
        assertArrayEquals(greyOf(ExportFixtures.observed(store8).frames(), GreyRange.ofBitDepth(8)),
                concat(a.frames));
        for (long size : List.of(Files.size(avi))) {
            assertTrue(size > limit);
        }
    }

    @Test
    void mjpgFramesDecodeCloseToTheGreyMapping() throws IOException {
        Path avi = dir.resolve("m.avi");
        MovieExport.export(open(store8), ExportOptions.avi(avi).withCodec(AviCodec.MJPG));
        AviTestReader a = AviTestReader.read(avi);
        assertEquals("MJPG", a.handler);
        assertEquals("MJPG", a.compression);
        assertEquals(25, a.frames.size());
        byte[] expect = greyOf(ExportFixtures.observed(store8).frames(), GreyRange.ofBitDepth(8));
        int frame = 31 * 37;
        double sumAbs = 0;
        int maxAbs = 0;
        for (int t = 0; t < 25; t++) {
            Raster r = ImageIO.read(new ByteArrayInputStream(a.frames.get(t))).getRaster();
            assertEquals(37, r.getWidth());
            assertEquals(31, r.getHeight());
            for (int i = 0; i < frame; i++) {
                int d = Math.abs(r.getSample(i % 37, i / 37, 0) - (expect[t * frame + i] & 0xff));
                sumAbs += d;
                maxAbs = Math.max(maxAbs, d);
            }
        }
        assertTrue(sumAbs / (25.0 * frame) < 2.0, "mean |error| " + sumAbs / (25.0 * frame));
        assertTrue(maxAbs <= 24, "max |error| " + maxAbs);
    }

    @Test
    void aviAndTiffInOnePass() throws IOException {
        Path avi = dir.resolve("both.avi"), tif = dir.resolve("both.tif");
        List<int[]> progress = new java.util.ArrayList<>();
        ExportResult r = MovieExport.export(open(store8), ExportOptions.avi(avi).withTiff(tif)
                .withProgress((done, total) -> progress.add(new int[] {done, total})));
        assertEquals(25, r.frames());
        assertEquals(25, AviTestReader.read(avi).frames.size());
        assertArrayEquals(ExportFixtures.observed(store8).frames(), decodeTiff(tif, new int[3]));
        assertArrayEquals(new int[] {0, 25}, progress.get(0));
        assertArrayEquals(new int[] {25, 25}, progress.get(progress.size() - 1));
        assertEquals(1 + 4, progress.size(), "one report per 7-frame chunk after the first");
        assertEquals(List.of("both.avi", "both.tif"), names(dir));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void aMissingStoreIsOneLineAndWritesNothing() {
        Path avi = dir.resolve("x.avi");
        ExportException e = assertThrows(ExportException.class,
                () -> MovieExport.export(open(dir.resolve("nope.zarr")), ExportOptions.avi(avi)));
        assertTrue(e.getMessage().contains("no recording store at") && e.getMessage().contains("nope.zarr"),
                e.getMessage());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aStoreWithoutObservedIsNamed() throws IOException {
        Path store = dir.resolve("empty.zarr");
        org.minisim.store.Zarr.createGroup(open(store), "", null);
        ExportException e = assertThrows(ExportException.class,
                () -> MovieExport.export(open(store), ExportOptions.tiff(dir.resolve("x.tif"))));
        assertTrue(e.getMessage().contains("has no 'observed' array"), e.getMessage());
        assertEquals(List.of("empty.zarr"), names(dir));
    }

    @Test
    void anExistingOutputIsRefusedUnlessOverwrite() throws IOException {
        Path tif = dir.resolve("old.tif");
        Files.writeString(tif, "keep me");
        ExportException e = assertThrows(ExportException.class,
                () -> MovieExport.export(open(store8), ExportOptions.tiff(tif)));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--overwrite"),
                e.getMessage());
        assertEquals("keep me", Files.readString(tif));
        MovieExport.export(open(store8), ExportOptions.tiff(tif).withOverwrite(true));
        assertArrayEquals(ExportFixtures.observed(store8).frames(), decodeTiff(tif, new int[3]));
        assertEquals(List.of("old.tif"), names(dir));
    }

    @Test
    void aBadRangeIsRefused() {
        assertTrue(assertThrows(ExportException.class, () -> GreyRange.parse("5,5")).getMessage()
                .contains("VMIN must be less than VMAX"));
        assertTrue(assertThrows(ExportException.class, () -> GreyRange.parse("9,2")).getMessage()
                .contains("--range '9,2'"));
        assertTrue(assertThrows(ExportException.class, () -> GreyRange.parse("1")).getMessage()
                .contains("is not VMIN,VMAX"));
        assertTrue(assertThrows(ExportException.class, () -> GreyRange.parse("a,b")).getMessage()
                .contains("is not VMIN,VMAX"));
        assertEquals(new GreyRange(-1.5, 4000.0), GreyRange.parse("-1.5, 4e3"));
    }

    @Test
    void noOutputIsRefused() {
        ExportException e = assertThrows(ExportException.class, () -> MovieExport.export(open(store8),
                new ExportOptions(null, null, null, null, null, false, null)));
        assertTrue(e.getMessage().contains("--avi") && e.getMessage().contains("--tiff"), e.getMessage());
    }

    @Test
    void aSensorlessAviNeedsARange() throws IOException {
        Path store = ExportFixtures.write(dir.resolve("ns.zarr"),
                ExportFixtures.spec(12, 14, 8, 20.0, 0.5, false, Output.StoreDtype.FLOAT32), 3, null);
        ExportException e = assertThrows(ExportException.class,
                () -> MovieExport.export(open(store), ExportOptions.avi(dir.resolve("ns.avi"))));
        assertTrue(e.getMessage().contains("no 'sensor' step") && e.getMessage().contains("--range"),
                e.getMessage());
        assertEquals(List.of("ns.zarr"), names(dir));
        MovieExport.export(open(store), ExportOptions.avi(dir.resolve("ns.avi")).withRange(new GreyRange(0, 5)));
        assertEquals(10, AviTestReader.read(dir.resolve("ns.avi")).frames.size());
    }

    @Test
    void aFailureHalfwayLeavesNoFileBehind() throws IOException {
        // a sensor spec whose stored movie holds a non-count value in frame 9: the TIFF fails mid-stream
        var spec = ExportFixtures.spec(12, 14, 8, 20.0, 0.75, true, Output.StoreDtype.FLOAT32);
        double[] obs = org.minisim.render.Simulator.simulate(spec).observed().clone();
        obs[9 * 12 * 14 + 5] = 2.5;
        Path store = ExportFixtures.write(dir.resolve("bad.zarr"), spec, 4, obs);
        Path avi = dir.resolve("bad.avi"), tif = dir.resolve("bad.tif");
        ExportException e = assertThrows(ExportException.class,
                () -> MovieExport.export(open(store), ExportOptions.avi(avi).withTiff(tif)));
        assertTrue(e.getMessage().contains("frame 9 pixel (0, 5) is 2.5"), e.getMessage());
        assertEquals(List.of("bad.zarr"), names(dir));
    }

    @Test
    void aMissingChunkIsAnErrorNotZeros() throws IOException {
        Path store = ExportFixtures.write(dir.resolve("hole.zarr"),
                ExportFixtures.spec(12, 14, 8, 20.0, 0.75, true, Output.StoreDtype.FLOAT32), 4, null);
        Files.delete(store.resolve("observed/2.0.0"));
        ExportException e = assertThrows(ExportException.class,
                () -> MovieExport.export(open(store), ExportOptions.tiff(dir.resolve("h.tif"))));
        assertTrue(e.getMessage().contains("chunk 'observed/2.0.0' of observed is missing"), e.getMessage());
        assertEquals(List.of("hole.zarr"), names(dir));
    }

    @Test
    void theSameFileForBothOutputsIsRefused() {
        Path f = dir.resolve("same");
        ExportException e = assertThrows(ExportException.class,
                () -> MovieExport.export(open(store8), ExportOptions.avi(f).withTiff(f)));
        assertTrue(e.getMessage().contains("same file"), e.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    static byte[] greyOf(double[] v, GreyRange r) {
        byte[] b = new byte[v.length];
        r.toGrey(v, 0, v.length, b);
        return b;
    }

    static byte[] concat(List<byte[]> frames) {
        int n = frames.stream().mapToInt(f -> f.length).sum();
        byte[] out = new byte[n];
        int p = 0;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, out, p, f.length);
            p += f.length;
        }
        return out;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** @return the names in a directory, sorted (hidden temporary files included) */
    static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
