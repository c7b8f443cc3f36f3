package org.minisim.job;

import org.minisim.job.exec.Failures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.minisim.MinisimException;
import org.minisim.job.exec.SparkExecutor;
import org.minisim.job.exec.TaskExecutor;
import org.minisim.job.storage.StorageCheck;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.table.CellTableWriter;
import org.minisim.run.RecordingArrays;
import org.minisim.run.RecordingRunner;
import org.minisim.run.RecordingTask;
import org.minisim.run.SceneCache;
import org.minisim.run.StoreState;
import org.minisim.run.TaskResult;
import org.minisim.run.TaskTimes;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.store.ByteStore;
import org.minisim.store.ChunkCodec;
import org.minisim.table.CellRows;
import org.minisim.table.CellRowsFile;
import org.minisim.table.CellTable;
import org.minisim.table.RecordingIdentity;
import org.minisim.table.RenderStatistics;

/**
 * The sweep job (library entry point, docs/sweeps.md#what-a-run-writes): simulates every recording of a
 * validated sweep through a {@link TaskExecutor} — threads of this JVM for a local run, Spark tasks on a cluster —
 * and writes the sweep's partition of the per-cell table, its manifest and its job metadata ({@link JobMetadata}).
 *
 * <p>Scheduling: a recording that fits one frame range is one task that reuses or simulates, writes and commits it
 * by itself; such tasks go in batches (one executor call, one Spark job, per batch), so a sweep of thousands of
 * small recordings costs about their simulations. A longer movie (or one of fewer recordings than cores) is split
 * into chunk-aligned frame-range tasks plus a truth task, and the driver commits it once they are done. At most
 * {@code maxInFlight} batches or long recordings run at once; each recording's rows go to the table writer as it
 * commits. A failed recording is reported in one line and the others continue. At the end the table partition
 * {@code sweep_id=<id>} is replaced by the rows of every committed recording of the sweep, reused ones included.
 */
public final class SweepJob {

    /** Setting of the test hook that fails the first attempt of one task ({@code <key>:<t0>}). */
    public static final String FAIL_HOOK_CONF = "minisim.test.failFirstAttemptOf";
    /**
     * Setting overriding the observed chunk length in frames (default: the layout's, a function of the frame
     * size). Lets tests split tiny movies into several chunks; any value gives valid stores, but stores are
     * byte-identical only between runs using the same chunk length.
     */
    public static final String CHUNK_FRAMES_CONF = "minisim.chunkFrames";
    /** Most recordings in one batch of whole-recording tasks. */
    static final int MAX_BATCH = 32;

    private SweepJob() {}

    /** Runs the sweep as Spark jobs on a session (its conf supplies the {@code minisim.*} settings). */
    public static SweepSummary run(SparkSession spark, SweepRunOptions o) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String k : List.of(CHUNK_FRAMES_CONF, FAIL_HOOK_CONF)) {
            String v = spark.conf().get(k, null);
            if (v != null) {
                settings.put(k, v);
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return run(new SparkExecutor(jsc), jsc.hadoopConfiguration(), o, settings);
    }

    /**
     * Runs the sweep.
     *
     * @param exec     where tasks run
     * @param hadoop   the Hadoop configuration of the storage locations
     * @param settings {@code minisim.*} settings ({@link #CHUNK_FRAMES_CONF}, {@link #FAIL_HOOK_CONF})
     */
    public static SweepSummary run(TaskExecutor exec, Configuration hadoop, SweepRunOptions o,
                                   Map<String, String> settings) {
        long start = System.nanoTime();
        Phases phases = new Phases();
        SweepPlan plan = o.plan();
        StoreRoot stores = StoreRoot.of(o.storesUri(), hadoop);
        StoreRoot table = StoreRoot.of(o.tableUri(), hadoop);
        StorageCheck.verify(stores.uri(), hadoop);
        StorageCheck.verify(table.uri(), hadoop);
        phases.mark("storage check");
        ByteStore tableRoot = table.rootStore();
        try {
            Manifest.write(tableRoot, plan.sweepId(), Manifest.planned(plan));
        } catch (IOException e) {
            throw new MinisimException("writing the manifest under " + o.tableUri() + ": " + e.getMessage(), e);
        }
        phases.mark("manifest");

        List<SweepRecording> recs = plan.recordings();
        Progress progress = new Progress(recs, o.out(), o.err());
        int parallelism = exec.parallelism();
        int inFlight = o.maxInFlight() > 0 ? o.maxInFlight() : Math.max(1, 2 * parallelism);
        int recordingsAtOnce = Math.min(inFlight, Math.max(1, recs.size()));
        // fewer recordings at once than cores: split each movie into enough ranges to keep every core busy
        int minRanges = Math.max(1, (parallelism + recordingsAtOnce - 1) / recordingsAtOnce);
        SceneCache.shared().ensureCapacity(Math.max(2, recordingsAtOnce));
        int chunkOverride = Integer.parseInt(settings.getOrDefault(CHUNK_FRAMES_CONF, "0"));
        String hook = settings.get(FAIL_HOOK_CONF);
        Context ctx = new Context(exec, stores, o.framesPerTask(), chunkOverride, ImplVersion.get(), hook, progress,
                minRanges);

        Set<String> ax = new LinkedHashSet<>();
        for (SweepRecording r : recs) {
            ax.addAll(RecordingIdentity.prefixed(r.axColumns()).keySet());
        }
        TableSink sink = new TableSink(new CellTableWriter(table, plan.sweepId(), CellTable.axisColumns(ax),
                CellTableWriter.DEFAULT_ROWS_PER_FILE));
        RecordingOutcome[] outcomes = new RecordingOutcome[recs.size()];
        try (progress) {
            runAll(ctx, recs, inFlight, outcomes, sink, plan.sweepId());
        }
        phases.mark("recordings");

        long rows;
        try {
            rows = sink.commit();
        } catch (IOException | RuntimeException e) {
            sink.abort();
            throw new MinisimException("writing the table partition sweep_id=" + plan.sweepId() + " under "
                    + o.tableUri() + ": " + Failures.oneLine(e), e);
        }
        phases.mark("table");
        List<RecordingOutcome> all = List.of(outcomes);
        try {
            Manifest.write(tableRoot, plan.sweepId(), Manifest.lines(plan, all));
            JobMetadata.write(tableRoot, plan.sweepId(), ctx.implVersion(), o.framesPerTask(), exec.describe());
        } catch (IOException e) {
            throw new MinisimException("writing the manifest and job metadata under " + o.tableUri() + ": "
                    + e.getMessage(), e);
        }
        phases.mark("manifest and metadata");
        SweepSummary summary = new SweepSummary(plan.sweepId(), all, plan.invalidPoints().size(),
                (System.nanoTime() - start) / 1e9, rows, phases.seconds());
        progress.info(summary.line());
        progress.info(summary.phasesLine());
        progress.info("stores: " + o.storesUri() + "   table: " + o.tableUri() + " (partition sweep_id="
                + plan.sweepId() + ")");
        return summary;
    }

    /** Per-run settings shared by the driver's threads. */
    record Context(TaskExecutor exec, StoreRoot stores, int framesPerTask, int chunkOverride, String implVersion,
                   String failHook, Progress progress, int minRanges) {

        /** @return whether the test hook names this task (key:t0) */
        boolean hooked(String key, int t0) {
            return failHook != null && failHook.equals(key + ":" + t0);
        }
    }

    /** Wall seconds of the fixed steps of a run, in order. */
    static final class Phases {
        private final LinkedHashMap<String, Double> seconds = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void mark(String name) {
            long now = System.nanoTime();
            seconds.put(name, (now - last) / 1e9);
            last = now;
        }

        LinkedHashMap<String, Double> seconds() {
            return seconds;
        }
    }

    /** The table writer, shared by the driver's threads. */
    private static final class TableSink {
        private final CellTableWriter writer;

        TableSink(CellTableWriter writer) {
            this.writer = writer;
        }

        synchronized void add(RecordingIdentity id, CellRows rows) throws IOException {
            writer.add(id, rows);
        }

        synchronized long commit() throws IOException {
            return writer.commit();
        }

        synchronized void abort() {
            writer.abort();
        }
    }

    /** One piece of the driver's work: a batch of whole recordings, or one recording split into ranges. */
    private record Work(List<Integer> whole, int ranged) {}

    private static void runAll(Context ctx, List<SweepRecording> recs, int threads, RecordingOutcome[] outcomes,
                               TableSink sink, String sweepId) {
        List<Integer> whole = new ArrayList<>();
        List<Work> work = new ArrayList<>();
        for (int i = 0; i < recs.size(); i++) {
            SweepRecording r = recs.get(i);
            int chunk = RecordingArrays.chunkFrames(r.spec(), ctx.chunkOverride());
            int frames = RecordingArrays.movieFrames(r.spec());
            if (FrameRanges.split(frames, chunk, ctx.framesPerTask(), ctx.minRanges()).size() <= 1) {
                whole.add(i);
            } else {
                work.add(new Work(null, i));
            }
        }
        int batch = Math.max(1, Math.min(MAX_BATCH, whole.size() / Math.max(1, 2 * threads)));
        for (int k = 0; k < whole.size(); k += batch) {
            work.add(new Work(whole.subList(k, Math.min(whole.size(), k + batch)), -1));
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, work.size())), r -> {
            Thread t = new Thread(r, "minisim-driver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Work w : work) {
                futures.add(pool.submit(() -> {
                    ctx.progress().started(w.whole() != null ? w.whole().size() : 1);
                    if (w.whole() != null) {
                        runBatch(ctx, recs, w.whole(), outcomes, sink, sweepId);
                    } else {
                        outcomes[w.ranged()] = finish(ctx, recs.get(w.ranged()), runRanged(ctx, recs.get(w.ranged())),
                                sink, sweepId);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MinisimException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new MinisimException(Failures.oneLine(c), c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A recording's result as the driver sees it: status, rows (committed ones), frames, seconds, message. */
    private record Done(TaskResult.Status status, CellRows rows, int frames, long pxFrames, double seconds,
                        String message, TaskTimes times) {}

    private static void runBatch(Context ctx, List<SweepRecording> recs, List<Integer> idx,
                                 RecordingOutcome[] outcomes, TableSink sink, String sweepId) {
        List<RecordingTask> tasks = new ArrayList<>(idx.size());
        for (int i : idx) {
            SweepRecording r = recs.get(i);
            tasks.add(new RecordingTask.Whole(r.cacheKey(), r.spec(), ctx.stores(),
                    RecordingArrays.chunkFrames(r.spec(), ctx.chunkOverride()), ctx.implVersion(),
                    ctx.hooked(r.cacheKey(), 0)));
        }
        String what = idx.size() == 1 ? describe(recs.get(idx.get(0)), 1)
                : String.format(Locale.ROOT, "%d recordings from point %d", idx.size(),
                recs.get(idx.get(0)).pointIndex());
        List<TaskResult> results;
        try {
            results = ctx.exec().run(tasks, what);
        } catch (RuntimeException e) {
            for (int i : idx) {
                outcomes[i] = finish(ctx, recs.get(i), new Done(TaskResult.Status.FAILED, null, 0, 0, 0,
                        Failures.oneLine(e), TaskTimes.NONE), sink, sweepId);
            }
            return;
        }
        for (int k = 0; k < idx.size(); k++) {
            TaskResult t = results.get(k);
            outcomes[idx.get(k)] = finish(ctx, recs.get(idx.get(k)), new Done(t.status(), t.rows(), t.frames(),
                    t.pxFrames(), t.seconds(), t.message(), t.times()), sink, sweepId);
        }
    }

    /** The driver's handling of a recording split into frame ranges: reuse, or create, run its tasks, commit. */
    private static Done runRanged(Context ctx, SweepRecording rec) {
        long start = System.nanoTime();
        String key = rec.cacheKey();
        ByteStore store = ctx.stores().store(key);
        try {
            StoreState state = StoreState.inspect(store, key);
            if (state.kind() == StoreState.Kind.REUSABLE) {
                return new Done(TaskResult.Status.REUSED, CellRowsFile.read(state.cells(), store.location()), 0, 0,
                        seconds(start), null, new TaskTimes(0, 0, 0, 0, seconds(start)));
            }
            String note = state.kind() == StoreState.Kind.UNUSABLE ? "re-simulated: " + state.message() : null;
            if (state.kind() != StoreState.Kind.ABSENT) {
                store.delete("");
            }
            int chunk = RecordingArrays.chunkFrames(rec.spec(), ctx.chunkOverride());
            RecordingArrays.create(new RecordingStoreWriter(store, ChunkCodec.defaultCodec()), rec.spec(), chunk);
            int frames = RecordingArrays.movieFrames(rec.spec());
            List<RecordingTask> tasks = new ArrayList<>();
            tasks.add(new RecordingTask.Truth(key, rec.spec(), ctx.stores(), chunk, ctx.implVersion()));
            for (FrameRanges.Range r : FrameRanges.split(frames, chunk, ctx.framesPerTask(), ctx.minRanges())) {
                tasks.add(new RecordingTask.Range(key, rec.spec(), ctx.stores(), chunk, ctx.implVersion(), r.t0(),
                        r.t1(), ctx.hooked(key, r.t0())));
            }
            List<TaskResult> results = ctx.exec().run(tasks, describe(rec, tasks.size()));
            TaskResult truth = results.get(0);
            RenderStatistics.Sums sums = null;
            long px = 0;
            TaskTimes times = truth.times();
            for (TaskResult t : results.subList(1, results.size())) {
                sums = sums == null ? t.sums() : sums.merge(t.sums());
                px += t.pxFrames();
                times = times.plus(t.times());
            }
            long commitStart = System.nanoTime();
            CellRows rows = truth.rows();
            CellTable.fillRender(rows, sums);
            RecordingRunner.commit(store, key, rows, truth.gtPresent(), RecordingArrays.snapshotNames(rec.spec()));
            times = times.plus(new TaskTimes(0, 0, 0, 0, seconds(commitStart)));
            return new Done(TaskResult.Status.DONE, rows, frames, px, seconds(start), note, times);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return new Done(TaskResult.Status.FAILED, null, 0, 0, seconds(start), Failures.oneLine(e),
                    TaskTimes.NONE);
        }
    }

    /** Reports a recording, hands its rows to the table, and returns its outcome. */
    private static RecordingOutcome finish(Context ctx, SweepRecording rec, Done d, TableSink sink, String sweepId) {
        String uri = ctx.stores().location(rec.cacheKey());
        RecordingOutcome.Status status = switch (d.status()) {
            case DONE -> RecordingOutcome.Status.DONE;
            case REUSED -> RecordingOutcome.Status.REUSED;
            case FAILED -> RecordingOutcome.Status.FAILED;
        };
        String message = d.message();
        if (status == RecordingOutcome.Status.DONE && message != null && !message.isEmpty()
                && message.startsWith("re-simulated")) {
            ctx.progress().warn(rec.cacheKey() + " point " + rec.pointIndex() + " seed " + rec.seed() + ": " + message);
        }
        int cells = 0, detectable = 0;
        if (d.rows() != null && status != RecordingOutcome.Status.FAILED) {
            cells = d.rows().size();
            int det = CellTable.storedIndex("detectable");
            for (int u = 0; u < cells; u++) {
                detectable += Boolean.TRUE.equals(d.rows().get(det, u)) ? 1 : 0;
            }
            try {
                sink.add(new RecordingIdentity(sweepId, rec.cacheKey(), uri, rec.pointIndex(), rec.seed(),
                        rec.axesJson(), RecordingIdentity.prefixed(rec.axColumns()), rec.split()), d.rows());
            } catch (IOException | RuntimeException e) {
                status = RecordingOutcome.Status.FAILED;
                message = "committed, but its table rows could not be written: " + Failures.oneLine(e);
            }
        }
        int frames = RecordingArrays.movieFrames(rec.spec());
        return ctx.progress().report(new RecordingOutcome(rec, uri, status, frames, d.pxFrames(), cells, detectable,
                d.seconds(), message, d.times()));
    }

    private static String describe(SweepRecording rec, int tasks) {
        return String.format(Locale.ROOT, "%s point %d seed %d (%d task%s)", rec.cacheKey(), rec.pointIndex(),
                rec.seed(), tasks, tasks == 1 ? "" : "s");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
