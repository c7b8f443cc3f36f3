package org.minisim.job.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.recording.Recording;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.render.Simulator;
import org.minisim.render.SpecFixtures;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.BloscLz4Codec;
import org.minisim.store.FileByteStore;

/**
 * The report's pictures of one store: a short movie is projected over all its frames, a long one over
 * {@link SampleImages#PROJECTION_CHUNKS} evenly spaced chunks (first and last included), and the strip's frames are
 * the evenly spaced ones whatever chunks the projections read.
 */
class SampleImagesTest {

    @TempDir
    Path dir;

    /** A committed store of the quick-start chain with {@code observed} chunked by {@code chunkFrames}. */
    private FileByteStore store(String name, double seconds, int chunkFrames) throws IOException {
        Spec spec = SpecFixtures.quickstart(24, seconds, 3);
        Recording rec = Simulator.simulate(spec);
        FileByteStore store = new FileByteStore(dir.resolve(name));
        RecordingStoreWriter w = new RecordingStoreWriter(store, new BloscLz4Codec());
        int f = rec.frames(), frame = rec.height() * rec.width();
        w.createObserved(f, rec.height(), rec.width(),
                RecordingLayout.observedDtype(spec.output().storeDtype().jsonName()), chunkFrames);
        for (int c = 0; c * chunkFrames < f; c++) {
            int t0 = c * chunkFrames, t1 = Math.min(f, t0 + chunkFrames);
            w.writeObservedChunk(c, Arrays.copyOfRange(rec.observed(), t0 * frame, t1 * frame));
        }
        w.writeGroundTruth(rec.truth());
        w.writeSpecJson(CanonicalJson.pretty(spec));
        w.commit(CanonicalJson.cacheKey(spec), rec.truth().presentOptional(), List.of());
        return store;
    }

    @Test
    void aShortMovieIsProjectedOverEveryFrame() throws IOException {
        SampleImages.Pictures p = SampleImages.render(store("short.zarr", 1.0, 5)); // 20 frames, 4 chunks
        assertEquals(20, p.frames());
        assertEquals(20, p.projected());
        assertArrayEquals(new int[] {0, 4, 8, 11, 15, 19}, p.stripAt());
    }

    @Test
    void aLongMovieIsProjectedOverEvenlySpacedChunks() throws IOException {
        SampleImages.Pictures p = SampleImages.render(store("long.zarr", 3.0, 3)); // 60 frames, 20 chunks
        assertEquals(60, p.frames());
        assertEquals(SampleImages.PROJECTION_CHUNKS * 3, p.projected());
        assertArrayEquals(new int[] {0, 12, 24, 35, 47, 59}, p.stripAt());
    }
}
