package org.minisim.job.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minisim.MinisimException;
import org.minisim.job.bench.Benchmark;

/**
 * The single entry point of the command line: {@code minisim <command> [args...]}. Every sub-command is listed
 * here, in one place; {@code submit/minisim} only adds JVM flags and calls this class.
 */
public final class Main {

    /** The sub-commands, in the order {@code minisim help} lists them. */
    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("validate", (a, out, err) -> ValidateCommand.run(Arrays.asList(a), out, err));
        COMMANDS.put("run", RunCommand::run);
        COMMANDS.put("simulate", SimulateCommand::run);
        COMMANDS.put("bench", (a, out, err) -> Benchmark.run(a, out));
        COMMANDS.put("score", ScoreCommand::run);
        COMMANDS.put("outcomes", OutcomeCommand::run);
        COMMANDS.put("export", ExportCommand::run);
        COMMANDS.put("report", ReportCommand::run);
        COMMANDS.put("calibrate", CalibrateCommand::run);
    }

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status of the named command, or 2 for an unknown or missing command */
    /** SLF4J's provider property: the one provider to use, so two on the class path never race. */
    static final String SLF4J_PROVIDER = "slf4j.provider";
    /** Spark's logging (log4j2 behind SLF4J), used unless a command picks the light one. */
    static final String LOG4J_PROVIDER = "org.apache.logging.slf4j.SLF4JServiceProvider";

    /**
     * Makes SLF4J log through slf4j-simple, warnings and errors only, to stderr: for runs that start no Spark
     * session, where initialising log4j2 would be a large part of a short command's start-up. Call before
     * anything logs.
     */
    static void useLightLogging() {
        useLightLogging(null);
    }

    /** As {@link #useLightLogging()}, writing to {@code file} (null: stderr). */
    static void useLightLogging(java.nio.file.Path file) {
        if (System.getProperty("minisim.log4j") == null) {
            System.setProperty(SLF4J_PROVIDER, "org.slf4j.simple.SimpleServiceProvider");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.logFile", file == null ? "System.err" : file.toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            // Hadoop's notice that it runs its built-in Java code (always so here) is not a warning to a user
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // SLF4J would announce the provider chosen by the property on every command
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, LOG4J_PROVIDER);
        }
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            if (args.length > 0 && !isHelp(args[0])) {
                err.println("minisim: unknown command '" + args[0] + "' (commands: "
                        + String.join(", ", COMMANDS.keySet()) + ")");
                return 2;
            }
            err.println("usage: minisim <command> [args...]; commands: " + String.join(", ", COMMANDS.keySet()));
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return COMMANDS.get(args[0]).run(rest, out, err);
        } catch (MinisimException e) {
            err.println("minisim " + args[0] + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("minisim " + args[0] + ": failed: " + e);
            return 1;
        }
    }

    private static boolean isHelp(String a) {
        return a.equals("help") || a.equals("-h") || a.equals("--help");
    }
}
