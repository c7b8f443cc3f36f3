package org.minisim.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the column dictionary of docs/table.md from the column definitions ({@link CellTable#SECTIONS}, the
 * {@code ax_*} and {@code sweep_id} entries): the markdown between {@value #BEGIN} and {@value #END}. The
 * {@code TableDictionaryTest} fails when the file differs from what this generates; with the system property
 * {@value #WRITE_PROPERTY}{@code =true} it rewrites the file instead ({@link #REGENERATE} is the command).
 * The markdown helpers are shared with the outcome table's dictionary (job module).
 */
public final class TableDictionary {

    /** Opening marker of the generated cell-table dictionary. */
    public static final String BEGIN = "<!-- columns:begin -->";
    /** Closing marker of the generated cell-table dictionary. */
    public static final String END = "<!-- columns:end -->";
    /** System property that makes the dictionary tests rewrite docs/table.md instead of comparing. */
    public static final String WRITE_PROPERTY = "minisim.docs.write";
    /** The command that regenerates every generated part of docs/table.md (from the repository root). */
    public static final String REGENERATE = "mvn -B -q test -pl job -am -Dtest='TableDictionaryTest,"
            + "OutcomeDictionaryTest' -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true";
    /** The documentation file, relative to the repository root. */
    public static final String DOC = "docs/table.md";

    /** Words with an underscore (column names, {@code __}, {@code _lo}) are shown as code. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9]*_[A-Za-z0-9_]*");

    private TableDictionary() {}

    /** @return the generated markdown of the cell table's columns (without the markers) */
    public static String cellColumns() {
        StringBuilder md = new StringBuilder();
        md.append(generatedNote("org.minisim.table.CellTable")).append('\n');
        for (CellTable.Section s : CellTable.SECTIONS) {
            md.append("\n### ").append(s.title()).append("\n\n");
            md.append(header("column", "type", "unit", "source", "description"));
            for (CellColumn c : s.columns()) {
                md.append(row(code(c.name()), code(typeName(c.type())), unit(c.unit()), sourceName(c.source()),
                        text(c.description())));
            }
        }
        md.append("\n### Axis and partition columns\n\n");
        md.append("After the fixed columns come the sweep's `ax_*` columns, sorted by name, then the partition "
                + "column.\n\n");
        md.append(header("column", "type", "unit", "source", "description"));
        md.append(row(code(CellTable.AX_PREFIX + "<path>"), code(typeName(ColumnType.DOUBLE)), "of the path",
                sourceName(ColumnSource.SWEEP), text(CellTable.AX_DESCRIPTION)));
        md.append(row(code(CellTable.SWEEP_ID), code(typeName(ColumnType.STRING)), "",
                sourceName(ColumnSource.SWEEP), text(CellTable.SWEEP_ID_DESCRIPTION)));
        return md.toString();
    }

    /** @return the note at the top of a generated part */
    public static String generatedNote(String definitions) {
        return "<!-- generated from " + definitions + "; do not edit by hand. Regenerate: " + REGENERATE + " -->";
    }

    /** @return the Spark SQL name of a column type, as {@code DESCRIBE} prints it */
    public static String typeName(ColumnType t) {
        return switch (t) {
            case STRING -> "string";
            case INT -> "int";
            case LONG -> "bigint";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case STRING_MAP -> "map<string,string>";
        };
    }

    private static String sourceName(ColumnSource s) {
        return s == ColumnSource.SCENE_AND_RENDER ? "scene + render" : s.name().toLowerCase(Locale.ROOT);
    }

    /** @return a markdown table header */
    public static String header(String... names) {
        StringBuilder b = new StringBuilder(row(names));
        b.append('|');
        for (int i = 0; i < names.length; i++) {
            b.append("---|");
        }
        return b.append('\n').toString();
    }

    /** @return one markdown table row of already-formatted cells */
    public static String row(String... cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(' ').append(c).append(" |");
        }
        return b.append('\n').toString().replace("|  |", "| |");
    }

    /** @return inline code (pipes escaped for a table cell) */
    public static String code(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    /** @return a unit for a table cell */
    public static String unit(String u) {
        return u.replace("|", "\\|");
    }

    /**
     * @return a description as markdown table-cell text: words with an underscore as code, pipes escaped,
     *     angle brackets as entities
     */
    public static String text(String s) {
        String t = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Matcher m = IDENTIFIER.matcher(t);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("`" + m.group() + "`"));
        }
        m.appendTail(b);
        return b.toString().replace("|", "\\|");
    }

    /**
     * @param doc   the document
     * @param begin opening marker (on a line of its own)
     * @param end   closing marker
     * @param body  what goes between them
     * @return the document with the text between the markers replaced by {@code body}
     * @throws IllegalArgumentException when a marker is missing, repeated or out of order
     */
    public static String replaceBetween(String doc, String begin, String end, String body) {
        int b = doc.indexOf(begin), e = doc.indexOf(end);
        if (b < 0 || e < 0 || e < b || doc.indexOf(begin, b + 1) >= 0 || doc.indexOf(end, e + 1) >= 0) {
            throw new IllegalArgumentException(DOC + " must hold the markers " + begin + " … " + end
                    + " once each, in that order");
        }
        return doc.substring(0, b + begin.length()) + "\n" + body + (body.endsWith("\n") ? "" : "\n")
                + doc.substring(e);
    }

    /** @return the text between the markers (what {@link #replaceBetween} puts there) */
    public static String between(String doc, String begin, String end) {
        int b = doc.indexOf(begin), e = doc.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException(DOC + " lacks the markers " + begin + " … " + end);
        }
        return doc.substring(b + begin.length() + 1, e);
    }

    /**
     * @return docs/table.md of the repository the tests run in: found from the working directory (a module
     *     directory or the root) upwards
     * @throws IllegalStateException when there is none
     */
    public static Path docFile() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve(DOC);
            if (Files.isRegularFile(p) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException(DOC + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Compares (or, with {@value #WRITE_PROPERTY}, rewrites) one generated part of docs/table.md.
     *
     * @return null when the file holds exactly {@code body} between the markers (or was rewritten to), else a
     *     message saying what differs and how to regenerate
     */
    public static String check(String begin, String end, String body) {
        Path file = docFile();
        try {
            String doc = Files.readString(file, StandardCharsets.UTF_8);
            String expected = replaceBetween(doc, begin, end, body);
            if (expected.equals(doc)) {
                return null;
            }
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                return null;
            }
            return file + " differs from the column definitions between " + begin + " and " + end
                    + " (first difference: " + firstDifference(between(doc, begin, end), body) + "); regenerate "
                    + "it from the repository root with: " + REGENERATE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String actual, String expected) {
        List<String> a = actual.lines().toList(), x = expected.lines().toList();
        for (int i = 0; i < Math.max(a.size(), x.size()); i++) {
            String l = i < a.size() ? a.get(i) : "<none>", r = i < x.size() ? x.get(i) : "<none>";
            if (!l.equals(r)) {
                return "line " + (i + 1) + " of the part is '" + l + "', expected '" + r + "'";
            }
        }
        return "line endings";
    }

    /** Rewrites the cell-table dictionary of docs/table.md (run from the repository root or a module). */
    public static void main(String[] args) throws IOException {
        Path file = docFile();
        String doc = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, replaceBetween(doc, BEGIN, END, cellColumns()), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
