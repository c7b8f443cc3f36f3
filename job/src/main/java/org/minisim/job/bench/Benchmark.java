package org.minisim.job.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.store.FileByteStore;

/**
 * {@code minisim bench [quick] [--only NAME,...] [--repeat N]}: times what a user runs — {@code submit/minisim run
 * SWEEP} as a whole process, start to exit, with its stores and table — on the workloads of docs/benchmark.md,
 * beside the Python reference on the same spec files in the same run, and prints the ratio. Prints figures,
 * asserts nothing.
 *
 * <p>Per workload: our wall seconds (the process, launcher included), the run's phases (start-up = wall minus the
 * sweep's own steps; storage check, manifest, recordings, table, manifest and metadata) and its task-seconds
 * (scene, table, render, truth, commit), the process's peak resident memory; then the reference's wall on the
 * expanded spec files — its own batch script, {@code procs} processes each importing the reference once,
 * simulate + save per spec — and reference / ours. The reference is run when the environment variable
 * {@value #REFERENCE_ENV} names its batch script ({@code batch_ref.py OUT SPEC... --procs P}, which prints a JSON
 * object with {@code wall_s}); otherwise only our figures are printed. With {@code --repeat N} the two sides
 * alternate (A B A B …) and the medians are printed.
 *
 * <p>The memory workloads run the dense quick-start spec for 10 s and 300 s with {@code --driver-memory 768m}
 * and the live-heap sampler on ({@value #LIVE_HEAP_ENV}: forced full collections; never timed) and print the
 * peak live heap of each and their ratio. {@code quick} runs smaller workloads (200 tiny recordings, no memory
 * runs).
 */
public final class Benchmark {

    /** Environment variable naming the reference's batch script. */
    public static final String REFERENCE_ENV = "MINISIM_REFERENCE";
    /** Environment variable that makes a run sample its live heap every N ms (read by the run command). */
    public static final String LIVE_HEAP_ENV = "MINISIM_BENCH_LIVE_HEAP_MS";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PHASES = Pattern.compile("^phases: (.*)$", Pattern.MULTILINE);
    private static final Pattern LIVE = Pattern.compile("peak live heap (\\d+) MiB");

    /**
     * One workload: a sweep file's text (stores and table placeholders {@code @OUT@}), the run's extra options and
     * the reference's process count.
     */
    record Workload(String name, String sweep, List<String> options, int refProcs, boolean memory) {}

    /** One side's figures of one run. */
    record Run(double wallS, long peakRssKb, String phases, Long liveHeapMiB, boolean ok, String tail) {}

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws Exception {
        boolean quick = false;
        int repeat = 1;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "quick" -> quick = true;
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                default -> {
                    out.println("usage: minisim bench [quick] [--only NAME,...] [--repeat N]");
                    return 2;
                }
            }
        }
        Path home = Path.of(System.getProperty("minisim.home", "."));
        Path launcher = home.resolve("submit/minisim");
        String reference = System.getenv(REFERENCE_ENV);
        List<Workload> workloads = workloads(home, quick);
        out.println("minisim bench: `submit/minisim run` as a user runs it (whole process, table included), "
                + (reference == null ? "reference: not run (set " + REFERENCE_ENV + " to its batch script)"
                : "reference: " + reference) + "; " + Runtime.getRuntime().availableProcessors() + " cores");
        Path work = Files.createTempDirectory("minisim-bench-");
        try {
            List<Double> liveHeaps = new ArrayList<>();
            for (Workload w : workloads) {
                if (only != null && only.stream().noneMatch(o -> w.name().contains(o))) {
                    continue;
                }
                List<Run> ours = new ArrayList<>();
                List<Double> refs = new ArrayList<>();
                Path dir = work.resolve(w.name().replaceAll("[^A-Za-z0-9]+", "-"));
                for (int k = 0; k < repeat; k++) {
                    FileByteStore.deleteRecursively(dir);
                    Files.createDirectories(dir);
                    ours.add(runOurs(launcher, w, dir));
                    if (reference != null && !w.memory()) {
                        refs.add(runReference(reference, w, dir));
                    }
                }
                Run o = median(ours);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s ours %7.2f s  peak RSS %5.0f MiB",
                        w.name(), o.wallS(), o.peakRssKb() / 1024.0));
                if (!refs.isEmpty()) {
                    double r = median(refs.stream().mapToDouble(Double::doubleValue).toArray());
                    line.append(String.format(Locale.ROOT, "  | reference %7.2f s  | ratio %5.2fx", r, r / o.wallS()));
                }
                if (o.liveHeapMiB() != null) {
                    line.append(String.format(Locale.ROOT, "  | peak live heap %d MiB", o.liveHeapMiB()));
                    liveHeaps.add((double) o.liveHeapMiB());
                }
                if (!o.ok()) {
                    line.append("  FAILED: ").append(o.tail());
                }
                out.println(line);
                out.println("    " + o.phases());
                out.flush();
            }
            if (liveHeaps.size() == 2) {
                out.printf(Locale.ROOT, "live heap 300 s / 10 s: %.2f%n", liveHeaps.get(1) / liveHeaps.get(0));
            }
        } finally {
            FileByteStore.deleteRecursively(work);
        }
        return 0;
    }

    /** The workloads: the issue-12 table, smaller ones in quick mode. */
    static List<Workload> workloads(Path home, boolean quick) throws IOException {
        Path bench = home.resolve("conf/bench");
        JsonNode full = JSON.readTree(Files.readString(bench.resolve("full-256.json")));
        JsonNode dense = JSON.readTree(Files.readString(bench.resolve("quickstart-dense-256-10s.json")));
        JsonNode tiny = JSON.readTree(Files.readString(bench.resolve("tiny-64px-2s.json")));
        List<Workload> out = new ArrayList<>();
        int tinyCount = quick ? 200 : 2000;
        out.add(new Workload("full 12-step 256 px x 30 s x 4", sweep("full4", withDuration(full, 30.0), 4), List.of(),
                2, false));
        out.add(new Workload("tiny 64 px x 2 s x " + tinyCount, sweep("tiny" + tinyCount, tiny, tinyCount), List.of(),
                2, false));
        String quickstart = Files.readString(home.resolve("conf/sweeps/quickstart.json"));
        ObjectNode qs = (ObjectNode) JSON.readTree(quickstart);
        ((ObjectNode) qs.get("output")).put("stores", "@OUT@/stores").put("table", "@OUT@/cells");
        out.add(new Workload("README command 1 (quick-start 4 x 128 px x 4 s)", qs.toString(), List.of(), 1, false));
        out.add(new Workload("one tiny recording (64 px x 2 s)", sweep("tiny1", tiny, 1), List.of(), 1, false));
        out.add(new Workload("dense quick-start 256 px x 10 s (5243 cells)", sweep("dense", dense, 1), List.of(), 1,
                false));
        if (!quick) {
            out.add(new Workload("memory: dense quick-start 10 s, 768m", sweep("dense10", dense, 1),
                    List.of("--driver-memory", "768m"), 1, true));
            out.add(new Workload("memory: dense quick-start 300 s, 768m", sweep("dense300",
                    withDuration(dense, 300.0), 1), List.of("--driver-memory", "768m"), 1, true));
        }
        return out;
    }

    private static JsonNode withDuration(JsonNode spec, double seconds) {
        ObjectNode copy = spec.deepCopy();
        ((ObjectNode) copy.get("acquisition")).put("duration_s", seconds);
        return copy;
    }

    private static String sweep(String id, JsonNode base, int seeds) {
        ObjectNode s = JSON.createObjectNode();
        s.put("sweep_format", 1);
        s.put("sweep_id", "bench-" + id);
        s.set("base", base);
        if (seeds > 1) {
            s.putObject("seeds").put("start", 0).put("count", seeds);
        }
        s.putObject("output").put("stores", "@OUT@/stores").put("table", "@OUT@/cells");
        return s.toString();
    }

    private static Run runOurs(Path launcher, Workload w, Path dir) throws IOException, InterruptedException {
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, w.sweep().replace("@OUT@", dir.resolve("ours").toString()));
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "run", sweep.toString()));
        cmd.addAll(w.options());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ours.log").toFile());
        if (w.memory()) {
            pb.environment().put(LIVE_HEAP_ENV, "500"); // a forced full collection every 0.5 s
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        long peak = PeakRss.follow(p);
        boolean ok = p.waitFor() == 0;
        double wall = (System.nanoTime() - t0) / 1e9;
        String log = Files.readString(dir.resolve("ours.log"));
        Matcher m = PHASES.matcher(log);
        String phases = m.find() ? "start-up " + String.format(Locale.ROOT, "%.2f s", startUp(wall, m.group(1)))
                + ", " + m.group(1) : "(no phases line)";
        Matcher live = LIVE.matcher(log);
        Long liveMiB = live.find() ? Long.parseLong(live.group(1)) : null;
        String[] lines = log.strip().split("\n");
        return new Run(wall, peak, phases, liveMiB, ok, lines[lines.length - 1]);
    }

    /** @return the wall seconds outside the sweep's own steps: launcher, JVM start, reading the sweep file */
    private static double startUp(double wall, String phases) {
        double steps = 0;
        Matcher m = Pattern.compile("([0-9.]+) s").matcher(phases.split(";")[0]);
        while (m.find()) {
            steps += Double.parseDouble(m.group(1));
        }
        return Math.max(0, wall - steps);
    }

    /** @return the reference's wall seconds (its process, imports included) on the sweep's expanded specs */
    private static double runReference(String script, Workload w, Path dir) throws IOException,
            InterruptedException {
        SweepPlan plan = SweepFile.read(w.sweep().replace("@OUT@", dir.resolve("ref").toString()));
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs);
        List<String> cmd = new ArrayList<>(List.of(script, dir.resolve("ref-out").toString()));
        for (SweepRecording r : plan.recordings()) {
            Path f = specs.resolve(r.cacheKey() + ".json");
            Files.writeString(f, CanonicalJson.pretty(r.spec()), StandardCharsets.UTF_8);
            cmd.add(f.toString());
        }
        cmd.addAll(List.of("--procs", Integer.toString(Math.min(w.refProcs(), plan.recordings().size()))));
        Path log = dir.resolve("ref.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return Double.NaN;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        FileByteStore.deleteRecursively(dir.resolve("ref-out"));
        return wall;
    }

    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.wallS(), b.wallS()));
        return sorted.get(sorted.size() / 2);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The peak resident set of a child process, read from /proc while it runs (VmHWM is the kernel's peak). */
    static final class PeakRss {
        private PeakRss() {}

        /** @return the child's peak RSS in KiB (0 where /proc is not available); returns when the child exits */
        static long follow(Process p) throws InterruptedException {
            long peak = 0;
            while (p.isAlive()) {
                peak = Math.max(peak, treePeak(p.toHandle()));
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
            return peak;
        }

        /** The launcher execs java, so the JVM is the same process; a child JVM counts too. */
        private static long treePeak(ProcessHandle h) {
            long peak = hwm(h.pid());
            for (ProcessHandle c : h.descendants().toList()) {
                peak = Math.max(peak, hwm(c.pid()));
            }
            return peak;
        }

        private static long hwm(long pid) {
            try {
                for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (l.startsWith("VmHWM:")) {
                        return Long.parseLong(l.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between the check and the read
            }
            return 0;
        }
    }
}
