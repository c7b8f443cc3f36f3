package org.minisim.store;

import org.minisim.recording.io.LoadedStore;
import org.minisim.recording.io.SnapshotData;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.recording.io.RecordingStoreWriter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minisim.recording.GroundTruth;
import org.minisim.testing.GoldenData;

/** Reads the reference-written stores in the test resources' {@code golden/stores} (see its README). */
class ZarrGoldenStoreTest {

    static Path goldenStores() {
        Path p = GoldenData.stores();
        assertTrue(Files.isDirectory(p), "no golden stores at " + p);
        return p;
    }

    static List<Path> stores() throws Exception {
        try (var s = Files.list(goldenStores())) {
            List<Path> l = s.filter(p -> p.getFileName().toString().endsWith(".zarr")).sorted().toList();
            assertEquals(3, l.size(), "three golden stores");
            return l;
        }
    }

    @Test
    void everyChunkOfEveryGoldenArrayDecodesAndAllThreeBloscFormsOccur() throws Exception {
        Set<Integer> flags = new HashSet<>();
        int arrays = 0;
        for (Path root : stores()) {
            FileByteStore st = new FileByteStore(root);
            for (String k : st.list("")) {
                if (!k.endsWith("/.zarray")) {
                    continue;
                }
                String path = k.substring(0, k.length() - "/.zarray".length());
                ZarrArrayMeta meta = Zarr.readMeta(st, path);
                assertTrue(meta.codec() instanceof BloscLz4Codec, path);
                byte[] whole = Zarr.readArray(st, path, meta);
                assertEquals(meta.size() * meta.dtype().size(), whole.length, path);
                for (String c : st.list(path)) {
                    if (!c.endsWith(".zarray")) {
                        flags.add(st.get(c)[2] & 0xff);
                    }
                }
                arrays++;
            }
        }
        assertTrue(arrays > 40, "arrays read: " + arrays);
        assertEquals(Set.of(0x21, 0x31, 0x33), flags, "Blosc flag forms in the golden chunks");
    }

    @Test
    void readerLoadsEveryGoldenStoreWithReferenceShapesAndDtypes() throws Exception {
        for (Path root : stores()) {
            String name = root.getFileName().toString();
            LoadedStore s = RecordingStoreReader.load(new FileByteStore(root));
            GroundTruth gt = s.groundTruth();
            int n = gt.nUnits(), f = gt.nFrames();
            assertEquals(20, f, name);
            assertEquals(48, gt.fovHeight(), name);
            assertEquals(48, gt.fovWidth(), name);
            assertTrue(n > 0, name);
            assertEquals(n * f, gt.c().length);
            assertEquals(n * f, gt.s().length);
            assertEquals(n * 3, gt.centersUm().length);
            assertEquals(n, gt.inFocus().length);
            assertEquals(n, gt.detectable().length);
            assertEquals("<f4", s.observedDtype(), name);
            assertEquals(20, s.observed().nFrames());
            assertEquals(48, s.observed().height());
            assertEquals(48 * 48 * 20, s.observed().frames().length);
            assertTrue(s.storedCacheKey().matches("[0-9a-f]{16}"), name);
            assertTrue(s.specJson().startsWith("{"), name);
            assertFalse(s.committed(), "reference stores carry no Java commit marker");
            assertEquals(s.gtPresent(), gt.presentOptional(), name);
            for (double v : s.observed().frames()) {
                assertTrue(v >= 0 && v <= 255 && v == Math.rint(v), name + " observed holds 8-bit counts: " + v);
            }
            for (double v : gt.s()) {
                assertTrue(v >= 0 && v == Math.rint(v), name + " S holds spike counts: " + v);
            }
            float[] data = gt.planted().data();
            float max = 0;
            for (float v : data) {
                assertTrue(v >= 0 && v <= 1, name + " planted data in [0, 1]");
                max = Math.max(max, v);
            }
            assertEquals(1.0f, max, 1e-6f, name + " planted footprints are peak-normalised");
            for (int i = 0; i < n; i++) {
                var fp = gt.planted().get(i);
                assertTrue(fp.y0() >= 0 && fp.y0() + fp.ph() <= gt.canvasHeight(), name);
                assertTrue(fp.x0() >= 0 && fp.x0() + fp.pw() <= gt.canvasWidth(), name);
            }
            assertEquals((gt.canvasHeight() - 48) / 2, gt.fovTop(), name);
            assertEquals((gt.canvasWidth() - 48) / 2, gt.fovLeft(), name);
            if (name.startsWith("ref-qs")) {
                assertEquals(List.of("observed_sigma_px", "observed_gain"), s.gtPresent());
                assertTrue(s.snapshots().isEmpty());
            } else {
                assertEquals(GroundTruth.OPTIONAL_ORDER, s.gtPresent(), name + ": all 12 step kinds");
                assertNotNull(gt.focalDepthUm());
                assertEquals(80, gt.canvasHeight(), name);
                assertTrue(gt.nNeuropilComponents() > 0);
                assertEquals(gt.nNeuropilComponents() * 48 * 48, gt.neuropilSpatial().length);
                for (double v : gt.vasculatureMask()) {
                    assertTrue(v > 0 && v <= 1, "vasculature transmission in (0, 1]");
                }
            }
            if (name.contains("snap")) {
                assertEquals(List.of("brain_motion", "cells_only", "illumination_profile", "leakage", "neuropil",
                        "sensor", "vasculature", "vignette"), s.snapshotNames());
                assertEquals(s.snapshotNames(), List.copyOf(s.snapshots().keySet()));
                SnapshotData cells = s.snapshots().get("cells_only");
                assertArrayEquals(new long[] {20, 80, 80}, cells.shape(), "canvas-sized before motion");
                assertArrayEquals(new long[] {20, 48, 48}, s.snapshots().get("sensor").shape());
                // the sensor snapshot holds the counts before the float32 cast: equal to observed
                double[] sensor = s.snapshots().get("sensor").frames();
                for (int i = 0; i < sensor.length; i++) {
                    assertEquals((float) sensor[i], (float) s.observed().frames()[i], 0.0f);
                }
            } else {
                assertTrue(s.snapshotNames().isEmpty());
            }
        }
    }

    /** Arrays (path → dtype + shape) and groups (path → attributes) of a store, ignoring chunking and codec. */
    static java.util.Map<String, String> layout(FileByteStore st) throws Exception {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (String k : st.list("")) {
            if (k.endsWith(".zarray")) {
                String path = k.substring(0, k.length() - "/.zarray".length());
                ZarrArrayMeta meta = Zarr.readMeta(st, path);
                m.put(path, meta.dtype().code() + java.util.Arrays.toString(meta.shape()));
            } else if (k.endsWith(".zgroup")) {
                String path = k.equals(".zgroup") ? "" : k.substring(0, k.length() - "/.zgroup".length());
                m.put("group:" + path, String.valueOf(new java.util.TreeMap<>(Zarr.readAttributes(st, path))));
            }
        }
        return m;
    }

    @Test
    void rewritingAGoldenStoreReproducesItsTreeDtypesShapesAndAttributes(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        for (Path root : stores()) {
            FileByteStore ref = new FileByteStore(root);
            LoadedStore s = RecordingStoreReader.load(ref);
            Path out = tmp.resolve(root.getFileName());
            RecordingStoreWriter.saveAtomically(out, s.storedCacheKey(), s.specJson(), s.groundTruth(),
                    s.observed().frames(), s.observed().nFrames(), s.observed().height(), s.observed().width(),
                    s.observedDtype(), s.snapshots(), new BloscLz4Codec());
            FileByteStore ours = new FileByteStore(out);
            assertEquals(layout(ref), layout(ours), root.getFileName().toString());
            assertEquals(new String(ref.get("spec.json"), java.nio.charset.StandardCharsets.UTF_8),
                    new String(ours.get("spec.json"), java.nio.charset.StandardCharsets.UTF_8));
            LoadedStore again = RecordingStoreReader.load(ours);
            assertArrayEquals(s.observed().frames(), again.observed().frames());
            assertArrayEquals(s.groundTruth().c(), again.groundTruth().c());
            assertArrayEquals(s.groundTruth().planted().data(), again.groundTruth().planted().data());
        }
    }

    @Test
    void frameRangesOfReferenceMoviesEqualSlicesOfTheWholeMovie() throws Exception {
        FileByteStore st = new FileByteStore(goldenStores().resolve("ref-full-snap-48px-1s.zarr"));
        LoadedStore s = RecordingStoreReader.load(st);
        for (String path : List.of("observed", "snapshots/cells_only", "snapshots/sensor")) {
            SnapshotData whole = path.equals("observed") ? s.observed() : s.snapshots().get(path.substring(10));
            int fl = whole.height() * whole.width();
            SnapshotData part = RecordingStoreReader.readFrames(st, path, 5, 15);
            assertArrayEquals(java.util.Arrays.copyOfRange(whole.frames(), 5 * fl, 15 * fl), part.frames(), path);
            assertEquals(10, part.nFrames());
        }
    }

    @Test
    void quickStartStoreHasAFocalDepthAndNoShifts() throws Exception {
        LoadedStore s = RecordingStoreReader.load(new FileByteStore(goldenStores().resolve("ref-qs-48px-1s.zarr")));
        // the quick-start chain runs optics, so the focal plane is recorded
        assertNotNull(s.groundTruth().focalDepthUm());
        assertNull(s.groundTruth().shifts(), "no motion in the quick-start chain");
    }
}
