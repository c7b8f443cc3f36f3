package org.minisim.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.testing.SharedSpark;

/** {@code minisim report}: command-line errors and bad inputs (the report itself: SweepReportTest). */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(Stream.concat(Stream.of("report"), Stream.of(args)).toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void malformedCommandLinesExitTwo() {
        assertEquals(2, run());
        assertTrue(err().startsWith("minisim report: give the cell table directory or a sweep file\n"), err());
        errBytes.reset();
        assertEquals(2, run("t", "--outt", "x"));
        assertTrue(err().startsWith("minisim report: unknown option --outt"), err());
        errBytes.reset();
        assertEquals(2, run("t", "--out"));
        assertTrue(err().startsWith("minisim report: --out needs a value"), err());
    }

    @Test
    void aMissingTableIsOneLineAndWritesNothing() {
        SharedSpark.session();
        Path out = dir.resolve("r");
        assertEquals(1, run(dir.resolve("no-table").toString(), "--out", out.toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("minisim report: cannot read the cell table file:"), err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anInvalidSweepFileIsOneLine() throws IOException {
        Path sweep = dir.resolve("bad.json");
        Files.writeString(sweep, "{\"sweep_format\": 1}");
        assertEquals(1, run(sweep.toString(), "--out", dir.resolve("r").toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("minisim report: " + sweep + ": the sweep file is invalid"), err());
        errBytes.reset();
        assertEquals(1, run(dir.resolve("missing.json").toString()));
        assertTrue(err().startsWith("minisim report: cannot read sweep file "), err());
    }
}
