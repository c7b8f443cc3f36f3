package org.minisim.job.bench;

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
import org.minisim.job.PlanCache;
import org.minisim.job.SweepJob;
import org.minisim.job.SweepRunOptions;
import org.minisim.job.SweepSummary;
import org.minisim.job.spark.SparkSessions;
import org.minisim.recording.StreamedTruth;
import org.minisim.render.FrameSink;
import org.minisim.render.RecordingPlan;
import org.minisim.spec.Geometry;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.store.ChunkCodec;
import org.minisim.store.ChunkWritingSink;
import org.minisim.store.FileByteStore;
import org.minisim.store.RecordingLayout;
import org.minisim.store.RecordingStoreWriter;

/**
 * {@code minisim bench [quick]}: prints throughput and memory figures; asserts nothing.
 *
 * <ol>
 *   <li>In-process, no Spark: the dense quick-start spec (256 px, 10 s) and V4-CA1 (608 px, 10 s) — simulate
 *       seconds (plan build + render), write seconds (chunk encoding and store writes), Mpx-frames/s, peak heap in use and live after GC.
 *   <li>Through the Spark sweep job: the full 12-step spec at 256 px for 10 s and 60 s (this JVM, local[2]) and
 *       300 s (a child JVM with {@code -Xmx768m}, local[2] and local[1]: the speed-up) — wall seconds,
 *       Mpx-frames/s, peak heap in use and peak live heap after GC
 *       (sampled; in local mode the executor is the driver JVM).
 * </ol>
 * {@code quick} runs only the 10 s cases. Specs come from {@code <minisim.home>/conf/bench/} (the launcher sets
 * {@code minisim.home}; the system property {@code minisim.conf} overrides the conf folder); output goes under a
 * temporary folder, deleted at the end.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case's figures. */
    public record Result(String name, long pxFrames, double simulateS, double writeS, double wallS, long peakHeapBytes,
                         long peakLiveBytes) {
        double mpxPerS() {
            return wallS > 0 ? pxFrames / 1e6 / wallS : 0.0;
        }

        String line() {
            String split = Double.isNaN(simulateS) ? String.format(Locale.ROOT, "%-35s", "")
                    : String.format(Locale.ROOT, "simulate %7.2f s  write %6.2f s  ", simulateS, writeS);
            return String.format(Locale.ROOT, "%-38s %8.1f Mpx-frames  %swall %7.2f s  %7.2f Mpx-frames/s  "
                    + "heap peak %5.0f MiB, live after GC %5.0f MiB", name, pxFrames / 1e6, split, wallS, mpxPerS(),
                    peakHeapBytes / 1048576.0, peakLiveBytes / 1048576.0);
        }
    }

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length >= 1 && args[0].equals("spark-case")) {
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
        List<Result> results = new ArrayList<>();
        try {
            out.println("# in-process (no Spark): plan build + render, chunk encode + write to a local store");
            results.add(print(out, simulate("quick-start dense 256 px 10 s", spec(conf, "quickstart-dense-256-10s.json", 0),
                    work.resolve("a"))));
            results.add(print(out, simulate("V4-CA1 608 px 10 s", spec(conf, "v4-ca1-608-10s.json", 0), work.resolve("b"))));
            results.add(print(out, simulate("full 256 px 10 s", spec(conf, "full-256.json", 10), work.resolve("b10"))));
            if (!quick) {
                results.add(print(out, simulate("full 256 px 60 s", spec(conf, "full-256.json", 60),
                        work.resolve("b60"))));
            }

            out.println("# Spark sweep job, full 12-step spec at 256 px (no intermediates)");
            String full = Files.readString(conf.resolve("full-256.json"));
            SparkSession spark = SparkSessions.getOrCreate(Map.of("spark.master", "local[2]", "spark.ui.enabled",
                    "false"));
            spark.sparkContext().setLogLevel("WARN");
            sparkCase("warm-up (not timed)", spark, full, 1, work.resolve("w"));
            results.add(print(out, sparkCase("full 256 px 10 s, local[2]", spark, full, 10, work.resolve("c"))));
            if (!quick) {
                results.add(print(out, sparkCase("full 256 px 60 s, local[2]", spark, full, 60, work.resolve("d"))));
                spark.stop();
                Result ten = print(out, child("full 256 px 10 s, local[2], -Xmx768m", conf, 10, "local[2]",
                        work.resolve("e10")));
                Result two = print(out, child("full 256 px 300 s, local[2], -Xmx768m", conf, 300, "local[2]",
                        work.resolve("e")));
                Result one = print(out, child("full 256 px 300 s, local[1], -Xmx768m", conf, 300, "local[1]",
                        work.resolve("f")));
                out.println(String.format(Locale.ROOT, "speed-up local[2] vs local[1] on 300 s: %.2fx",
                        one.wallS() / two.wallS()));
                out.println(String.format(Locale.ROOT, "300 s vs 10 s (same -Xmx768m child): live heap after GC %.2fx,"
                        + " throughput %.2fx", (double) two.peakLiveBytes() / Math.max(1, ten.peakLiveBytes()),
                        two.mpxPerS() / ten.mpxPerS()));
            }
        } finally {
            FileByteStore.deleteRecursively(work);
        }
        return 0;
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
        RecordingPlan plan = RecordingPlan.build(spec);
        String key = CanonicalJson.cacheKey(spec);
        FileByteStore store = new FileByteStore(dir.resolve(key + ".zarr"));
        RecordingStoreWriter writer = new RecordingStoreWriter(store, ChunkCodec.defaultCodec());
        int n = plan.observedFrames();
        int chunk = RecordingLayout.observedChunkFrames(g.fovHeight(), g.fovWidth(), "<f4");
        java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();
        long w0 = System.nanoTime();
        writer.createObserved(n, g.fovHeight(), g.fovWidth(), "<f4", chunk);
        writeNanos.addAndGet(System.nanoTime() - w0);
        // Chunk-aligned frame ranges rendered on every core, as the Spark job's range tasks do.
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
                    plan.render(a, b, chunk, new FrameSink() {
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
        return new Result(name, (long) n * g.fovPixels(), wall - write, write, wall, heap.peakUsed(), heap.peakLive());
    }

    /** Runs a one-recording sweep of {@code specJson} (duration replaced) through the Spark job. */
    static Result sparkCase(String name, SparkSession spark, String specJson, double durationS, Path dir)
            throws IOException {
        PlanCache.shared().clear();
        String base = withDuration(specJson, durationS);
        String sweep = "{\"sweep_format\": 1, \"sweep_id\": \"bench\", \"base\": " + base + ", \"output\": {\"stores\": \""
                + dir.resolve("stores").toUri() + "\", \"table\": \"" + dir.resolve("cells").toUri() + "\"}}";
        SweepPlan plan = SweepFile.read(sweep);
        HeapSampler heap = new HeapSampler();
        SweepSummary s = SweepJob.run(spark, SweepRunOptions.of("bench", plan, plan.storesUri(), plan.tableUri())
                .withStreams(new PrintStream(new ByteArrayOutputStream()), System.err));
        long px = s.outcomes().stream().mapToLong(o -> o.pxFrames()).sum();
        PlanCache.shared().clear();
        heap.close();
        return new Result(name, px, Double.NaN, Double.NaN, s.wallSeconds(), heap.peakUsed(), heap.peakLive());
    }

    /** Child-JVM mode: {@code spark-case <conf-bench-dir> <durationS> <master> <workDir>} → one RESULT line. */
    private static int childCase(String[] args, PrintStream out) throws IOException {
        Path conf = Path.of(args[1]);
        SparkSession spark = SparkSessions.getOrCreate(Map.of("spark.master", args[3], "spark.ui.enabled", "false"));
        spark.sparkContext().setLogLevel("WARN");
        sparkCase("warm-up (not timed)", spark, Files.readString(conf.resolve("full-256.json")), 1,
                Path.of(args[4]).resolve("warm-up"));
        Result r = sparkCase("child", spark, Files.readString(conf.resolve("full-256.json")),
                Double.parseDouble(args[2]), Path.of(args[4]));
        out.println("RESULT " + r.pxFrames() + " " + r.wallS() + " " + r.peakHeapBytes() + " " + r.peakLiveBytes());
        out.flush();
        spark.stop();
        return 0;
    }

    private static Result child(String name, Path conf, double durationS, String master, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty") || a.startsWith("-Dlog4j")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx768m", "-cp", System.getProperty("java.class.path"), Benchmark.class.getName(),
                "spark-case", conf.toAbsolutePath().toString(), Double.toString(durationS), master, dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IllegalStateException(name + ": child JVM failed:\n" + tail(output));
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                return new Result(name, Long.parseLong(f[1]), Double.NaN, Double.NaN, Double.parseDouble(f[2]),
                        Long.parseLong(f[3]), Long.parseLong(f[4]));
            }
        }
        throw new IllegalStateException(name + ": no RESULT line from the child JVM:\n" + tail(output));
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
