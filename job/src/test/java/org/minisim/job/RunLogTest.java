package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's log file: while open, log events (with their stack traces) go to the file and no longer to the console
 * (unless verbose); closing restores the logging as it was; the file exists only once something was logged.
 */
class RunLogTest {

    @TempDir
    Path dir;

    private static List<String> consoleAppenders() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        return ctx.getConfiguration().getRootLogger().getAppenders().values().stream()
                .filter(a -> a instanceof ConsoleAppender).map(a -> a.getName()).toList();
    }

    @Test
    void eventsGoToTheFileNotTheConsoleAndClosingRestoresTheConsole() throws Exception {
        List<String> before = consoleAppenders();
        assertFalse(before.isEmpty(), "the test logging configuration has a console appender");
        Path file = dir.resolve("logs/run.log");
        try (RunLog log = RunLog.open(file.toString(), "s", false)) {
            assertFalse(log.written(), "nothing logged yet");
            assertEquals(List.of(), consoleAppenders(), "no console while the run's log is open");
            LogManager.getLogger("org.apache.hadoop.fs.s3a.Test").warn("retrying", new IllegalStateException("boom"));
            LogManager.getLogger("org.minisim.job.failures").warn("task x failed", new RuntimeException("why"));
            assertTrue(log.written());
            assertEquals(file, log.path());
        }
        assertEquals(before, consoleAppenders(), "restored");
        String text = Files.readString(file);
        assertTrue(text.contains("retrying") && text.contains("java.lang.IllegalStateException: boom")
                && text.contains("\tat "), text);
        assertTrue(text.contains("task x failed") && text.contains("java.lang.RuntimeException: why"), text);
    }

    @Test
    void verboseKeepsTheConsole() {
        List<String> before = consoleAppenders();
        try (RunLog log = RunLog.open(dir.resolve("v.log").toString(), "s", true)) {
            assertEquals(before, consoleAppenders());
        }
        assertEquals(before, consoleAppenders());
    }
}
