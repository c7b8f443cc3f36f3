package org.minisim.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.minisim.job.storage.StorageCheck;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.table.CellRowsJson;
import org.minisim.job.table.CellTableRows;
import org.minisim.job.table.CellTableSchema;
import org.minisim.job.table.CellTableWriter;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;

/**
 * The sweep job (library entry point): simulates every recording of a validated sweep on Spark and writes the
 * sweep's partition of the per-cell table, its manifest and its job metadata ({@link JobMetadata}).
 *
 * <p>Scheduling: a driver thread pool runs one Spark job per recording (its truth unit and its chunk-aligned
 * frame-range units as partitions), at most {@code maxInFlight} recordings at once (default twice the default
 * parallelism) — so one long movie spreads over every core while many short ones pay no per-chunk overhead,
 * and each recording is committed as soon as its job finishes. A failed recording is reported in one line and
 * the others continue. At the end the table partition {@code sweep_id=<id>} is rewritten (dynamic partition
 * overwrite) from the cell files of all the sweep's committed stores, reused ones included.
 */
public final class SweepJob {

    /** Spark conf key of the test hook that fails the first attempt of one range task ({@code <key>:<t0>}). */
    public static final String FAIL_HOOK_CONF = "minisim.test.failFirstAttemptOf";
    /**
     * Spark conf key overriding the observed chunk length in frames (default: {@code RecordingLayout}'s, a
     * function of the frame size). Lets tests split tiny movies into several chunks; any value gives valid
     * stores, but stores are byte-identical only between runs using the same chunk length.
     */
    public static final String CHUNK_FRAMES_CONF = "minisim.chunkFrames";

    private SweepJob() {}

    public static SweepSummary run(SparkSession spark, SweepRunOptions o) {
        long start = System.nanoTime();
        SweepPlan plan = o.plan();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        StoreRoot stores = StoreRoot.of(o.storesUri(), jsc.hadoopConfiguration());
        StoreRoot table = StoreRoot.of(o.tableUri(), jsc.hadoopConfiguration());
        StorageCheck.verify(stores.uri(), jsc.hadoopConfiguration());
        StorageCheck.verify(table.uri(), jsc.hadoopConfiguration());
        try {
            Manifest.write(table.rootStore(), plan.sweepId(), Manifest.planned(plan));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }

        List<SweepRecording> recs = plan.recordings();
        Progress progress = new Progress(recs.size(), o.out(), o.err());
        int inFlight = o.maxInFlight() > 0 ? o.maxInFlight() : Math.max(1, 2 * jsc.defaultParallelism());
        int recordingsAtOnce = Math.min(inFlight, Math.max(1, recs.size()));
        // fewer recordings at once than cores: split each movie into enough ranges to keep every core busy
        int minRanges = Math.max(1, (jsc.defaultParallelism() + recordingsAtOnce - 1) / recordingsAtOnce);
        RecordingRun.Context ctx = new RecordingRun.Context(jsc, stores, o.framesPerTask(),
                Integer.parseInt(spark.conf().get(CHUNK_FRAMES_CONF, "0")), ImplVersion.get(),
                spark.conf().get(FAIL_HOOK_CONF, null), progress, minRanges);
        List<RecordingOutcome> outcomes = runAll(ctx, recs, recordingsAtOnce);

        long rows = writeTable(spark, jsc, plan, stores, outcomes, o.tableUri());
        try {
            Manifest.write(table.rootStore(), plan.sweepId(), Manifest.lines(plan, outcomes));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the manifest: " + e.getMessage(), e);
        }
        try {
            JobMetadata.write(table.rootStore(), plan.sweepId(), ctx.implVersion(), o.framesPerTask());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the job metadata: " + e.getMessage(), e);
        }
        SweepSummary summary = new SweepSummary(plan.sweepId(), outcomes, plan.invalidPoints().size(),
                (System.nanoTime() - start) / 1e9, rows);
        progress.info(summary.line());
        progress.info("stores: " + o.storesUri() + "   table: " + o.tableUri() + " (partition sweep_id="
                + plan.sweepId() + ")");
        return summary;
    }

    private static List<RecordingOutcome> runAll(RecordingRun.Context ctx, List<SweepRecording> recs, int threads) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "minisim-recording-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RecordingOutcome>> futures = new ArrayList<>();
            for (SweepRecording rec : recs) {
                futures.add(pool.submit(() -> RecordingRun.run(ctx, rec)));
            }
            List<RecordingOutcome> out = new ArrayList<>();
            for (Future<RecordingOutcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rewrites the sweep's table partition from every committed store; @return the rows written */
    private static long writeTable(SparkSession spark, JavaSparkContext jsc, SweepPlan plan, StoreRoot stores,
                                   List<RecordingOutcome> outcomes, String tableUri) {
        Set<String> ax = new LinkedHashSet<>();
        for (SweepRecording r : plan.recordings()) {
            ax.addAll(CellTableRows.prefixed(r.axColumns()).keySet());
        }
        List<String> axisColumns = CellTableSchema.axisColumns(ax);
        StructType schema = CellTableSchema.schema(axisColumns);
        List<byte[]> sources = new ArrayList<>();
        long rows = 0;
        for (RecordingOutcome o : outcomes) {
            if (o.committed()) {
                SweepRecording r = o.recording();
                sources.add(JavaBytes.write(new CellTableRows(plan.sweepId(), r.cacheKey(), o.storeUri(),
                        r.pointIndex(), r.seed(), r.axesJson(), CellTableRows.prefixed(r.axColumns()))));
                rows += o.cells();
            }
        }
        int slices = Math.max(1, Math.min(sources.size(), 4 * jsc.defaultParallelism()));
        JavaRDD<Row> rdd = jsc.parallelize(sources, slices).flatMap(bytes -> {
            CellTableRows src = JavaBytes.read(bytes);
            byte[] cells = stores.store(src.cacheKey()).get(CellRowsJson.FILE_NAME);
            if (cells == null) {
                throw new IllegalStateException("store " + src.storeUri() + " lost its " + CellRowsJson.FILE_NAME);
            }
            return src.rows(CellRowsJson.read(new String(cells, java.nio.charset.StandardCharsets.UTF_8)),
                    axisColumns).iterator();
        });
        jsc.setJobDescription("table partition sweep_id=" + plan.sweepId());
        CellTableWriter.write(spark, rdd, schema, tableUri, CellTableWriter.filesFor(rows));
        return rows;
    }
}
