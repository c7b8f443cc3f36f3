package org.minisim.job;

import org.minisim.job.exec.SweepStoppedException;
import org.minisim.job.exec.TaskFailures;
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
import org.minisim.job.storage.StorageCheckException;
import org.minisim.job.storage.StorageDefaults;
import org.minisim.job.storage.StorageFailure;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.table.CellTableWriter;
import org.minisim.run.RecordingArrays;
import org.minisim.run.RecordingRunner;
import org.minisim.run.RecordingTask;
import org.minisim.run.SceneCache;
import org.minisim.run.StoreLocator;
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
 *
 * <p>Failures (docs/failures.md): a recording whose task would not fit in a task's heap ({@link MemoryCheck}) fails
 * alone before it runs. A failure of the storage class goes to the {@link StorageWatch}: the stores location is
 * re-probed; if it answers again the recording is retried once, otherwise the sweep stops — nothing more is
 * started, tasks in flight stop at their next store operation — and the table is written only if its own location
 * answers. S3A's retries are bounded by {@link StorageDefaults} unless the configuration sets them.
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
        for (String k : List.of(CHUNK_FRAMES_CONF, FAIL_HOOK_CONF, StorageWatch.RECOVERY_CONF, MemoryCheck.HEAP_CONF,
                MemoryCheck.CHECK_CONF)) {
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
     * @param settings {@code minisim.*} settings ({@link #CHUNK_FRAMES_CONF}, {@link #FAIL_HOOK_CONF},
     *                 {@code minisim.storage.recoverySeconds}, {@code minisim.memory.taskHeap},
     *                 {@code minisim.memory.check})
     * @throws StorageCheckException when a location is unavailable before anything runs
     */
    public static SweepSummary run(TaskExecutor exec, Configuration hadoop, SweepRunOptions o,
                                   Map<String, String> settings) {
        long start = System.nanoTime();
        Phases phases = new Phases();
        SweepPlan plan = o.plan();
        Configuration conf = StorageDefaults.applied(hadoop);
        StoreRoot storesRoot = StoreRoot.of(o.storesUri(), conf);
        StoreRoot table = StoreRoot.of(o.tableUri(), conf);
        StorageCheck.verify(storesRoot.uri(), conf);
        StorageCheck.verify(table.uri(), conf);
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
        StoppableStores stores = new StoppableStores(storesRoot, java.util.UUID.randomUUID().toString());
        long recoveryMs = Math.round(1000 * Double.parseDouble(settings.getOrDefault(StorageWatch.RECOVERY_CONF,
                String.valueOf(StorageWatch.DEFAULT_RECOVERY_SECONDS))));
        StorageWatch watch = new StorageWatch(storesRoot.uri(), conf, recoveryMs, progress, o.err(), () -> {
            stores.stop();
            exec.cancelAll();
        });
        MemoryCheck memory = MemoryCheck.of(exec.taskHeapBytes(), exec.reservedHeapBytes(), settings);
        Context ctx = new Context(exec, stores, o.framesPerTask(), chunkOverride, ImplVersion.get(), hook, progress,
                minRanges, watch, memory, o.ended());

        Set<String> ax = new LinkedHashSet<>();
        for (SweepRecording r : recs) {
            ax.addAll(RecordingIdentity.prefixed(r.axColumns()).keySet());
        }
        TableSink sink = new TableSink(new CellTableWriter(table, plan.sweepId(), CellTable.axisColumns(ax),
                CellTableWriter.DEFAULT_ROWS_PER_FILE));
        RecordingOutcome[] outcomes = new RecordingOutcome[recs.size()];
        try (progress) {
            runAll(ctx, recs, inFlight, outcomes, sink, plan.sweepId());
        } finally {
            stores.release();
        }
        phases.mark("recordings");

        String tableSkipped = null;
        if (watch.stopped()) {
            try {
                StorageCheck.verify(table.uri(), conf);
            } catch (StorageCheckException e) {
                tableSkipped = e.line();
            }
        }
        long rows = 0;
        if (tableSkipped == null) {
            try {
                rows = sink.commit();
            } catch (IOException | RuntimeException e) {
                StorageFailure f = StorageFailure.of(e);
                if (f == null) {
                    sink.abort();
                    throw new MinisimException("writing the table partition sweep_id=" + plan.sweepId() + " under "
                            + o.tableUri() + ": " + Failures.oneLine(e), e);
                }
                tableSkipped = f.line(o.tableUri());
                TaskFailures.log("writing the table partition sweep_id=" + plan.sweepId(), e);
            }
        }
        if (tableSkipped != null) {
            sink.abortQuietly();
        }
        phases.mark("table");
        List<RecordingOutcome> all = List.of(outcomes);
        if (tableSkipped == null) {
            try {
                Manifest.write(tableRoot, plan.sweepId(), Manifest.lines(plan, all));
                JobMetadata.write(tableRoot, plan.sweepId(), ctx.implVersion(), o.framesPerTask(), exec.describe());
            } catch (IOException e) {
                StorageFailure f = StorageFailure.of(e);
                if (f == null) {
                    throw new MinisimException("writing the manifest and job metadata under " + o.tableUri() + ": "
                            + e.getMessage(), e);
                }
                tableSkipped = f.line(o.tableUri());
                TaskFailures.log("writing the manifest and job metadata", e);
            }
        }
        phases.mark("manifest and metadata");
        if (tableSkipped != null) {
            o.err().println("table not written: " + tableSkipped + " (the next run rewrites it)");
        }
        SweepSummary summary = new SweepSummary(plan.sweepId(), all, plan.invalidPoints().size(),
                (System.nanoTime() - start) / 1e9, rows, phases.seconds(), watch.outage(), tableSkipped);
        progress.info(summary.line());
        progress.info(summary.phasesLine());
        if (summary.storageUnavailable()) {
            o.err().println("to resume, run the same command again once the storage answers: committed recordings "
                    + "are reused, the others simulated, and the table rewritten");
        } else {
            progress.info("stores: " + o.storesUri() + "   table: " + o.tableUri() + " (partition sweep_id="
                    + plan.sweepId() + ")");
        }
        return summary;
    }

    /** Per-run settings shared by the driver's threads. */
    record Context(TaskExecutor exec, StoreLocator stores, int framesPerTask, int chunkOverride, String implVersion,
                   String failHook, Progress progress, int minRanges, StorageWatch watch, MemoryCheck memory,
                   java.util.function.Consumer<RecordingOutcome> ended) {

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

        /** Aborts without waiting long on a location that does not answer (best effort, on a driver thread). */
        void abortQuietly() {
            Thread t = new Thread(() -> {
                try {
                    abort();
                } catch (RuntimeException e) {
                    // the next run replaces the staging directory anyway
                }
            }, "minisim-table-abort");
            t.setDaemon(true);
            t.start();
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
            List<FrameRanges.Range> ranges = FrameRanges.split(frames, chunk, ctx.framesPerTask(), ctx.minRanges());
            int taskFrames = ranges.size() <= 1 ? frames : ranges.get(0).t1() - ranges.get(0).t0();
            String tooBig = ctx.memory().problem(r, taskFrames, Math.min(chunk, Math.max(1, frames)), chunk);
            if (tooBig != null) {
                outcomes[i] = finish(ctx, r, Done.failed(tooBig, 0), sink, sweepId);
            } else if (ranges.size() <= 1) {
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
        if (work.isEmpty()) {
            return;
        }
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
                    List<Integer> idx = w.whole() != null ? w.whole() : List.of(w.ranged());
                    try {
                        runWork(ctx, recs, w, idx, outcomes, sink, sweepId);
                    } catch (OutOfMemoryError e) {
                        // the heap is shared: a task running out of it can make this thread fail too
                        for (int i : idx) {
                            if (outcomes[i] == null) {
                                SweepRecording rec = recs.get(i);
                                outcomes[i] = finish(ctx, rec, Done.failed(TaskFailures.outOfMemory(rec.spec(),
                                        ctx.framesPerTask(), Runtime.getRuntime().maxMemory()), 0), sink, sweepId);
                            }
                        }
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

    /** One piece of the driver's work, unless the sweep was stopped first. */
    private static void runWork(Context ctx, List<SweepRecording> recs, Work w, List<Integer> idx,
                                RecordingOutcome[] outcomes, TableSink sink, String sweepId) {
        if (!ctx.watch().awaitLaunch()) {
            for (int i : idx) {
                outcomes[i] = finish(ctx, recs.get(i), Done.halted(SweepStoppedException.NOT_STARTED), sink, sweepId);
            }
        } else if (w.whole() != null) {
            runBatch(ctx, recs, w.whole(), outcomes, sink, sweepId);
        } else {
            SweepRecording rec = recs.get(w.ranged());
            outcomes[w.ranged()] = finish(ctx, rec, settle(ctx, rec, runRanged(ctx, rec), () -> runRanged(ctx, rec)),
                    sink, sweepId);
        }
    }

    /** How a recording was cut short by a stopped sweep. */
    private enum Halt { NONE, NOT_STARTED, INTERRUPTED }

    /**
     * A recording's result as the driver sees it: status, rows (committed ones), frames, seconds, message, and
     * whether a stopped sweep cut it short.
     */
    private record Done(TaskResult.Status status, CellRows rows, int frames, long pxFrames, double seconds,
                        String message, TaskTimes times, Halt halt) {

        Done(TaskResult.Status status, CellRows rows, int frames, long pxFrames, double seconds, String message,
             TaskTimes times) {
            this(status, rows, frames, pxFrames, seconds, message, times, Halt.NONE);
        }

        static Done failed(String message, double seconds) {
            return new Done(TaskResult.Status.FAILED, null, 0, 0, seconds, message, TaskTimes.NONE);
        }

        static Done halted(String message) {
            return new Done(TaskResult.Status.FAILED, null, 0, 0, 0, message, TaskTimes.NONE,
                    SweepStoppedException.notStarted(message) ? Halt.NOT_STARTED : Halt.INTERRUPTED);
        }
    }

    /**
     * A failed recording's fate: its own failure stays; a storage failure is retried once when the storage answers
     * again; a recording of a stopped sweep is marked halted (not started, or interrupted).
     */
    private static Done settle(Context ctx, SweepRecording rec, Done d, java.util.function.Supplier<Done> retry) {
        if (d.status() != TaskResult.Status.FAILED) {
            return d;
        }
        StorageWatch.Verdict v = ctx.watch().onFailure(rec, d.message(), false);
        if (v == StorageWatch.Verdict.RETRY) {
            Done again = retry.get();
            if (again.status() != TaskResult.Status.FAILED) {
                return again;
            }
            d = again;
            v = ctx.watch().onFailure(rec, again.message(), true);
        }
        if (v == StorageWatch.Verdict.STOP) {
            return new Done(d.status(), null, 0, 0, d.seconds(), d.message(), d.times(),
                    SweepStoppedException.notStarted(d.message()) ? Halt.NOT_STARTED : Halt.INTERRUPTED);
        }
        return d;
    }

    private static void runBatch(Context ctx, List<SweepRecording> recs, List<Integer> idx,
                                 RecordingOutcome[] outcomes, TableSink sink, String sweepId) {
        List<Done> done = runWhole(ctx, recs, idx);
        for (int k = 0; k < idx.size(); k++) {
            SweepRecording rec = recs.get(idx.get(k));
            int i = idx.get(k);
            outcomes[i] = finish(ctx, rec, settle(ctx, rec, done.get(k),
                    () -> runWhole(ctx, recs, List.of(i)).get(0)), sink, sweepId);
        }
    }

    /** Runs a batch of whole-recording tasks: one result per recording, in order. */
    private static List<Done> runWhole(Context ctx, List<SweepRecording> recs, List<Integer> idx) {
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
        List<Done> out = new ArrayList<>(idx.size());
        List<TaskResult> results;
        try {
            results = ctx.exec().run(tasks, what);
        } catch (RuntimeException e) {
            // the whole call failed (e.g. its Spark job was cancelled when the sweep stopped)
            String line = ctx.watch().stopped() ? SweepStoppedException.NOT_STARTED : lineOf(ctx, e);
            TaskFailures.log(what + " failed: " + line, e);
            for (int i = 0; i < idx.size(); i++) {
                out.add(Done.failed(line, 0));
            }
            return out;
        }
        for (TaskResult t : results) {
            out.add(new Done(t.status(), t.rows(), t.frames(), t.pxFrames(), t.seconds(), t.message(), t.times()));
        }
        return out;
    }

    /** @return a failure seen on the driver in one line (a stopped sweep's, a storage failure's, else the best) */
    private static String lineOf(Context ctx, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SweepStoppedException s) {
                return s.getMessage();
            }
        }
        String msg = String.valueOf(e.getMessage());
        if (SweepStoppedException.stopped(msg)) {
            return msg.contains(SweepStoppedException.NOT_STARTED) ? SweepStoppedException.NOT_STARTED
                    : SweepStoppedException.INTERRUPTED;
        }
        StorageFailure f = StorageFailure.of(e);
        if (f != null) {
            String where = StorageFailure.location(msg);
            return f.line(where != null ? where : ctx.watch().location());
        }
        if (e instanceof MinisimException && e.getCause() == null && e.getMessage() != null) {
            return e.getMessage(); // already one line naming the recording (e.g. a task out of memory)
        }
        return Failures.oneLine(e);
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
            // the ranges' render sums merged as they come back (chunk by chunk, the same additions in the same
            // order whatever the arrival order), so the driver never holds every range's sums of a long movie
            RenderStatistics.Sums[] merged = {null};
            List<TaskResult> results = ctx.exec().run(tasks, describe(rec, tasks.size()), r -> {
                if (r.sums() == null) {
                    return r;
                }
                merged[0] = merged[0] == null ? r.sums() : merged[0].merge(r.sums());
                return r.withoutSums();
            });
            TaskResult truth = results.get(0);
            RenderStatistics.Sums sums = merged[0];
            long px = 0;
            TaskTimes times = truth.times();
            for (TaskResult t : results.subList(1, results.size())) {
                px += t.pxFrames();
                times = times.plus(t.times());
            }
            long commitStart = System.nanoTime();
            CellRows rows = truth.rows();
            CellTable.fillRender(rows, sums);
            RecordingRunner.commit(store, key, rows, truth.gtPresent(), RecordingArrays.snapshotNames(rec.spec()));
            times = times.plus(new TaskTimes(0, 0, 0, 0, seconds(commitStart)));
            return new Done(TaskResult.Status.DONE, rows, frames, px, seconds(start), note, times);
        } catch (OutOfMemoryError e) {
            return Done.failed(TaskFailures.outOfMemory(rec.spec(), ctx.framesPerTask(),
                    Runtime.getRuntime().maxMemory()), seconds(start));
        } catch (IOException | RuntimeException e) {
            String line = lineOf(ctx, e);
            TaskFailures.log(StorageWatch.name(rec) + " failed: " + line, e);
            return Done.failed(line, seconds(start));
        }
    }

    /** Reports a recording, hands its rows to the table, and returns its outcome. */
    private static RecordingOutcome finish(Context ctx, SweepRecording rec, Done d, TableSink sink, String sweepId) {
        String uri = ctx.stores().location(rec.cacheKey());
        int movie = RecordingArrays.movieFrames(rec.spec());
        if (d.halt() == Halt.NOT_STARTED) {
            return new RecordingOutcome(rec, uri, RecordingOutcome.Status.NOT_STARTED, movie, 0, 0, 0, 0,
                    SweepStoppedException.NOT_STARTED, TaskTimes.NONE);
        }
        if (d.halt() == Halt.INTERRUPTED) {
            // reported by the storage watch's lines and the summary, not one line each
            TaskFailures.log(StorageWatch.name(rec) + " interrupted: " + d.message(), null);
            StorageFailure f = StorageFailure.parse(d.message());
            if (f != null && f.kind() == StorageFailure.Kind.NO_SPACE) {
                cleanUp(ctx, rec);
            }
            return new RecordingOutcome(rec, uri, RecordingOutcome.Status.FAILED, movie, 0, 0, 0, d.seconds(),
                    d.message(), d.times());
        }
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
        RecordingOutcome outcome = ctx.progress().report(new RecordingOutcome(rec, uri, status, frames, d.pxFrames(),
                cells, detectable, d.seconds(), message, d.times()));
        try {
            ctx.ended().accept(outcome);
        } catch (RuntimeException e) {
            TaskFailures.log("telling of the end of " + rec.cacheKey(), e); // a listener's fault loses no recording
        }
        return outcome;
    }

    /**
     * Deletes what a recording that failed by storage left (best effort): never complete, it would be redone
     * anyway, and on a full disk its files hold space the others need.
     */
    private static void cleanUp(Context ctx, SweepRecording rec) {
        try {
            StoreLocator raw = ctx.stores() instanceof StoppableStores s ? s.unguarded() : ctx.stores();
            raw.store(rec.cacheKey()).delete("");
        } catch (IOException | RuntimeException e) {
            TaskFailures.log("removing the half-written store of " + StorageWatch.name(rec), e);
        }
    }

    private static String describe(SweepRecording rec, int tasks) {
        return String.format(Locale.ROOT, "%s point %d seed %d (%d task%s)", rec.cacheKey(), rec.pointIndex(),
                rec.seed(), tasks, tasks == 1 ? "" : "s");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
