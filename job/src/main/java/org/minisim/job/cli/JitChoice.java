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
 * (the same flags and arguments otherwise; ~0.3 s, a few percent of such a sweep), which this one waits for. That JVM
 * also reads {@link #DIRECTIVES_FILE}, which keeps C2 to the numeric code (docs/benchmark.md#optimising-compiler-directives).
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
    /**
     * The compiler directives of the JVM with both compilers, relative to {@code minisim.home}
     * (docs/benchmark.md#optimising-compiler-directives): C2 for the numeric code only.
     */
    static final String DIRECTIVES_FILE = "conf/jit-directives.json";
    /** The JVM option naming a directives file. */
    static final String DIRECTIVES_OPTION = "-XX:CompilerDirectivesFile=";
    /**
     * The end of the line the JVM prints when it reads a directives file ("2 compiler directives added"); with
     * {@code -XX:+DisplayVMOutputToStderr} it goes to stderr, where the relaunch drops it.
     */
    static final String DIRECTIVES_NOTICE_END = " compiler directives added";

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
            w += work(r.spec());
        }
        return w;
    }

    /** @return one recording's share of {@link #work(SweepPlan)} */
    static double work(Spec s) {
        long frames = RecordingArrays.movieFrames(s);
        long cells = MemoryEstimate.expectedCells(s);
        return (double) frames * s.geometry().fovPixels() + CELL_FRAME_WEIGHT * cells * frames;
    }

    /**
     * Reads the sweep file as {@link org.minisim.spec.sweep.SweepFile#read}, unless this JVM runs with the quick
     * compiler only and the sweep passes {@link #WORK_THRESHOLD}: that is decided on as few of its recordings as it
     * takes (the first ~400 of 2000 tiny ones, the one dense one), so a large sweep is expanded in full only by the
     * JVM that runs it, and a small one is read once.
     *
     * @return the plan, or null when the sweep wants the optimising compiler ({@link #relaunch} it)
     */
    static SweepPlan readOrHandOver(String sweepText, boolean tasksInThisJvm) {
        if (!Boolean.getBoolean(RELAUNCH_PROPERTY) || !tasksInThisJvm) {
            return org.minisim.spec.sweep.SweepFile.read(sweepText);
        }
        return org.minisim.spec.sweep.SweepFile.readUnlessOver(sweepText, JitChoice::work, WORK_THRESHOLD);
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
        cmd.addAll(directiveOptions(cmd));
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
     * @return the options that give the new JVM {@link #DIRECTIVES_FILE} (its one-line notice on stderr, where the
     *     relaunch drops it): none when the options already name a directives file or the file is not there
     */
    static List<String> directiveOptions(List<String> options) {
        if (options.stream().anyMatch(o -> o.startsWith(DIRECTIVES_OPTION))) {
            return List.of();
        }
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("minisim.home", "."), DIRECTIVES_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return List.of();
        }
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DisplayVMOutputToStderr",
                DIRECTIVES_OPTION + file.toAbsolutePath());
    }

    /**
     * Copies the child's stderr to this process's as it comes (status lines rewritten with carriage returns
     * included), without the JVM's own notices that come before anything else: a first line or two that are
     * {@link #INCUBATOR_WARNING} or a directives notice ({@link #isStartNotice}). A line is held back only while it
     * can still become such a notice.
     */
    static void forwardStderr(java.io.InputStream child, java.io.PrintStream err) {
        String nl = System.lineSeparator();
        java.nio.charset.Charset cs = java.nio.charset.Charset.defaultCharset();
        try (java.io.InputStream in = child) {
            byte[] buf = new byte[8192];
            java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream(); // the line being checked
            int notices = 0; // start notices dropped so far
            boolean checking = true;
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                while (checking && from < n) {
                    held.write(buf[from++]);
                    String line = held.toString(cs);
                    if (line.endsWith(nl) && isStartNotice(line.substring(0, line.length() - nl.length()))) {
                        held.reset(); // dropped
                        checking = ++notices < 2;
                    } else if (!couldBeStartNotice(line, nl)) {
                        err.write(held.toByteArray(), 0, held.size()); // not a notice: release it
                        held.reset();
                        checking = false;
                    }
                }
                err.write(buf, from, n - from);
                err.flush();
            }
            err.write(held.toByteArray(), 0, held.size());
            err.flush();
        } catch (IOException e) {
            // the child is gone: nothing more to copy
        }
    }

    /** @return whether a whole line (without its separator) is a JVM start notice the relaunch drops */
    static boolean isStartNotice(String line) {
        int digits = leadingDigits(line);
        return line.equals(INCUBATOR_WARNING) || digits > 0 && line.substring(digits).equals(DIRECTIVES_NOTICE_END);
    }

    /** @return whether {@code text} (a line so far, with its separator if complete) can still become a notice */
    private static boolean couldBeStartNotice(String text, String nl) {
        return (INCUBATOR_WARNING + nl).startsWith(text)
                || (DIRECTIVES_NOTICE_END + nl).startsWith(text.substring(leadingDigits(text)));
    }

    /** @return how many characters at the start of {@code s} are digits */
    private static int leadingDigits(String s) {
        int n = 0;
        while (n < s.length() && Character.isDigit(s.charAt(n))) {
            n++;
        }
        return n;
    }
}
