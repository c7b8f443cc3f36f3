package org.minisim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every document the sources cite is in the repository. Walks {@code core/src}, {@code job/src}, {@code conf},
 * {@code submit}, {@code docs} and {@code README.md} and fails, naming {@code file:line} and the citation, when a
 * file
 *
 * <ul>
 *   <li>cites one of the upper-case design documents (SPEC, PHYSICS, OUTPUT, ARCHITECTURE, STACK with the
 *       {@code .md} suffix) or a bare design section number ({@code §} and a digit): those documents live beside
 *       a checkout, not in it, so a user's clone cannot follow the citation;</li>
 *   <li>cites {@code docs/<name>.md} (or {@code README.md}) and the file does not exist;</li>
 *   <li>cites {@code docs/<name>.md#<anchor>} and the anchor is not one of that file's headings, the anchors
 *       computed as GitHub does (lower case, spaces to {@code -}, punctuation dropped, {@code -1}, {@code -2}
 *       for repeated headings);</li>
 *   <li>cites a heading by its quoted title ({@code docs/<name>.md, "Heading"}) instead of its anchor: the
 *       repository uses one form, {@code docs/physics.md#optics};</li>
 *   <li>is a markdown file whose relative link ({@code [text](physics.md#optics)}, {@code [text](#optics)})
 *       names a missing file or anchor.</li>
 * </ul>
 *
 * The repository root is found from the working directory (Maven runs the core tests in {@code core/}).
 */
class DocCitationsTest {

    /** The trees the citations are checked in, relative to the repository root. */
    static final List<String> TREES = List.of("core/src", "job/src", "conf", "submit", "docs", "README.md");

    private static final Pattern DESIGN_DOC = Pattern.compile("\\b(?:SPEC|PHYSICS|OUTPUT|ARCHITECTURE|STACK)\\.md\\b");
    private static final Pattern SECTION_NUMBER = Pattern.compile("§\\s*\\d[\\d.]*");
    /** {@code docs/<name>.md} anywhere (also {@code ../docs/…}), or {@code README.md} not inside another path. */
    private static final Pattern CITATION = Pattern.compile(
            "(?:(?<![\\w.-])(docs/[A-Za-z0-9_-]+\\.md)|(?<![\\w./-])(README\\.md))(#[\\p{L}\\p{N}_-]+)?");
    private static final Pattern QUOTED_HEADING = Pattern.compile("^(?:,\\s*|\\s+)\"");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    private static Path root;
    private static Anchors anchors;

    @BeforeAll
    static void findRoot() {
        root = repositoryRoot();
        anchors = new Anchors(root);
    }

    /** @return the repository root: the working directory or its parent, whichever holds pom.xml, core/ and job/ */
    static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : List.of(cwd.resolve(".."), cwd)) {
            Path n = p.normalize();
            if (Files.isRegularFile(n.resolve("pom.xml")) && Files.isDirectory(n.resolve("core"))
                    && Files.isDirectory(n.resolve("job"))) {
                return n;
            }
        }
        throw new AssertionError("no repository root (pom.xml, core/, job/) at " + cwd + " or its parent");
    }

    @Test
    void everyCitedDocumentAndHeadingExists() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (String tree : TREES) {
            Path top = root.resolve(tree);
            assertTrue(Files.exists(top), "missing " + top);
            try (Stream<Path> walk = Files.walk(top)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    List<String> lines = textLines(p);
                    if (lines != null) {
                        problems.addAll(check(root.relativize(p).toString().replace('\\', '/'), lines, anchors));
                        files++;
                    }
                }
            }
        }
        assertTrue(files > 300, "expected the repository's sources, found " + files + " text files under " + root);
        assertTrue(problems.isEmpty(), problems.size() + " bad citation(s):\n" + String.join("\n", problems));
    }

    @Test
    void theCheckReportsEachKindOfBadCitation() {
        String design = "PHY" + "SICS.md";
        String docs = "docs/";
        List<String> bad = List.of(
                " * as " + design + " requires",
                " * (" + "\u00a7" + "5.4)",
                " * see " + docs + "nosuch.md",
                " * see " + docs + "physics.md#no-such-heading.",
                " * see " + docs + "physics.md, \"Optics\"",
                " * fine: " + docs + "physics.md#optics and " + docs + "spec.md#step-place_neurons");
        List<String> found = check("core/src/main/java/Example.java", bad, anchors);
        assertEquals(5, found.size(), String.join("\n", found));
        for (int i = 0; i < 5; i++) {
            assertTrue(found.get(i).startsWith("core/src/main/java/Example.java:" + (i + 1) + ": "), found.get(i));
        }
        List<String> links = check(docs + "example.md",
                List.of("[a](physics.md#optics) [b](#nowhere) [c](nosuch.md) [d](https://example.org/x.md#y)",
                        "```", "[e](#inside-a-fence-is-not-checked)", "```", "## Here", "[f](#here)"), anchors);
        assertEquals(2, links.size(), String.join("\n", links));
    }

    @Test
    void anchorsAreComputedAsGitHubDoes() {
        assertEquals(List.of("spec-reference", "step-place_neurons", "specjson", "nulls-nan-and-infinity",
                        "what-validate-prints", "the-data-flow-of-a-sweep-following-acquisitionopticsna",
                        "x-y", "x-y-1", "µm-and-px"),
                Anchors.of(List.of("# Spec reference", "### Step `place_neurons`", "### spec.json",
                        "## Nulls, NaN and infinity", "## What `validate` prints",
                        "## The data flow of a sweep, following `acquisition.optics.na`", "```", "# not a heading",
                        "```", "## X: y", "## X y", "#### µm and px ##")));
    }

    /**
     * @param file    the file's path from the repository root, with forward slashes
     * @param lines   its lines
     * @param anchors the headings of the repository's markdown files
     * @return one message per bad citation, {@code file:line: what}
     */
    static List<String> check(String file, List<String> lines, Anchors anchors) {
        List<String> out = new ArrayList<>();
        boolean markdown = file.endsWith(".md");
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        Set<String> own = markdown ? new LinkedHashSet<>(Anchors.of(lines)) : Set.of();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String at = file + ":" + (i + 1) + ": ";
            Matcher m = DESIGN_DOC.matcher(line);
            boolean design = false;
            while (m.find()) {
                design = true;
                out.add(at + "cites " + m.group() + ", a design document that is not in the repository; cite "
                        + "docs/<file>.md#<heading> instead");
            }
            m = SECTION_NUMBER.matcher(line);
            while (!design && m.find()) {
                out.add(at + "cites the design section " + m.group() + ", which no document of the repository has; "
                        + "cite docs/<file>.md#<heading> instead");
            }
            m = CITATION.matcher(line);
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                String anchor = m.group(3);
                String problem = anchors.problem(target, anchor == null ? null : anchor.substring(1));
                if (problem != null) {
                    out.add(at + m.group() + ": " + problem);
                } else if (anchor == null && QUOTED_HEADING.matcher(line.substring(m.end())).find()) {
                    out.add(at + m.group() + " followed by a quoted heading: cite the heading by its anchor, "
                            + target + "#<heading>");
                }
            }
            if (!markdown) {
                continue;
            }
            if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            m = MD_LINK.matcher(line);
            while (m.find()) {
                String link = m.group(1);
                if (link.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: …
                }
                int hash = link.indexOf('#');
                String path = hash < 0 ? link : link.substring(0, hash);
                String anchor = hash < 0 ? null : link.substring(hash + 1);
                if (!path.isEmpty() && !path.endsWith(".md")) {
                    continue; // a directory or a non-markdown file: not a heading citation
                }
                String problem;
                if (path.isEmpty()) {
                    problem = own.contains(anchor) ? null : "no heading #" + anchor + " in this file";
                } else {
                    problem = anchors.problem(Path.of(dir + path).normalize().toString().replace('\\', '/'), anchor);
                }
                if (problem != null) {
                    out.add(at + "link (" + link + "): " + problem);
                }
            }
        }
        return out;
    }

    /** @return the file's lines, or null when it is not UTF-8 text (a zarr chunk, an image) */
    static List<String> textLines(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The heading anchors of the repository's markdown files, read on first use. */
    static final class Anchors {
        private final Path root;
        private final Map<String, Set<String>> byFile = new HashMap<>();

        Anchors(Path root) {
            this.root = root;
        }

        /** @return null when {@code file} (from the root) exists and has the heading {@code anchor} (if any) */
        String problem(String file, String anchor) {
            Path p = root.resolve(file).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                return "no such file " + file + " in the repository";
            }
            if (anchor == null) {
                return null;
            }
            Set<String> known = byFile.computeIfAbsent(file, f -> {
                try {
                    return new LinkedHashSet<>(of(Files.readAllLines(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (known.contains(anchor)) {
                return null;
            }
            return "no heading #" + anchor + " in " + file + " (its anchors: " + String.join(", ", known) + ")";
        }

        /** @return the anchors of a markdown text's ATX headings, outside code fences, in order */
        static List<String> of(List<String> lines) {
            List<String> out = new ArrayList<>();
            Map<String, Integer> seen = new TreeMap<>();
            boolean fenced = false;
            for (String line : lines) {
                if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) {
                    fenced = !fenced;
                    continue;
                }
                Matcher h = fenced ? null : ATX_HEADING.matcher(line);
                if (h == null || !h.matches()) {
                    continue;
                }
                String slug = slug(INLINE_LINK.matcher(h.group(2)).replaceAll("$1"));
                int n = seen.merge(slug, 1, Integer::sum);
                out.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
            return out;
        }

        /** GitHub's heading anchor: lower case; letters, digits, {@code -} and {@code _} kept; spaces to {@code -}. */
        static String slug(String heading) {
            StringBuilder b = new StringBuilder();
            heading.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_'
                        || Character.getType(c) == Character.NON_SPACING_MARK) {
                    b.appendCodePoint(c);
                } else if (c == ' ') {
                    b.append('-');
                }
            });
            return b.toString();
        }
    }
}
