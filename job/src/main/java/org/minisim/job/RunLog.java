package org.minisim.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The log file of one {@code minisim run} (docs/failures.md): while it is open every log event of the JVM — the
 * storage client's retries and warnings, Spark's, and the stack trace of each failed recording (logger
 * {@code org.minisim.job.failures}) — goes to the file, and, unless verbose, no longer to the console, which keeps
 * the run's own one-line messages. The file is created on the first event only. Closing restores the logging as it
 * was. A local run logs through slf4j-simple instead (no Log4j 2 start-up), which the run points at the same file
 * before anything logs ({@code Main.useLightLogging}); then this class only reports on the file and removes it
 * when nothing was written.
 */
public final class RunLog implements AutoCloseable {

    /** Setting naming the log file (default: {@code <tmp>/minisim/<sweep>-<yyyyMMdd-HHmmss>.log}). */
    public static final String FILE_CONF = "minisim.log.file";

    private static final String APPENDER = "minisim-run-log";

    private final Path path;
    private final Runnable restore;
    /** Whether the file belongs to slf4j-simple (removed at close when empty). */
    private final boolean light;

    private RunLog(Path path, Runnable restore, boolean light) {
        this.path = path;
        this.restore = restore;
        this.light = light;
    }

    /**
     * @param file    the log file setting ({@link #FILE_CONF}), or null for the default under the temporary directory
     * @param sweepId the sweep (in the default name)
     * @return the run's log file (its folder is created)
     */
    public static Path file(String file, String sweepId) {
        Path p = file != null && !file.isBlank() ? Paths.get(file).toAbsolutePath()
                : Paths.get(System.getProperty("java.io.tmpdir"), "minisim", sweepId + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            // the logger reports it; the run goes on without a file
        }
        return p;
    }

    /**
     * @param file    the log file ({@link #file})
     * @param verbose keep the console's log output too (stack traces included)
     */
    public static RunLog open(Path file, boolean verbose) {
        if (!org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName().toLowerCase(java.util.Locale.ROOT)
                .contains("log4j")) {
            return new RunLog(file, () -> {}, !verbose);
        }
        try {
            return new RunLog(file, redirect(file, verbose), false);
        } catch (LinkageError | ClassCastException e) {
            return new RunLog(file, () -> {}, false);
        }
    }

    /** As {@link #open(Path, boolean)} with the file of {@link #file}. */
    public static RunLog open(String file, String sweepId, boolean verbose) {
        return open(file(file, sweepId), verbose);
    }

    /** @return the log file (it exists once something was logged) */
    public Path path() {
        return path;
    }

    /** @return whether anything was written to the file */
    public boolean written() {
        try {
            return Files.size(path) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        restore.run();
        if (light && !written()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // an empty file left behind is harmless
            }
        }
    }

    private static Runnable redirect(Path file, boolean verbose) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(cfg)
                .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p [%t] %c: %m%n%ex").build();
        FileAppender appender = FileAppender.newBuilder().setName(APPENDER).withFileName(file.toString())
                .withAppend(true).withCreateOnDemand(true).setLayout(layout).setConfiguration(cfg).build();
        appender.start();
        cfg.addAppender(appender);
        List<Runnable> undo = new ArrayList<>();
        List<LoggerConfig> configs = new ArrayList<>(cfg.getLoggers().values());
        if (!configs.contains(cfg.getRootLogger())) {
            configs.add(cfg.getRootLogger());
        }
        for (LoggerConfig lc : configs) {
            if (lc == cfg.getRootLogger() || !lc.isAdditive()) {
                lc.addAppender(appender, null, null);
                undo.add(() -> lc.removeAppender(APPENDER));
            }
            if (!verbose) {
                Map<String, Appender> attached = lc.getAppenders();
                for (AppenderRef ref : List.copyOf(lc.getAppenderRefs())) {
                    Appender a = attached.get(ref.getRef());
                    if (a instanceof ConsoleAppender) {
                        Level level = ref.getLevel();
                        lc.removeAppender(a.getName());
                        undo.add(() -> lc.addAppender(a, level, ref.getFilter()));
                    }
                }
            }
        }
        // the failure details' own logger: at least WARN wherever the configuration puts its parent
        LoggerConfig failures = new LoggerConfig("org.minisim.job.failures", Level.INFO, true);
        boolean added = !cfg.getLoggers().containsKey(failures.getName());
        if (added) {
            cfg.addLogger(failures.getName(), failures);
        }
        ctx.updateLoggers();
        return () -> {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            if (added) {
                cfg.removeLogger(failures.getName());
            }
            ctx.updateLoggers();
            appender.stop();
            cfg.getAppenders().remove(APPENDER);
        };
    }
}
