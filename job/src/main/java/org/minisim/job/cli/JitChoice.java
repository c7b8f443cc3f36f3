package org.minisim.job.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.minisim.run.MemoryEstimate;
import org.minisim.run.RecordingArrays;
import org.minisim.spec.Spec;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;

/**
 * Which just-in-time compiler a local {@code minisim run} should use. On a 2-core machine the optimising compiler
 * (C2) competes with the sweep for the cores: a sweep of a few small recordings ends sooner with the quick
 * compiler alone (the README's quick start: ~4.6 s → ~3.2 s; one tiny recording: ~1.8 s → ~1.4 s), while a sweep of
 * large recordings needs C2's code (4 × 256 px × 30 s: ~15 s with both, ~22 s with the quick one alone). So the
 * launcher starts {@code run} with the quick compiler only and {@link #RELAUNCH_PROPERTY} set; once the sweep file
 * is read, a sweep whose {@link #work} exceeds {@link #WORK_THRESHOLD} runs again in a JVM with both compilers
 * (the same flags and arguments otherwise; ~0.3 s, a few percent of such a sweep), which this one waits for.
 */
final class JitChoice {

    /** Set by the launcher on a JVM started with the quick compiler only ({@code -XX:TieredStopAtLevel=1}). */
    static final String RELAUNCH_PROPERTY = "minisim.jit.relaunch";
    /** The JVM option of the quick compiler alone. */
    static final String QUICK_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * The JDK module of the composite's vector kernel (docs/benchmark.md#vector-composite), added to the JVM with both
     * compilers: with the quick compiler alone, vector code would run as objects (the kernel is then not used).
     */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The line the JVM prints on stderr when it resolves an incubator module; the relaunch drops it. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + VECTOR_MODULE;

    /** Work (pixel-frames plus {@link #CELL_FRAME_WEIGHT} per cell-frame) above which C2 pays for itself. */
    static final double WORK_THRESHOLD = 1e8;
    /** Pixel-frames one cell-frame weighs (the per-cell footprint, table and trace work). */
    static final double CELL_FRAME_WEIGHT = 100.0;

    private JitChoice() {}

    /**
     * @return the sweep's work: over its recordings, frames × FOV pixels + {@link #CELL_FRAME_WEIGHT} × expected
     *     cells × frames (dimensionless; the 4 × 256 px × 30 s sweep ≈ 2.6e8, the README's quick start ≈ 8e6)
     */
    static double work(SweepPlan plan) {
        double w = 0;
        for (SweepRecording r : plan.recordings()) {
            Spec s = r.spec();
            long frames = RecordingArrays.movieFrames(s);
            long cells = MemoryEstimate.expectedCells(s);
            w += (double) frames * s.geometry().fovPixels() + CELL_FRAME_WEIGHT * cells * frames;
        }
        return w;
    }

    /** @return whether this JVM was started with the quick compiler only and the sweep wants both */
    static boolean wantsOptimisingCompiler(SweepPlan plan, boolean tasksInThisJvm) {
        return Boolean.getBoolean(RELAUNCH_PROPERTY) && tasksInThisJvm && work(plan) > WORK_THRESHOLD;
    }

    /**
     * Runs {@code minisim run args} in a new JVM with this one's options except the quick-compiler-only pair, plus
     * the vector module, sharing this process's console (its stderr without {@link #INCUBATOR_WARNING}), and waits
     * for it (a stop of this process stops it too).
     *
     * @return its exit status
     */
    static int relaunch(String[] runArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        boolean vector = false;
        for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!o.equals(QUICK_ONLY) && !o.startsWith("-D" + RELAUNCH_PROPERTY)) {
                cmd.add(o);
                vector |= o.equals("--add-modules=" + VECTOR_MODULE);
            }
        }
        if (!vector) {
            cmd.add("--add-modules=" + VECTOR_MODULE);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("run");
        cmd.addAll(List.of(runArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO().redirectError(ProcessBuilder.Redirect.PIPE);
        // JAVA_TOOL_OPTIONS reaches the new JVM by the environment, as its options already appear above
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        Thread stderr = new Thread(() -> forwardStderr(p.getErrorStream(), System.err), "minisim-relaunch-stderr");
        stderr.start();
        Thread stop = new Thread(p::destroy, "minisim-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int status = p.waitFor();
            stderr.join();
            return status;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
    }

    /**
     * Copies the child's stderr to this process's as it comes (status lines rewritten with carriage returns
     * included), without a first line of {@link #INCUBATOR_WARNING}, which the JVM prints before anything else.
     */
    static void forwardStderr(java.io.InputStream child, java.io.PrintStream err) {
        byte[] warning = (INCUBATOR_WARNING + System.lineSeparator()).getBytes(java.nio.charset.Charset.defaultCharset());
        try (java.io.InputStream in = child) {
            byte[] buf = new byte[8192];
            int matched = 0; // bytes so far equal to the start of the warning line (held back)
            boolean checking = true;
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                if (checking) {
                    while (from < n && matched < warning.length && buf[from] == warning[matched]) {
                        from++;
                        matched++;
                    }
                    if (matched == warning.length) {
                        checking = false; // dropped
                    } else if (from < n) {
                        checking = false; // not the warning: release what was held back
                        err.write(warning, 0, matched);
                    } else {
                        continue; // all of this read is still a prefix of the warning
                    }
                }
                err.write(buf, from, n - from);
                err.flush();
            }
            if (checking) {
                err.write(warning, 0, matched);
            }
            err.flush();
        } catch (IOException e) {
            // the child is gone: nothing more to copy
        }
    }
}
