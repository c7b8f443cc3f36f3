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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... files) {
        return ValidateCommand.run(List.of(files), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private String write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    @Test
    void validSpecPrintsItsKey() throws IOException {
        String f = write("empty.json", "{\"steps\":[]}");
        assertEquals(0, run(f));
        assertEquals(f + "\te373b36cacd1fb4d\n", out());
        assertEquals("", err());
    }

    @Test
    void warningAloneIsValid() throws IOException {
        String f = write("motion.json", "{\"steps\":[{\"kind\":\"brain_motion\"}]}");
        assertEquals(0, run(f));
        assertTrue(err().startsWith(f + ": warning W-2 steps.brain_motion: motion extent 10.0"), err());
        assertTrue(out().startsWith(f + "\t"));
    }

    @Test
    void invalidSpecListsEveryErrorOnStderr() throws IOException {
        String f = write("bad.json", "{\"acquisition\":{\"fps\":-2,\"optics\":{\"na\":\"x\"}},\"steps\":[]}");
        assertEquals(1, run(f));
        assertEquals("", out());
        String[] lines = err().split("\n");
        assertEquals(2, lines.length, err());
        assertEquals(f + ": error J-5 acquisition.optics.na: na must be a JSON number, not a string (value: \"x\")",
                lines[0]);
        assertEquals(f + ": error F:Acquisition.fps acquisition.fps: fps must be > 0 (value: -2)", lines[1]);
    }

    @Test
    void sweepPrintsOneLinePerRecording() throws IOException {
        String f = write("sweep.json", "{\"sweep_format\":1,\"sweep_id\":\"s\",\"base\":{\"steps\":[]},"
                + "\"axes\":[{\"path\":\"acquisition.optics.na\",\"values\":[0.3,1]}],"
                + "\"seeds\":{\"list\":[4]},\"output\":{\"stores\":\"file:///a\",\"table\":\"file:///b\"}}");
        assertEquals(0, run(f));
        String[] lines = out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith(f + "\t0\t4\t"), lines[0]);
        assertTrue(lines[0].endsWith("\t{\"acquisition.optics.na\":0.3}"), lines[0]);
        assertTrue(lines[1].startsWith(f + "\t1\t4\t"), lines[1]);
        assertTrue(lines[1].endsWith("\t{\"acquisition.optics.na\":1.0}"), lines[1]);
    }

    @Test
    void sampledSweepPrintsItsPointsLikeGridPoints() throws IOException {
        String content = "{\"sweep_format\":1,\"sweep_id\":\"s\",\"base\":{\"steps\":[]},"
                + "\"axes\":[{\"path\":\"acquisition.fps\",\"values\":[10,20]}],"
                + "\"sample\":{\"count\":3,\"method\":\"random\",\"seed\":7,\"axes\":["
                + "{\"path\":\"acquisition.optics.na\",\"uniform\":[0.3,0.6]},"
                + "{\"path\":\"acquisition.image_sensor.bit_depth\",\"int_uniform\":[8,12]}]},"
                + "\"seeds\":{\"list\":[4,5]},\"output\":{\"stores\":\"file:///a\",\"table\":\"file:///b\"}}";
        String f = write("sampled.json", content);
        assertEquals(0, run(f));
        assertEquals("", err());
        String[] lines = out().split("\n");
        assertEquals(3 * 2 * 2, lines.length, out());
        SweepPlan plan = SweepFile.read(content);
        Pattern line = Pattern.compile(Pattern.quote(f) + "\t([0-9]+)\t([0-9]+)\t([0-9a-f]{16})\t"
                + "\\{\"acquisition.fps\":(10.0|20.0),\"acquisition.optics.na\":([0-9.E-]+),"
                + "\"acquisition.image_sensor.bit_depth\":([0-9]+)}");
        for (int k = 0; k < lines.length; k++) {
            Matcher m = line.matcher(lines[k]);
            assertTrue(m.matches(), lines[k]);
            assertEquals(k / 2, Integer.parseInt(m.group(1)), "point-major: sample point, then grid point");
            assertEquals(k % 2 == 0 ? "4" : "5", m.group(2), "seed-minor");
            assertEquals(plan.recordings().get(k).cacheKey(), m.group(3));
            assertEquals(k / 2 % 2 == 0 ? "10.0" : "20.0", m.group(4), "grid point = point mod 2");
            double na = Double.parseDouble(m.group(5));
            assertTrue(na >= 0.3 && na <= 0.6, lines[k]);
            int bits = Integer.parseInt(m.group(6));
            assertTrue(bits >= 8 && bits <= 12, lines[k]);
            assertEquals(lines[k / 4 * 4].replaceAll(".*optics", ""), lines[k].replaceAll(".*optics", ""),
                    "sample point = point / 2 shares its drawn values");
        }
        // the same file prints the same lines every time
        String first = out();
        outBytes.reset();
        assertEquals(0, run(f));
        assertEquals(first, out());
    }

    @Test
    void sampledPointsThatFailValidationAreNamedByIndex() throws IOException {
        String f = write("sampled-skip.json", "{\"sweep_format\":1,\"sweep_id\":\"s\","
                + "\"base\":{\"steps\":[{\"kind\":\"place_neurons\"}]},\"on_invalid_point\":\"skip\","
                + "\"sample\":{\"count\":10,\"method\":\"latin_hypercube\",\"seed\":1,\"axes\":["
                + "{\"path\":\"steps.place_neurons.depth_range_um[1]\",\"uniform\":[-40,60]}]},"
                + "\"output\":{\"stores\":\"file:///a\",\"table\":\"file:///b\"}}");
        assertEquals(0, run(f));
        assertEquals(6, out().split("\n").length, out());
        String[] skipped = err().split("\n");
        assertEquals(4, skipped.length, err());
        for (String l : skipped) {
            assertTrue(l.matches(Pattern.quote(f) + ": skipped M-5 point [0-9] seed 42: steps.place_neurons."
                    + "depth_range_um: .*"), l);
        }
    }

    @Test
    void badSampleBlockIsOneLine() throws IOException {
        String f = write("bad-sample.json", "{\"sweep_format\":1,\"sweep_id\":\"s\",\"base\":{\"steps\":[]},"
                + "\"sample\":{\"count\":4,\"method\":\"random\",\"seed\":7,\"axes\":["
                + "{\"path\":\"acquisition.optics.na\",\"uniform\":[0.6,0.3]}]},"
                + "\"output\":{\"stores\":\"file:///a\",\"table\":\"file:///b\"}}");
        assertEquals(1, run(f));
        assertEquals("", out());
        assertEquals(f + ": error SW-20 sample.axes[0].uniform: sample.axes[0] (acquisition.optics.na): uniform needs"
                + " lo < hi (lo 0.6, hi 0.3) (value: [0.6,0.3])\n", err());
    }

    @Test
    void badSweepAndUnreadableFilesFailWithOneLineEach() throws IOException {
        String good = write("good.json", "{\"steps\":[]}");
        String sweep = write("bad-sweep.json", "{\"sweep_format\":1,\"sweep_id\":\"s\",\"base\":{\"steps\":[]},"
                + "\"axes\":[{\"path\":\"acquisition.optics.nax\",\"values\":[1]}],"
                + "\"output\":{\"stores\":\"file:///a\",\"table\":\"file:///b\"}}");
        String missing = dir.resolve("nope.json").toString();
        String garbage = write("garbage.json", "{\"steps\": [");
        assertEquals(1, run(good, sweep, missing, garbage));
        assertEquals(good + "\te373b36cacd1fb4d\n", out());
        String[] lines = err().split("\n");
        assertEquals(3, lines.length, err());
        assertTrue(lines[0].startsWith(sweep + ": error SW-8 acquisition.optics.nax: axes[0]: 'nax' is not a field"),
                lines[0]);
        assertEquals(missing + ": error: cannot read file: no such file", lines[1]);
        assertTrue(lines[2].startsWith(garbage + ": error J-1 <document>: malformed JSON"), lines[2]);
        assertFalse(err().contains("\tat "), "no stack trace");
    }

    @Test
    void noFilesIsAUsageError() {
        assertEquals(1, run());
        assertTrue(err().startsWith("usage: minisim validate"));
    }

    @Test
    void malformedSweepFileIsReportedAsASweepError() throws IOException {
        String f = write("dup.json", "{\"sweep_format\":1,\"sweep_format\":1}");
        assertEquals(1, run(f));
        assertTrue(err().startsWith(f + ": error SW-1 <document>: repeated member name 'sweep_format'"), err());
    }
}
