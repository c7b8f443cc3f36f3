package org.minisim.job.bench;

import org.minisim.render.Renderer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.minisim.job.FrameRanges;
import org.minisim.run.SceneCache;
import org.minisim.run.RecordingRunner;
import org.minisim.job.SweepJob;
import org.minisim.job.SweepRunOptions;
import org.minisim.job.SweepSummary;
import org.minisim.job.spark.SparkSessions;
import org.minisim.recording.StreamedTruth;
import org.minisim.render.FrameSink;
import org.minisim.scene.Scene;
import org.minisim.spec.Geometry;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.store.ChunkCodec;
import org.minisim.recording.io.ChunkWritingSink;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.store.StoreDiff;

/**
 * {@code minisim bench [quick]}: prints throughput and memory figures; asserts nothing.
 *
 * <ol>
 *   <li>In-process, no Spark: the dense quick-start spec (256 px, 10 s) and V4-CA1 (608 px, 10 s) — simulate
 *       seconds (plan build + render), write seconds (chunk encoding and store writes), Mpx-frames/s, peak heap
 *       in use (garbage included).
 *   <li>Through the Spark sweep job: the full 12-step spec at 256 px for 10 s and 60 s (this JVM, local[2]) and,
 *       in child JVMs with {@code -Xmx768m}, 10 s and 300 s on local[2] and 300 s on local[1] with
 *       {@code --frames-per-task 64} (the speed-up) — wall seconds, Mpx-frames/s, peak heap in use. The two
 *       300 s stores are then compared array by array (decoded): they must be identical.
 *   <li>Memory runs (child JVMs, {@code -Xmx768m}, local[2], separate from the timed runs): the 10 s and 300 s
 *       cases while a {@link LiveHeapSampler} forces a full GC every 50 ms (10 s) or 200 ms (300 s) and reads
 *       the heap in use right after it — the peak live heap, also above the idle baseline (live heap after the
 *       Spark session start and a warm-up case, before the measured case). In local mode the executor is the
 *       driver JVM, so this is everything the recording needs.
 * </ol>
 * {@code quick} runs only the 10 s cases (the 10 s memory run included). Specs come from
 * {@code <minisim.home>/conf/bench/} (the launcher sets {@code minisim.home}; the system property
 * {@code minisim.conf} overrides the conf folder); output goes under a temporary folder, deleted at the end.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Heap of the child JVMs, as their {@code -Xmx}. */
    static final String CHILD_HEAP = "768m";
    /** Frames per range task of the 300 s local[1] child (default: {@link FrameRanges#DEFAULT_FRAMES_PER_TASK}). */
    static final int SMALL_FRAMES_PER_TASK = 64;

    /** One timed case's figures. */
    public record Result(String name, long pxFrames, double simulateS, double writeS, double wallS,
                         long peakHeapBytes) {
        double mpxPerS() {
            return wallS > 0 ? pxFrames / 1e6 / wallS : 0.0;
        }

        String line() {
            String split = Double.isNaN(simulateS) ? String.format(Locale.ROOT, "%-35s", "")
                    : String.format(Locale.ROOT, "simulate %7.2f s  write %6.2f s  ", simulateS, writeS);
            return String.format(Locale.ROOT, "%-52s %8.1f Mpx-frames  %swall %7.2f s  %7.2f Mpx-frames/s  "
                    + "heap in use peak %5.0f MiB", name, pxFrames / 1e6, split, wallS, mpxPerS(),
                    peakHeapBytes / 1048576.0);
        }
    }

    /**
     * One memory run's figures (forced-GC sampling; its wall time is slowed by the collections and not a timing).
     *
     * @param peakLiveBytes peak heap in use right after a forced full GC, bytes
     * @param baselineBytes live heap after the Spark session start and the warm-up case, before the case, bytes
     * @param samples       forced-GC samples taken during the case
     * @param periodMs      milliseconds between samples
     */
    public record Memory(String name, long pxFrames, double wallS, long peakLiveBytes, long baselineBytes, int samples,
                         long periodMs) {
        long aboveBaselineBytes() {
            return Math.max(0, peakLiveBytes - baselineBytes);
        }

        String line() {
            return String.format(Locale.ROOT, "%-52s %8.1f Mpx-frames  peak live heap %5.0f MiB (%5.0f MiB above the "
                    + "idle baseline of %4.0f MiB; %d forced full GCs, one every %d ms; wall %.1f s, slowed by them)",
                    name, pxFrames / 1e6, peakLiveBytes / 1048576.0, aboveBaselineBytes() / 1048576.0,
                    baselineBytes / 1048576.0, samples, periodMs, wallS);
        }
    }

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length >= 1 && (args[0].equals(TIMED_CHILD) || args[0].equals(MEMORY_CHILD))) {
            return childCase(args, out);
        }
        boolean quick = args.length >= 1 && args[0].equals("quick");
        if (args.length > 1 || (args.length == 1 && !quick)) {
            System.err.println("usage: minisim bench [quick]");
            return 2;
        }
        Path conf = Path.of(System.getProperty("minisim.conf",
                System.getProperty("minisim.home", ".") + "/conf"), "bench");
        Path work = Files.createTempDirectory("minisim-bench");
        try {
            out.println("# in-process (no Spark): plan build + render, chunk encode + write to a local store");
            print(out, simulate("quick-start dense 256 px 10 s", spec(conf, "quickstart-dense-256-10s.json", 0),
                    work.resolve("a")));
            print(out, simulate("V4-CA1 608 px 10 s", spec(conf, "v4-ca1-608-10s.json", 0), work.resolve("b")));
            print(out, simulate("full 256 px 10 s", spec(conf, "full-256.json", 10), work.resolve("b10")));
            if (!quick) {
                print(out, simulate("full 256 px 60 s", spec(conf, "full-256.json", 60), work.resolve("b60")));
            }

            out.println("# Spark sweep job, full 12-step spec at 256 px (no intermediates)");
            String full = Files.readString(conf.resolve("full-256.json"));
            SparkSession spark = SparkSessions.getOrCreate(Map.of("spark.master", "local[2]", "spark.ui.enabled",
                    "false"));
            spark.sparkContext().setLogLevel("WARN");
            sparkCase("warm-up (not timed)", spark, full, 1, work.resolve("w"), FrameRanges.DEFAULT_FRAMES_PER_TASK);
            print(out, sparkCase("full 256 px 10 s, local[2]", spark, full, 10, work.resolve("c"),
                    FrameRanges.DEFAULT_FRAMES_PER_TASK));
            if (!quick) {
                print(out, sparkCase("full 256 px 60 s, local[2]", spark, full, 60, work.resolve("d"),
                        FrameRanges.DEFAULT_FRAMES_PER_TASK));
            }
            spark.stop();
            if (!quick) {
                String x = ", -Xmx" + CHILD_HEAP;
                Result ten = print(out, child("full 256 px 10 s, local[2]" + x, conf, 10, "local[2]",
                        FrameRanges.DEFAULT_FRAMES_PER_TASK, work.resolve("e10")));
                Result two = print(out, child("full 256 px 300 s, local[2]" + x, conf, 300, "local[2]",
                        FrameRanges.DEFAULT_FRAMES_PER_TASK, work.resolve("e")));
                Result one = print(out, child("full 256 px 300 s, local[1], frames/task " + SMALL_FRAMES_PER_TASK + x,
                        conf, 300, "local[1]", SMALL_FRAMES_PER_TASK, work.resolve("f")));
                out.println(String.format(Locale.ROOT, "speed-up local[2] vs local[1] (frames/task %d) on 300 s: %.2fx;"
                        + " throughput 300 s vs 10 s (local[2]): %.2fx", SMALL_FRAMES_PER_TASK,
                        one.wallS() / two.wallS(), two.mpxPerS() / ten.mpxPerS()));
                out.println(compareStores("300 s local[2] default vs local[1] --frames-per-task "
                        + SMALL_FRAMES_PER_TASK, work.resolve("e"), work.resolve("f")));
                out.flush();
            }

            out.println("# memory runs: peak live heap by forced full GC sampling (child JVMs, -Xmx" + CHILD_HEAP
                    + ", local[2], not timed)");
            Memory m10 = print(out, memoryChild("full 256 px 10 s, local[2], -Xmx" + CHILD_HEAP, conf, 10,
                    work.resolve("m10")));
            if (!quick) {
                Memory m300 = print(out, memoryChild("full 256 px 300 s, local[2], -Xmx" + CHILD_HEAP, conf, 300,
                        work.resolve("m300")));
                out.println(String.format(Locale.ROOT, "peak live heap 300 s / 10 s (same -Xmx%s, local[2]): %.2fx "
                        + "(%.0f / %.0f MiB); above the idle baseline: %.2fx (%.0f / %.0f MiB)", CHILD_HEAP,
                        (double) m300.peakLiveBytes() / Math.max(1, m10.peakLiveBytes()),
                        m300.peakLiveBytes() / 1048576.0, m10.peakLiveBytes() / 1048576.0,
                        (double) m300.aboveBaselineBytes() / Math.max(1, m10.aboveBaselineBytes()),
                        m300.aboveBaselineBytes() / 1048576.0, m10.aboveBaselineBytes() / 1048576.0));
            }
        } finally {
            FileByteStore.deleteRecursively(work);
        }
        return 0;
    }

    /**
     * @return one line: the two runs' single stores (under {@code <dir>/stores}) have identical decoded arrays
     *         (observed and every ground-truth array), or the first array that differs
     */
    static String compareStores(String what, Path a, Path b) throws IOException {
        FileByteStore sa = new FileByteStore(onlyStore(a)), sb = new FileByteStore(onlyStore(b));
        StoreDiff.Result d = StoreDiff.compare(sa, sb);
        if (d.identical()) {
            return String.format(Locale.ROOT, "%s: decoded arrays identical (observed + %d ground-truth arrays)", what,
                    d.groundTruthArrays());
        }
        return what + ": decoded arrays DIFFER: " + d.firstDifference();
    }

    private static Path onlyStore(Path runDir) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(runDir.resolve("stores"))) {
            List<Path> stores = s.filter(p -> p.getFileName().toString().endsWith(".zarr")).toList();
            if (stores.size() != 1) {
                throw new IllegalStateException("expected one store under " + runDir + "/stores, found " + stores);
            }
            return stores.get(0);
        }
    }

    private static Memory print(PrintStream out, Memory m) {
        out.println(m.line());
        out.flush();
        return m;
    }

    private static Result print(PrintStream out, Result r) {
        out.println(r.line());
        out.flush();
        return r;
    }

    /** @return the spec in {@code conf/bench/<file>}, with its duration replaced when {@code durationS > 0} */
    static Spec spec(Path conf, String file, double durationS) throws IOException {
        return SpecReader.read(withDuration(Files.readString(conf.resolve(file)), durationS)).spec();
    }

    static String withDuration(String specJson, double durationS) throws IOException {
        if (durationS <= 0) {
            return specJson;
        }
        ObjectNode root = (ObjectNode) JSON.readTree(specJson);
        ((ObjectNode) root.get("acquisition")).put("duration_s", durationS);
        return JSON.writeValueAsString(root);
    }

    /** Builds the plan and renders the whole movie into a local store, timing the writes separately. */
    static Result simulate(String name, Spec spec, Path dir) throws IOException {
        HeapSampler heap = new HeapSampler();
        Geometry g = spec.geometry();
        long start = System.nanoTime();
        Scene plan = Scene.build(spec);
        String key = CanonicalJson.cacheKey(spec);
        FileByteStore store = new FileByteStore(dir.resolve(key + ".zarr"));
        RecordingStoreWriter writer = new RecordingStoreWriter(store, ChunkCodec.defaultCodec());
        int n = plan.observedFrames();
        int chunk = RecordingLayout.observedChunkFrames(g.fovHeight(), g.fovWidth(), "<f4");
        java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();
        long w0 = System.nanoTime();
        writer.createObserved(n, g.fovHeight(), g.fovWidth(), "<f4", chunk);
        writeNanos.addAndGet(System.nanoTime() - w0);
        // Chunk-aligned frame ranges rendered on every core in the job's blocks, as the Spark job's range tasks do.
        int threads = Runtime.getRuntime().availableProcessors();
        int nChunks = Math.max(1, (n + chunk - 1) / chunk);
        int rangeFrames = chunk * Math.max(1, nChunks / (threads * 4));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t0 = 0; t0 < n; t0 += rangeFrames) {
                int a = t0, b = Math.min(n, t0 + rangeFrames);
                futures.add(pool.submit(() -> {
                    ChunkWritingSink chunks = new ChunkWritingSink(
                            new RecordingStoreWriter(store, ChunkCodec.defaultCodec()), a, b);
                    new Renderer(plan).render(a, b, RecordingRunner.blockFrames(chunk), new FrameSink() {
                        @Override
                        public void observed(int t0x, int t1x, double[] frames) {
                            long st = System.nanoTime();
                            chunks.observed(t0x, t1x, frames);
                            writeNanos.addAndGet(System.nanoTime() - st);
                        }
                    });
                    long st = System.nanoTime();
                    chunks.finish();
                    writeNanos.addAndGet(System.nanoTime() - st);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IOException("rendering failed: " + e.getCause(), e);
        } finally {
            pool.shutdown();
        }
        StreamedTruth gt = plan.streamedTruth();
        long s = System.nanoTime();
        writer.writeGroundTruth(gt);
        writer.writeSpecJson(CanonicalJson.pretty(spec));
        writer.commit(key, gt.presentOptional(), List.of());
        writeNanos.addAndGet(System.nanoTime() - s);
        double wall = (System.nanoTime() - start) / 1e9;
        double write = writeNanos.get() / 1e9 / threads;
        heap.close();
        return new Result(name, (long) n * g.fovPixels(), wall - write, write, wall, heap.peakUsed());
    }

    /** Runs a one-recording sweep of {@code specJson} (duration replaced) through the Spark job. */
    static Result sparkCase(String name, SparkSession spark, String specJson, double durationS, Path dir,
                            int framesPerTask) throws IOException {
        HeapSampler heap = new HeapSampler();
        SweepSummary s;
        try {
            s = runSweep(spark, specJson, durationS, dir, framesPerTask);
        } finally {
            heap.close();
        }
        return new Result(name, pxFrames(s), Double.NaN, Double.NaN, s.wallSeconds(), heap.peakUsed());
    }

    private static SweepSummary runSweep(SparkSession spark, String specJson, double durationS, Path dir,
                                         int framesPerTask) throws IOException {
        SceneCache.shared().clear();
        String base = withDuration(specJson, durationS);
        String sweep = "{\"sweep_format\": 1, \"sweep_id\": \"bench\", \"base\": " + base
                + ", \"output\": {\"stores\": \"" + dir.resolve("stores").toUri() + "\", \"table\": \"" + dir.resolve("cells").toUri() + "\"}}";
        SweepPlan plan = SweepFile.read(sweep);
        SweepSummary s = SweepJob.run(spark, SweepRunOptions.of("bench", plan, plan.storesUri(), plan.tableUri())
                .withFramesPerTask(framesPerTask)
                .withStreams(new PrintStream(new ByteArrayOutputStream()), System.err));
        SceneCache.shared().clear();
        if (s.failed() > 0) {
            throw new IllegalStateException("the bench sweep failed: " + s.outcomes());
        }
        return s;
    }

    private static long pxFrames(SweepSummary s) {
        return s.outcomes().stream().mapToLong(o -> o.pxFrames()).sum();
    }

    private static final String TIMED_CHILD = "spark-case";
    private static final String MEMORY_CHILD = "spark-case-memory";

    /**
     * Child-JVM modes, each printing one line: {@code spark-case <conf-bench-dir> <durationS> <master> <workDir>
     * <framesPerTask>} → {@code RESULT pxFrames wallS peakHeapBytes}; {@code spark-case-memory} (same arguments)
     * → {@code MEMORY pxFrames wallS peakLiveBytes baselineBytes samples periodMs}. Both run an untimed 1 s
     * warm-up case first.
     */
    private static int childCase(String[] args, PrintStream out) throws IOException {
        Path conf = Path.of(args[1]);
        double durationS = Double.parseDouble(args[2]);
        Path dir = Path.of(args[4]);
        int framesPerTask = Integer.parseInt(args[5]);
        String full = Files.readString(conf.resolve("full-256.json"));
        SparkSession spark = SparkSessions.getOrCreate(Map.of("spark.master", args[3], "spark.ui.enabled", "false"));
        spark.sparkContext().setLogLevel("WARN");
        runSweep(spark, full, 1, dir.resolve("warm-up"), framesPerTask);
        FileByteStore.deleteRecursively(dir.resolve("warm-up"));
        if (args[0].equals(TIMED_CHILD)) {
            Result r = sparkCase("child", spark, full, durationS, dir, framesPerTask);
            out.println("RESULT " + r.pxFrames() + " " + r.wallS() + " " + r.peakHeapBytes());
        } else {
            long baseline = Math.min(LiveHeapSampler.liveNow(), LiveHeapSampler.liveNow());
            LiveHeapSampler sampler = new LiveHeapSampler(durationS <= 30 ? 50 : 200);
            SweepSummary s;
            try {
                s = runSweep(spark, full, durationS, dir, framesPerTask);
            } finally {
                sampler.close();
            }
            LiveHeapSampler.Figures f = sampler.figures();
            out.println("MEMORY " + pxFrames(s) + " " + s.wallSeconds() + " " + f.peakLiveBytes() + " " + baseline + " "
                    + f.samples() + " " + f.periodMs());
        }
        out.flush();
        spark.stop();
        return 0;
    }

    /** @return the {@code RESULT} of a timed child JVM */
    private static Result child(String name, Path conf, double durationS, String master, int framesPerTask, Path dir)
            throws Exception {
        String[] f = runChild(name, TIMED_CHILD, "RESULT ", conf, durationS, master, framesPerTask, dir);
        return new Result(name, Long.parseLong(f[1]), Double.NaN, Double.NaN, Double.parseDouble(f[2]),
                Long.parseLong(f[3]));
    }

    /** @return the {@code MEMORY} figures of a memory child JVM on local[2] with the default frames per task */
    private static Memory memoryChild(String name, Path conf, double durationS, Path dir) throws Exception {
        String[] f = runChild(name, MEMORY_CHILD, "MEMORY ", conf, durationS, "local[2]",
                FrameRanges.DEFAULT_FRAMES_PER_TASK, dir);
        return new Memory(name, Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]));
    }

    /** Runs this class in a child JVM ({@code -Xmx768m}) and returns the fields of its line starting with prefix. */
    private static String[] runChild(String name, String mode, String prefix, Path conf, double durationS,
                                     String master, int framesPerTask, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty") || a.startsWith("-Dlog4j")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx" + CHILD_HEAP, "-cp", System.getProperty("java.class.path"), Benchmark.class.getName(),
                mode, conf.toAbsolutePath().toString(), Double.toString(durationS), master, dir.toString(),
                Integer.toString(framesPerTask)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IllegalStateException(name + ": child JVM failed:\n" + tail(output));
        }
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.trim().split(" ");
            }
        }
        throw new IllegalStateException(name + ": no " + prefix.trim() + " line from the child JVM:\n" + tail(output));
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
