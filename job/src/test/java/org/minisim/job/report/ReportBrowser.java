package org.minisim.job.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens a report page in Debian's headless Chromium: a copy of the page with a small checking script (errors and
 * failed resource loads are recorded from the start; on load, every {@code img} is checked for
 * {@code complete && naturalWidth > 0}) is dumped with {@code --dump-dom}, and the page itself is screenshotted.
 * Skipped when {@code /usr/bin/chromium} is absent, unless {@code MINISIM_REQUIRE_BROWSER=1} (then it fails).
 */
final class ReportBrowser {

    static final String CHROMIUM = System.getProperty("minisim.chromium", "/usr/bin/chromium");

    private static final String CHECK_SCRIPT = """
            <script>
            window.__errs = [];
            window.addEventListener('error', function (e) {
              var t = e.target;
              if (t && t !== window && t.tagName) {
                window.__errs.push('failed to load ' + t.tagName + ' ' + (t.alt || '') + ' ' + (t.src || '').slice(0, 60));
              } else {
                window.__errs.push('error ' + e.message);
              }
            }, true);
            (function () {
              var ce = console.error;
              console.error = function () {
                window.__errs.push('console.error ' + Array.prototype.join.call(arguments, ' '));
                ce.apply(console, arguments);
              };
            })();
            window.addEventListener('load', function () {
              var imgs = document.images, broken = [];
              for (var i = 0; i < imgs.length; i++) {
                if (!(imgs[i].complete && imgs[i].naturalWidth > 0)) broken.push(imgs[i].alt);
              }
              var pre = document.createElement('pre');
              pre.id = 'minisim-check';
              pre.textContent = 'images=' + imgs.length + '\\nbroken=' + JSON.stringify(broken)
                + '\\nerrors=' + JSON.stringify(window.__errs) + '\\nend';
              document.body.appendChild(pre);
            });
            </script>
            """;

    private ReportBrowser() {}

    /**
     * @param images           images on the page
     * @param broken           alt texts of images that did not load
     * @param errors           script errors, failed loads and console errors
     * @param screenshotStdDev standard deviation of the screenshot's grey levels (0–255)
     */
    record Result(int images, List<String> broken, List<String> errors, double screenshotStdDev) {}

    static Result check(Path page, Path work) throws Exception {
        boolean present = Files.isExecutable(Path.of(CHROMIUM));
        if ("1".equals(System.getenv("MINISIM_REQUIRE_BROWSER"))) {
            assertTrue(present, CHROMIUM + " is missing, and MINISIM_REQUIRE_BROWSER=1");
        } else {
            Assumptions.assumeTrue(present, CHROMIUM + " is missing (apt-get install chromium); browser check skipped");
        }
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int head = html.indexOf("<head>");
        assertTrue(head >= 0, "no <head> in " + page);
        Path probe = page.resolveSibling("browser-check.html");
        Files.writeString(probe, html.substring(0, head + 6) + "\n" + CHECK_SCRIPT + html.substring(head + 6));
        try {
            Run dom = chromium(work, "dom", List.of("--virtual-time-budget=10000", "--dump-dom",
                    probe.toUri().toString()));
            Matcher m = Pattern.compile("(?s)<pre id=\"minisim-check\">images=(\\d+)\\nbroken=(.*?)\\nerrors=(.*?)"
                    + "\\nend</pre>").matcher(dom.stdout);
            if (!m.find()) {
                fail("Chromium's DOM has no check result (the script did not run?); stderr: " + tail(dom.stderr));
            }
            List<String> errors = new ArrayList<>();
            if (!m.group(3).equals("[]")) {
                errors.add(m.group(3));
            }
            for (String line : dom.stderr.split("\n")) {
                if (line.contains(":CONSOLE(")) {
                    errors.add(line.trim());
                }
            }
            List<String> broken = m.group(2).equals("[]") ? List.of() : List.of(m.group(2));
            Path shot = work.resolve("screenshot.png");
            Run s = chromium(work, "shot", List.of("--screenshot=" + shot, "--window-size=1280,2000",
                    "--hide-scrollbars", page.toUri().toString()));
            if (!Files.isRegularFile(shot)) {
                fail("Chromium wrote no screenshot; stderr: " + tail(s.stderr));
            }
            return new Result(Integer.parseInt(m.group(1)), broken, errors, greyStdDev(ImageIO.read(shot.toFile())));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private record Run(String stdout, String stderr) {}

    private static Run chromium(Path work, String tag, List<String> args) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-profile-" + tag + "-");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        File out = work.resolve(tag + ".out").toFile(), err = work.resolve(tag + ".err").toFile();
        Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).directory(work.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 180 s: " + String.join(" ", cmd));
        }
        String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ": " + tail(stderr));
        }
        return new Run(stdout, stderr);
    }

    /** @return the standard deviation of the image's grey levels (0 for a blank page) */
    static double greyStdDev(BufferedImage img) {
        double sum = 0, sq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double g = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += g;
                sq += g * g;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}
