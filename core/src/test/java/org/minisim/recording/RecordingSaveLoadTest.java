package org.minisim.recording;

import org.minisim.recording.io.RecordingLoader;
import org.minisim.recording.io.RecordingSaver;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.render.Simulator;
import org.minisim.render.SpecFixtures;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.FileByteStore;
import org.minisim.testing.GoldenData;

/** Save/load round trips of simulated recordings and the spec-hash rules of docs/store-format.md#reading-and-checks. */
class RecordingSaveLoadTest {

    @TempDir
    Path dir;

    @Test
    void aFullRecordingWithSnapshotsRoundTripsEveryArray() throws IOException {
        Recording rec = Simulator.simulate(SpecFixtures.full(32, 0.5, 2, true, true));
        Path target = dir.resolve(CanonicalJson.cacheKey(rec.spec()) + ".zarr");
        RecordingSaver.save(rec, target);
        assertFalse(Files.exists(dir.resolve(target.getFileName() + ".tmp")), "no .tmp sibling left");
        RecordingLoader.Loaded loaded = RecordingLoader.load(new FileByteStore(target));
        Recording back = loaded.recording();
        assertEquals(rec.spec(), back.spec());
        assertArrayEquals(rec.observed(), back.observed());
        GroundTruth a = rec.truth(), b = back.truth();
        assertArrayEquals(a.c(), b.c());
        assertArrayEquals(a.s(), b.s());
        assertArrayEquals(a.centersUm(), b.centersUm());
        assertArrayEquals(a.detectable(), b.detectable());
        assertArrayEquals(a.inFocus(), b.inFocus());
        assertEquals(a.presentOptional(), b.presentOptional());
        for (String name : a.presentOptional()) {
            assertArrayEquals(a.optional(name), b.optional(name), name);
        }
        assertArrayEquals(a.planted().data(), b.planted().data());
        assertEquals(a.focalDepthUm(), b.focalDepthUm());
        assertEquals(rec.snapshots().keySet(), back.snapshots().keySet());
        for (String stage : rec.snapshots().keySet()) {
            assertArrayEquals(rec.snapshot(stage).data(), back.snapshot(stage).data(), stage);
        }
        // saving twice overwrites cleanly
        RecordingSaver.save(rec, target);
        assertArrayEquals(rec.observed(), RecordingLoader.load(new FileByteStore(target)).recording().observed());
    }

    @Test
    void aReplacedSpecIsAHashMismatchErrorUnlessAllowed() throws IOException {
        Recording rec = Simulator.simulate(SpecFixtures.quickstart(32, 0.5, 3));
        Path target = dir.resolve("rec.zarr");
        RecordingSaver.save(rec, target);
        String other = CanonicalJson.pretty(SpecFixtures.quickstart(32, 0.5, 4));
        Files.writeString(target.resolve("spec.json"), other, StandardCharsets.UTF_8);
        IOException e = assertThrows(RecordingLoader.SpecHashMismatchException.class,
                () -> RecordingLoader.load(new FileByteStore(target)));
        assertTrue(e.getMessage().contains("hash mismatch"), e.getMessage());
        RecordingLoader.Loaded lenient = RecordingLoader.load(new FileByteStore(target),
                RecordingLoader.LoadOptions.ALLOW_SPEC_MISMATCH);
        assertTrue(lenient.warnings().stream().anyMatch(w -> w.contains("hash mismatch")));
        assertArrayEquals(rec.observed(), lenient.recording().observed());
    }

    @Test
    void referenceStoresLoadStrictlyBecauseTheirSpecsHashToTheirNames() throws IOException {
        Path stores = GoldenData.stores();
        try (Stream<Path> s = Files.list(stores)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".zarr")).toList()) {
                RecordingLoader.Loaded l = RecordingLoader.load(new FileByteStore(p));
                assertFalse(l.committed(), "reference stores carry no Java commit marker");
                assertTrue(l.recording().truth().nUnits() >= 0);
                assertEquals(l.recording().spec().acquisition().nFrames(), l.recording().frames(), p.toString());
            }
        }
    }
}
