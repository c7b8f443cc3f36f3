package org.minisim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minisim.spec.StepKind;
import org.minisim.spec.json.Bound;
import org.minisim.spec.json.FieldDef;
import org.minisim.spec.json.FieldType;
import org.minisim.spec.json.JsonText;
import org.minisim.spec.json.ModelDef;
import org.minisim.spec.json.Schema;

/**
 * {@code docs/spec.md} against the schema it documents: every field of every model (the spec models, the twelve
 * step models, and the preset models Scope, Region and the build_spec arguments) has a row in its model's section,
 * no row names a field that does not exist, every documented default, bound and F rule is the schema's, every
 * dotted spec path in the text resolves, and the J/M/S/P/W rule ids of the page are exactly those the validator
 * emits.
 *
 * <p>Conventions of the page this test relies on: a model's section is the level-3 heading {@code ### <Model>}
 * (its {@link ModelDef#name()}), or {@code ### Step `<kind>`} for a step; its field table has the header
 * {@code | Field | Type | Default | Allowed | Unit | Rules | Meaning |} and one row per field with the name in
 * backticks in the first cell.
 */
class SpecDocTest {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*$");
    private static final Pattern FIELD_CELL = Pattern.compile("^`([a-z][a-z0-9_]*)`$");
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern RULE_ID = Pattern.compile("\\b([JMSPW]-\\d+)\\b");
    private static final Pattern F_RULE = Pattern.compile("\\bF:([A-Za-z_]+)\\.([a-z0-9_]+)");
    private static final Pattern PATH = Pattern.compile("`((?:acquisition|steps|output)(?:\\[\\d+\\])?"
            + "(?:\\.[a-z][a-z0-9_]*(?:\\[\\d+\\])?)*)`");

    /** A markdown table under a level-3 heading. */
    record Table(String heading, List<String> header, List<List<String>> rows) {
        int column(String name) {
            int i = header.indexOf(name);
            assertTrue(i >= 0, "table under '### " + heading + "' has no column '" + name + "': " + header);
            return i;
        }
    }

    private static List<String> lines;
    /** Lines outside fenced code blocks. */
    private static List<String> prose;
    private static List<Table> tables;
    private static List<String> level3;

    @BeforeAll
    static void read() throws IOException {
        Path doc = docPath();
        lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        prose = new ArrayList<>();
        tables = new ArrayList<>();
        level3 = new ArrayList<>();
        boolean fenced = false;
        String heading = null;
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            prose.add(line);
            if (line.startsWith("|")) {
                block.add(line);
                continue;
            }
            flush(heading, block);
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                heading = h.group(1).length() == 3 ? h.group(2).replace("`", "").trim() : null;
                if (heading != null) {
                    level3.add(heading);
                }
            }
        }
        flush(heading, block);
    }

    private static Path docPath() {
        String basedir = System.getProperty("basedir");
        Path module = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        for (Path p : List.of(module.resolve("../docs/spec.md"), module.resolve("docs/spec.md"))) {
            if (Files.isRegularFile(p)) {
                return p.normalize();
            }
        }
        throw new AssertionError("docs/spec.md not found beside " + module.toAbsolutePath());
    }

    private static void flush(String heading, List<String> block) {
        if (block.size() >= 2 && heading != null) {
            List<String> header = cells(block.get(0));
            List<List<String>> rows = new ArrayList<>();
            for (String row : block.subList(2, block.size())) {
                rows.add(cells(row));
            }
            tables.add(new Table(heading, header, rows));
        }
        block.clear();
    }

    /** Cells of a table row, split at unescaped pipes. */
    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String s = row.trim();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return out;
    }

    /** Every model of the schema by the key of its section: model name, or "Step <kind>" for a step. */
    private static Map<String, ModelDef> models() {
        Map<String, ModelDef> out = new LinkedHashMap<>();
        List<ModelDef> todo = new ArrayList<>(List.of(Schema.SPEC, Schema.SCOPE, Schema.REGION, Schema.BUILD_ARGS));
        for (StepKind k : StepKind.values()) {
            todo.add(Schema.step(k));
        }
        while (!todo.isEmpty()) {
            ModelDef m = todo.remove(0);
            String key = m.kind() != null ? "Step " + m.kind().jsonName() : m.name();
            if (out.putIfAbsent(key, m) == null) {
                for (FieldDef f : m.fields()) {
                    if (f.modelDef() != null) {
                        todo.add(f.modelDef());
                    }
                }
            }
        }
        return out;
    }

    private static Table fieldTable(String key) {
        List<Table> found = tables.stream().filter(t -> t.heading().equals(key) && !t.header().isEmpty()
                && t.header().get(0).equals("Field")).toList();
        assertEquals(1, found.size(), "docs/spec.md needs exactly one field table under '### "
                + (key.startsWith("Step ") ? "Step `" + key.substring(5) + "`" : key) + "', found " + found.size());
        return found.get(0);
    }

    @Test
    void everySchemaFieldHasARowAndEveryRowIsASchemaField() {
        Map<String, ModelDef> models = models();
        assertTrue(models.size() >= 23, "models found: " + models.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ModelDef> e : models.entrySet()) {
            Table t = fieldTable(e.getKey());
            Set<String> documented = new LinkedHashSet<>();
            for (List<String> row : t.rows()) {
                Matcher m = FIELD_CELL.matcher(row.get(0));
                assertTrue(m.matches(), "'### " + t.heading() + "': first cell is not a `field`: " + row.get(0));
                if (!m.group(1).equals("kind")) {
                    assertTrue(documented.add(m.group(1)), "'### " + t.heading() + "' lists " + m.group(1) + " twice");
                }
            }
            Set<String> schema = new LinkedHashSet<>(e.getValue().fieldNames());
            for (String f : schema) {
                if (!documented.contains(f)) {
                    problems.add(e.getValue().name() + "." + f + " is not documented under '### " + t.heading() + "'");
                }
            }
            for (String f : documented) {
                if (!schema.contains(f)) {
                    problems.add("'### " + t.heading() + "' documents " + f + ", which " + e.getValue().name()
                            + " does not have");
                }
            }
            if (schema.equals(documented) && !new ArrayList<>(schema).equals(new ArrayList<>(documented))) {
                problems.add("'### " + t.heading() + "' rows must follow the canonical member order " + schema);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyStepSectionNamesARealKind() {
        for (String h : level3) {
            if (h.startsWith("Step ")) {
                assertTrue(StepKind.fromJsonName(h.substring(5)).isPresent(), "'### " + h + "' is not a step kind");
            }
        }
    }

    @Test
    void documentedDefaultsBoundsChoicesAndFRulesAreTheSchemas() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ModelDef> e : models().entrySet()) {
            ModelDef model = e.getValue();
            Table t = fieldTable(e.getKey());
            int type = t.column("Type"), def = t.column("Default"), allowed = t.column("Allowed"),
                    rules = t.column("Rules");
            for (List<String> row : t.rows()) {
                String name = row.get(0).replace("`", "");
                FieldDef f = model.field(name).orElse(null);
                if (f == null || f.type() == FieldType.KIND) {
                    continue;
                }
                String where = model.name() + "." + name;
                String d = row.get(def);
                if (f.required()) {
                    check(problems, d.contains("required"), where + ": default should say 'required', is " + d);
                } else if (f.defaultValue() == null) {
                    check(problems, d.contains("all defaults"), where + ": default should say 'all defaults', is " + d);
                } else {
                    Matcher m = FIRST_CODE.matcher(d);
                    String want = JsonText.compact(f.defaultValue());
                    check(problems, m.find() && m.group(1).equals(want), where + ": default should be `" + want
                            + "`, is " + d);
                }
                if (f.bound() != null) {
                    check(problems, row.get(allowed).contains(docBound(f.bound())), where + ": allowed should contain '"
                            + docBound(f.bound()) + "', is " + row.get(allowed));
                    String rule = "F:" + model.name() + "." + name;
                    check(problems, row.get(rules).contains(rule), where + ": rules should name " + rule);
                }
                for (String c : f.choices()) {
                    check(problems, row.get(type).contains("`\"" + c + "\"`"), where + ": type should list `\"" + c
                            + "\"`, is " + row.get(type));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
    }

    /** A bound in the page's notation: {@code > 0}, {@code ≥ 1}, {@code (0, 1]}. */
    static String docBound(Bound b) {
        if (b.hi() == null) {
            return (b.loInclusive() ? "≥ " : "> ") + num(b.lo());
        }
        return (b.loInclusive() ? "[" : "(") + num(b.lo()) + ", " + num(b.hi()) + (b.hiInclusive() ? "]" : ")");
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Test
    void everyFRuleNamedInTheTextIsABoundedField() {
        Map<String, ModelDef> byName = new LinkedHashMap<>();
        models().values().forEach(m -> byName.put(m.name(), m));
        for (String line : prose) {
            Matcher m = F_RULE.matcher(line);
            while (m.find()) {
                if (m.group(1).equals("Model") || m.group(1).equals("Schema")) {
                    continue; // the notation F:<Model>.<field> itself
                }
                ModelDef model = byName.get(m.group(1));
                assertTrue(model != null, "docs/spec.md names " + m.group() + ": no model " + m.group(1));
                FieldDef f = model.field(m.group(2)).orElse(null);
                assertTrue(f != null && f.bound() != null, "docs/spec.md names " + m.group() + ": no bounded field "
                        + m.group(2) + " in " + m.group(1));
            }
        }
    }

    @Test
    void everySpecPathInTheTextResolves() {
        int paths = 0;
        for (String line : prose) {
            Matcher m = PATH.matcher(line);
            while (m.find()) {
                String problem = resolve(m.group(1));
                assertTrue(problem == null, "docs/spec.md names `" + m.group(1) + "`: " + problem);
                paths++;
            }
        }
        assertTrue(paths > 10, "expected spec paths in docs/spec.md, found " + paths);
    }

    /** @return null when {@code path} names a member of the schema, else why not */
    static String resolve(String path) {
        ModelDef model = Schema.SPEC;
        FieldDef field = null;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i].replaceAll("\\[\\d+\\]$", "");
            boolean indexed = !name.equals(parts[i]);
            if (field != null && field.type() == FieldType.STEP_LIST) {
                if (indexed || parts[i - 1].endsWith("]")) {
                    return "a step addressed by position has no statically known fields";
                }
                StepKind k = StepKind.fromJsonName(name).orElse(null);
                if (k == null) {
                    return "'" + name + "' is not a step kind";
                }
                model = Schema.step(k);
                field = null;
                continue;
            }
            if (model == null) {
                return "'" + parts[i - 1] + "' has no members";
            }
            FieldDef f = model.field(name).orElse(null);
            if (f == null) {
                return model.name() + " has no member '" + name + "'";
            }
            field = f;
            model = f.type() == FieldType.STEP_LIST ? null : f.modelDef();
        }
        return null;
    }

    @Test
    void ruleIdsOfThePageAreExactlyThoseTheValidatorEmits() throws IOException {
        Set<String> doc = new TreeSet<>();
        for (String line : lines) {
            Matcher m = RULE_ID.matcher(line);
            while (m.find()) {
                doc.add(m.group(1));
            }
        }
        Set<String> code = new TreeSet<>();
        Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path src = basedir.resolve("src/main/java/org/minisim/spec");
        assertTrue(Files.isDirectory(src), "no spec sources at " + src);
        Pattern literal = Pattern.compile("\"([JMSPW]-\\d+)\"");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(p));
                while (m.find()) {
                    code.add(m.group(1));
                }
            }
        }
        assertFalse(code.isEmpty());
        Set<String> undocumented = new TreeSet<>(code);
        undocumented.removeAll(doc);
        Set<String> unknown = new TreeSet<>(doc);
        unknown.removeAll(code);
        assertTrue(undocumented.isEmpty() && unknown.isEmpty(), "rule ids emitted but not in docs/spec.md: "
                + undocumented + "; in docs/spec.md but never emitted: " + unknown);
    }
}
