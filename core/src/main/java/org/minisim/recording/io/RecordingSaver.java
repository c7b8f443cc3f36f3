package org.minisim.recording.io;

import org.minisim.recording.Recording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.BloscLz4Codec;
import org.minisim.store.ChunkCodec;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.recording.io.SnapshotData;

/**
 * {@code Recording.save} (docs/store-format.md#writing-and-the-commit-marker): writes an in-memory recording to
 * {@code <target>} atomically (a {@code .tmp} sibling renamed into place), in the reference's layout, named by nothing
 * but the target path.
 */
public final class RecordingSaver {

    private RecordingSaver() {}

    /** Saves with the default chunk codec (Blosc1-LZ4 with byte shuffle, as the reference). */
    public static void save(Recording rec, Path target) throws IOException {
        save(rec, target, new BloscLz4Codec());
    }

    /** Saves with a given chunk codec. */
    public static void save(Recording rec, Path target, ChunkCodec codec) throws IOException {
        Map<String, SnapshotData> snaps = new TreeMap<>();
        for (Map.Entry<String, Recording.Snapshot> e : rec.snapshots().entrySet()) {
            Recording.Snapshot s = e.getValue();
            snaps.put(e.getKey(), new SnapshotData(s.frames(), s.height(), s.width(), s.data()));
        }
        RecordingStoreWriter.saveAtomically(target, CanonicalJson.cacheKey(rec.spec()),
                CanonicalJson.pretty(rec.spec()), rec.truth(), rec.observed(), rec.frames(), rec.height(),
                rec.width(), RecordingLayout.observedDtype(rec.spec().output().storeDtype().jsonName()), snaps, codec);
    }
}
