package org.minisim.job;

import org.minisim.render.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.TaskContext;
import org.minisim.job.table.CellMetrics;
import org.minisim.job.table.CellRowsJson;
import org.minisim.recording.StreamedTruth;
import org.minisim.render.CellRenderStats;
import org.minisim.scene.Scene;
import org.minisim.spec.Spec;
import org.minisim.spec.json.SpecReader;
import org.minisim.store.ByteStore;
import org.minisim.store.ChunkCodec;
import org.minisim.recording.io.ChunkWritingSink;
import org.minisim.recording.io.RecordingStoreWriter;

/**
 * Runs one {@link WorkUnit} inside a task: gets the recording's plan from this JVM's {@link PlanCache}, then
 * either writes the ground truth and spec.json and computes the cell rows (truth unit) or renders its frame
 * range into whole chunks (range unit), accumulating the R-column sums of {@link CellRenderStats} on the way. Every write is a pure function of (spec, chunk), so a retried or
 * speculative copy rewrites identical bytes.
 */
public final class UnitRunner {
    private UnitRunner() {}

    /** @return the unit's result; throws on any failure (the task fails, Spark retries it) */
    public static UnitResult run(WorkUnit u) {
        long start = System.nanoTime();
        failFirstAttemptIfHooked(u);
        Spec spec = SpecReader.read(u.specJson()).spec();
        Scene plan = PlanCache.shared().get(u.cacheKey(), () -> Scene.build(spec));
        ByteStore store = u.stores().store(u.cacheKey());
        RecordingStoreWriter writer = new RecordingStoreWriter(store, ChunkCodec.defaultCodec());
        try {
            CellRenderStats.Sums sums = null;
            if (u.kind().renders()) {
                ChunkWritingSink sink = new ChunkWritingSink(writer, u.t0(), u.t1());
                CellRenderStats stats = CellRenderStats.of(plan);
                sums = stats.newSums(u.chunkFrames());
                new Renderer(plan).render(u.t0(), u.t1(), u.blockFrames(), stats.sink(sums, sink));
                sink.finish();
            }
            if (u.kind().writesTruth()) {
                StreamedTruth gt = plan.streamedTruth();
                writer.writeGroundTruth(gt);
                writer.writeSpecJson(u.specJson());
                List<LinkedHashMap<String, Object>> rows = CellMetrics.compute(spec, gt, u.implVersion());
                return new UnitResult(u.kind(), 0, gt.nFrames(), CellRowsJson.write(rows),
                        new ArrayList<>(gt.presentOptional()), gt.nUnits(), CellMetrics.countDetectable(rows),
                        seconds(start), sums);
            }
            return new UnitResult(u.kind(), u.t0(), u.t1(), null, null, 0, 0, seconds(start), sums);
        } catch (IOException e) {
            throw new UncheckedIOException("store " + store.location() + ": " + e.getMessage(), e);
        }
    }

    /** Test hook: {@code failHook = "<key>:<t0>"} fails that range unit's first task attempt. */
    static void failFirstAttemptIfHooked(WorkUnit u) {
        if (u.failHook() == null || !u.kind().renders()) {
            return;
        }
        TaskContext tc = TaskContext.get();
        if (u.failHook().equals(u.cacheKey() + ":" + u.t0()) && tc != null && tc.attemptNumber() == 0) {
            throw new IllegalStateException("test hook: first attempt of " + u + " fails on purpose");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
