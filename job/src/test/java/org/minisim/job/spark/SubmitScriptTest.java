package org.minisim.job.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * submit/minisim-submit builds the right spark-submit command line (checked with its dry run and a stand-in
 * SPARK_HOME, so nothing is built or launched).
 */
class SubmitScriptTest {

    private static final Path SCRIPT = Paths.get("").toAbsolutePath().getParent().resolve("submit/minisim-submit");

    private record Result(int status, List<String> lines, String err) {
    }

    private static Result run(Path sparkHome, Path jar, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("MINISIM_JAR", jar.toString());
        pb.environment().put("MINISIM_SUBMIT_DRY_RUN", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out.isEmpty() ? List.of() : List.of(out.split("\n")), err);
    }

    private static Path fakeSparkHome(Path tmp) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("spark/bin"));
        Path submit = Files.writeString(bin.resolve("spark-submit"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve("spark");
    }

    @Test
    void sparkArgumentsGoBeforeTheJarAndRunArgumentsAfterIt(@TempDir Path tmp) throws Exception {
        Path home = fakeSparkHome(tmp);
        Path jar = Files.writeString(tmp.resolve("app.jar"), "jar");
        Result r = run(home, jar, "--master", "yarn", "--conf", "spark.hadoop.fs.s3a.secret.key=TOPSECRET",
                "--", "sweep.json", "--stores", "s3a://b/s", "--conf", "fs.s3a.session.token=TOK123");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(home.resolve("bin/spark-submit").toString(), "--class", "org.minisim.job.cli.RunCommand",
                "--master", "yarn", "--conf", "spark.hadoop.fs.s3a.secret.key=*****", jar.toString(), "sweep.json",
                "--stores", "s3a://b/s", "--conf", "fs.s3a.session.token=*****"), r.lines());
        assertFalse(String.join(" ", r.lines()).contains("TOPSECRET"));
    }

    @Test
    void withoutSparkArgumentsEverythingIsForTheRun(@TempDir Path tmp) throws Exception {
        Path home = fakeSparkHome(tmp);
        Path jar = Files.writeString(tmp.resolve("app.jar"), "jar");
        Result r = run(home, jar, "sweep.json", "--frames-per-task", "40");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(home.resolve("bin/spark-submit").toString(), "--class", "org.minisim.job.cli.RunCommand",
                jar.toString(), "sweep.json", "--frames-per-task", "40"), r.lines());
    }

    @Test
    void malformedCommandLinesAreRefusedWithAReason(@TempDir Path tmp) throws Exception {
        Path home = fakeSparkHome(tmp);
        Path jar = Files.writeString(tmp.resolve("app.jar"), "jar");
        Result noSeparator = run(home, jar, "--master", "yarn", "sweep.json");
        assertEquals(2, noSeparator.status());
        assertTrue(noSeparator.err().contains("'--'"), noSeparator.err());
        Result noSweep = run(home, jar, "--master", "yarn", "--");
        assertEquals(2, noSweep.status());
        assertTrue(noSweep.err().contains("no sweep file"), noSweep.err());
        Result ownClass = run(home, jar, "--class", "x.Y", "--", "sweep.json");
        assertEquals(2, ownClass.status());
        assertTrue(ownClass.err().contains("--class"), ownClass.err());
    }
}
