package org.minisim.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.table.CellMetrics;
import org.minisim.job.table.CellRowsJson;
import org.minisim.render.CellRenderStats;
import org.minisim.spec.Geometry;
import org.minisim.spec.Output;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.StepKind;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.store.ByteStore;
import org.minisim.store.ChunkCodec;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;

/**
 * The driver's handling of one recording (called from a driver thread, several at once): reuse a committed
 * matching store; otherwise clear it, create the arrays' metadata, run one Spark job whose partitions are the
 * recording's truth unit and frame-range units, merge the range units' R-column sums into the cell rows, then
 * commit — cell file first, root attributes and commit
 * marker last.
 */
final class RecordingRun {

    /** Shared, per-run settings. */
    /**
     * @param minRanges range tasks a recording is split into at least when its chunks allow (the cores per
     *                  recording in flight), so a sweep of fewer recordings than cores still uses every core
     */
    record Context(JavaSparkContext jsc, StoreRoot stores, int framesPerTask, int chunkFrames, String implVersion,
                   String failHook,
                   Progress progress, int minRanges) {}

    /** A snapshot array the driver creates: stage name and frame shape. */
    record SnapshotArray(String stage, int height, int width) {}

    private RecordingRun() {}

    static RecordingOutcome run(Context ctx, SweepRecording rec) {
        long start = System.nanoTime();
        String key = rec.cacheKey();
        String uri = ctx.stores().storeUri(key).toString();
        Spec spec = rec.spec();
        int frames = movieFrames(spec);
        String note = null;
        try {
            ByteStore store = ctx.stores().store(key);
            StoreState state = StoreState.inspect(store, key);
            if (state.kind() == StoreState.Kind.REUSABLE) {
                var rows = CellRowsJson.read(state.cells());
                int det = (int) rows.stream().filter(r -> Boolean.TRUE.equals(r.get("detectable"))).count();
                return ctx.progress().report(new RecordingOutcome(rec, uri, RecordingOutcome.Status.REUSED, frames,
                        0, rows.size(), det, seconds(start), null));
            }
            if (state.kind() == StoreState.Kind.UNUSABLE) {
                note = "re-simulated: " + state.message();
                ctx.progress().warn(key + " point " + rec.pointIndex() + " seed " + rec.seed() + ": " + note);
            }
            if (state.kind() != StoreState.Kind.ABSENT) {
                store.delete("");
            }
            UnitResult truth = simulate(ctx, rec, store);
            commit(store, key, truth, snapshotArrays(spec));
            RecordingOutcome done = new RecordingOutcome(rec, uri, RecordingOutcome.Status.DONE, frames,
                    (long) frames * spec.geometry().fovPixels(), truth.nUnits(), truth.nDetectable(),
                    seconds(start), note);
            return ctx.progress().report(done);
        } catch (Exception | Error e) {
            return ctx.progress().report(new RecordingOutcome(rec, uri, RecordingOutcome.Status.FAILED, frames, 0,
                    0, 0, seconds(start), Failures.oneLine(e)));
        }
    }

    /** Creates the metadata, runs the recording's Spark job and returns its truth unit's result. */
    private static UnitResult simulate(Context ctx, SweepRecording rec, ByteStore store) throws IOException {
        Spec spec = rec.spec();
        Geometry g = spec.geometry();
        int nFrames = movieFrames(spec);
        String dtype = zarrDtype(spec);
        int chunk = ctx.chunkFrames() > 0 ? ctx.chunkFrames()
                : RecordingLayout.observedChunkFrames(g.fovHeight(), g.fovWidth(), dtype);
        RecordingStoreWriter writer = new RecordingStoreWriter(store, ChunkCodec.defaultCodec());
        writer.createObserved(nFrames, g.fovHeight(), g.fovWidth(), dtype, chunk);
        for (SnapshotArray s : snapshotArrays(spec)) {
            writer.createSnapshot(s.stage(), nFrames, s.height(), s.width(), chunk);
        }
        String specJson = CanonicalJson.pretty(spec);
        List<WorkUnit> units = new ArrayList<>();
        List<FrameRanges.Range> ranges = FrameRanges.split(nFrames, chunk, ctx.framesPerTask(), ctx.minRanges());
        if (ranges.size() <= 1) {
            units.add(new WorkUnit(WorkUnit.Kind.WHOLE, rec.cacheKey(), specJson, ctx.stores(), 0, nFrames, chunk,
                    FrameRanges.blockFrames(chunk), ctx.implVersion(), ctx.failHook()));
        } else {
            units.add(new WorkUnit(WorkUnit.Kind.TRUTH, rec.cacheKey(), specJson, ctx.stores(), 0, nFrames, chunk,
                    FrameRanges.blockFrames(chunk), ctx.implVersion(), ctx.failHook()));
            for (FrameRanges.Range r : ranges) {
                units.add(new WorkUnit(WorkUnit.Kind.RANGE, rec.cacheKey(), specJson, ctx.stores(), r.t0(), r.t1(),
                        chunk, FrameRanges.blockFrames(chunk), ctx.implVersion(), ctx.failHook()));
            }
        }
        ctx.jsc().setJobDescription(String.format(Locale.ROOT, "%s point %d seed %d (%d units)", rec.cacheKey(),
                rec.pointIndex(), rec.seed(), units.size()));
        List<byte[]> shipped = new ArrayList<>();
        for (WorkUnit u : units) {
            shipped.add(JavaBytes.write(u));
        }
        List<byte[]> results = ctx.jsc().parallelize(shipped, shipped.size())
                .map(b -> JavaBytes.write(UnitRunner.run(JavaBytes.read(b)))).collect();
        UnitResult truth = null;
        CellRenderStats.Sums sums = null;
        for (byte[] b : results) {
            UnitResult r = JavaBytes.read(b);
            if (r.kind().writesTruth()) {
                truth = r;
            }
            if (r.renderSums() != null) {
                sums = sums == null ? r.renderSums() : sums.merge(r.renderSums());
            }
        }
        if (truth == null) {
            throw new IllegalStateException("the truth unit of " + rec.cacheKey() + " returned no result");
        }
        if (sums == null) {
            return truth;
        }
        var rows = CellRowsJson.read(truth.cellsJsonl());
        CellMetrics.fillRenderColumns(rows, sums);
        return new UnitResult(truth.kind(), truth.t0(), truth.t1(), CellRowsJson.write(rows), truth.gtPresent(),
                truth.nUnits(), truth.nDetectable(), truth.seconds(), null);
    }

    private static void commit(ByteStore store, String key, UnitResult truth, List<SnapshotArray> snapshots)
            throws IOException {
        store.put(CellRowsJson.FILE_NAME, truth.cellsJsonl().getBytes(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        for (SnapshotArray s : snapshots) {
            names.add(s.stage());
        }
        names.sort(null);
        new RecordingStoreWriter(store, ChunkCodec.defaultCodec()).commit(key, truth.gtPresent(), names);
    }

    /**
     * @return the snapshot arrays of a spec that saves intermediates: one per non-cell-domain step, canvas-sized
     *         before {@code brain_motion}, FOV-sized from it on (OUTPUT.md §1.6); none otherwise
     */
    static List<SnapshotArray> snapshotArrays(Spec spec) {
        List<SnapshotArray> out = new ArrayList<>();
        if (!spec.output().saveIntermediates()) {
            return out;
        }
        Geometry g = spec.geometry();
        for (Step s : spec.steps()) {
            StepKind k = s.kind();
            if (k.domain() == org.minisim.spec.Domain.CELL) {
                continue;
            }
            boolean canvas = k.rank() < StepKind.BRAIN_MOTION.rank();
            out.add(new SnapshotArray(k.stageName(), canvas ? g.canvasHeight() : g.fovHeight(),
                    canvas ? g.canvasWidth() : g.fovWidth()));
        }
        return out;
    }

    /** @return frames of the observed movie: F when a non-cell-domain step runs, else 0 (no movie) */
    static int movieFrames(Spec spec) {
        for (Step s : spec.steps()) {
            if (s.kind().domain() != org.minisim.spec.Domain.CELL) {
                return spec.geometry().nFrames();
            }
        }
        return 0;
    }

    /** @return the zarr dtype of {@code observed}: {@code <f4} or {@code <f8} */
    static String zarrDtype(Spec spec) {
        return spec.output().storeDtype() == Output.StoreDtype.FLOAT64 ? "<f8" : "<f4";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
