package org.minisim.run;

import java.io.IOException;
import java.util.List;
import org.minisim.MinisimException;
import org.minisim.recording.StreamedTruth;
import org.minisim.recording.io.ChunkWritingSink;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.render.Renderer;
import org.minisim.scene.Scene;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.ByteStore;
import org.minisim.store.ChunkCodec;
import org.minisim.table.CellRows;
import org.minisim.table.CellRowsFile;
import org.minisim.table.CellTable;
import org.minisim.table.RecordingTable;
import org.minisim.table.RenderStatistics;

/**
 * Runs one {@link RecordingTask} in this JVM: a whole recording (reuse or simulate, write, commit), the truth part
 * of a long one, or one of its frame ranges. Every write is a pure function of (spec, chunk), so a retried or
 * speculative copy of a task rewrites identical bytes; a store counts as a recording only once its commit marker,
 * written last, is there. Used the same way by the in-process executor and by Spark tasks.
 */
public final class RecordingRunner {

    /**
     * Frames rendered at once (and at most one chunk): bounds the render block's working arrays, ≈ 1.7 MB per
     * frame at 256 × 256 px with a motion margin, ≈ 53 MB for a 32-frame block. Never changes the bytes.
     */
    public static final int BLOCK_FRAMES = 32;

    private RecordingRunner() {}

    /** @return frames rendered at once for a movie chunked in {@code chunkFrames}: at most {@link #BLOCK_FRAMES} */
    public static int blockFrames(int chunkFrames) {
        return Math.max(1, Math.min(chunkFrames, BLOCK_FRAMES));
    }

    /**
     * @return the task's result; throws a {@link MinisimException} naming the recording and store on a failure
     *     (the caller decides whether that fails the recording or is retried)
     */
    public static TaskResult run(RecordingTask task) {
        long start = System.nanoTime();
        ByteStore store = task.stores().store(task.cacheKey());
        RenderProgress.taskStarted();
        try {
            if (task instanceof RecordingTask.Whole w) {
                return whole(w, store, start);
            }
            if (task instanceof RecordingTask.Truth t) {
                return truth(t, store, start);
            }
            return range((RecordingTask.Range) task, store, start);
        } catch (IOException e) {
            throw new MinisimException("recording " + task.cacheKey() + ": store " + store.location() + ": "
                    + e.getMessage(), e);
        } finally {
            RenderProgress.taskEnded();
        }
    }

    private static TaskResult whole(RecordingTask.Whole t, ByteStore store, long start) throws IOException {
        TaskTimes.Laps laps = new TaskTimes.Laps();
        StoreState state = StoreState.inspect(store, t.cacheKey());
        if (state.kind() == StoreState.Kind.REUSABLE) {
            CellRows rows = CellRowsFile.read(state.cells(), store.location() + "/" + CellRowsFile.FILE_NAME);
            return new TaskResult(t.cacheKey(), TaskResult.Status.REUSED, rows, null, null, 0, 0, seconds(start),
                    null, new TaskTimes(0, 0, 0, 0, laps.lap()));
        }
        String note = state.kind() == StoreState.Kind.UNUSABLE ? "re-simulated: " + state.message() : null;
        if (state.kind() != StoreState.Kind.ABSENT) {
            store.delete("");
        }
        Scene scene = Scene.build(t.spec());
        double sceneS = laps.lap();
        RecordingTable table = RecordingTable.of(scene, t.implVersion());
        double tableS = laps.lap();
        RecordingStoreWriter writer = new RecordingStoreWriter(store, ChunkCodec.defaultCodec());
        RecordingArrays.create(writer, t.spec(), t.chunkFrames());
        int frames = RecordingArrays.movieFrames(t.spec());
        RenderStatistics.Sums sums = renderInto(scene, table, writer, 0, frames, t.chunkFrames());
        double renderS = laps.lap();
        StreamedTruth truth = scene.streamedTruth();
        writer.writeGroundTruth(truth);
        writer.writeSpecJson(CanonicalJson.pretty(t.spec()));
        double truthS = laps.lap();
        CellRows rows = table.sceneRows();
        CellTable.fillRender(rows, sums);
        commit(store, t.cacheKey(), rows, truth.presentOptional(), RecordingArrays.snapshotNames(t.spec()));
        long px = (long) frames * t.spec().geometry().fovPixels();
        return new TaskResult(t.cacheKey(), TaskResult.Status.DONE, rows, truth.presentOptional(), null, frames, px,
                seconds(start), note, new TaskTimes(sceneS, tableS, renderS, truthS, laps.lap()));
    }

    private static TaskResult truth(RecordingTask.Truth t, ByteStore store, long start) throws IOException {
        TaskTimes.Laps laps = new TaskTimes.Laps();
        Scene scene = SceneCache.shared().get(t.cacheKey(), () -> Scene.build(t.spec()));
        double sceneS = laps.lap();
        RecordingStoreWriter writer = new RecordingStoreWriter(store, ChunkCodec.defaultCodec());
        StreamedTruth truth = scene.streamedTruth();
        writer.writeGroundTruth(truth);
        writer.writeSpecJson(CanonicalJson.pretty(t.spec()));
        double truthS = laps.lap();
        RecordingTable table = RecordingTable.of(scene, t.implVersion());
        double tableS = laps.lap();
        CellRows rows = table.sceneRows();
        return new TaskResult(t.cacheKey(), TaskResult.Status.DONE, rows, truth.presentOptional(), null, 0, 0,
                seconds(start), null, new TaskTimes(sceneS, tableS + laps.lap(), 0, truthS, 0));
    }

    private static TaskResult range(RecordingTask.Range r, ByteStore store, long start) throws IOException {
        TaskTimes.Laps laps = new TaskTimes.Laps();
        Scene scene = SceneCache.shared().get(r.cacheKey(), () -> Scene.build(r.spec()));
        double sceneS = laps.lap();
        RecordingTable table = RecordingTable.of(scene, r.implVersion());
        double tableS = laps.lap();
        RecordingStoreWriter writer = new RecordingStoreWriter(store, ChunkCodec.defaultCodec());
        RenderStatistics.Sums sums = renderInto(scene, table, writer, r.t0(), r.t1(), r.chunkFrames());
        int frames = r.t1() - r.t0();
        return new TaskResult(r.cacheKey(), TaskResult.Status.DONE, null, null, sums, frames,
                (long) frames * r.spec().geometry().fovPixels(), seconds(start), null,
                new TaskTimes(sceneS, tableS, laps.lap(), 0, 0));
    }

    /** Renders frames [t0, t1) into whole chunks of the store, accumulating the render sums. */
    private static RenderStatistics.Sums renderInto(Scene scene, RecordingTable table, RecordingStoreWriter writer,
                                                    int t0, int t1, int chunkFrames) {
        ChunkWritingSink sink = new ChunkWritingSink(writer, t0, t1);
        RenderStatistics.Sums sums = table.render().newSums(chunkFrames);
        new Renderer(scene).render(t0, t1, blockFrames(chunkFrames),
                RenderProgress.counting(table.render().sink(sums, sink)));
        sink.finish();
        return sums;
    }

    /**
     * Commits a recording's store, after every other write: its cell file, then the root attributes and the
     * commit marker (last).
     */
    public static void commit(ByteStore store, String cacheKey, CellRows rows, List<String> gtPresent,
                              List<String> snapshotNames) throws IOException {
        store.put(CellRowsFile.FILE_NAME, CellRowsFile.write(rows));
        new RecordingStoreWriter(store, ChunkCodec.defaultCodec()).commit(cacheKey, gtPresent, snapshotNames);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
