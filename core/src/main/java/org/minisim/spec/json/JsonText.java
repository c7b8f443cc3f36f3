package org.minisim.spec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reading JSON text into a tree and writing trees back as compact or indented text. Reading is strict: one value,
 * no trailing content (J-1), no repeated member names (J-13). Non-numeric numbers ({@code NaN}, {@code Infinity})
 * are let through the parser so the schema walk can report them with their path (J-12).
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Node factory used for every tree built here (exact decimals off: numbers are doubles/ints). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonText() {
    }

    /** Outcome of parsing: a tree, or the one issue explaining why the text is not JSON. */
    public record Parsed(JsonNode tree, SpecIssue error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Parse one JSON value.
     *
     * @param text    the document
     * @param badRule rule id used for malformed or trailing content (J-1 for specs, SW-1 for sweep files)
     * @param dupRule rule id used for a repeated member name (J-13 / SW-1)
     */
    public static Parsed parse(String text, String badRule, String dupRule) {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonNode tree = MAPPER.readTree(p);
            if (tree == null || tree.isMissingNode()) {
                return new Parsed(null, new SpecIssue(badRule, "", "", "empty document: expected one JSON object"));
            }
            return new Parsed(tree, null);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) {
                String path = "";
                if (e.getProcessor() instanceof JsonParser jp) {
                    path = pathOf(jp.getParsingContext());
                }
                return new Parsed(null, new SpecIssue(dupRule, path, "",
                        "repeated member name " + msg.substring("Duplicate field".length()).trim()
                                + ": every member may appear only once"));
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String what = msg != null && msg.contains("Trailing token") ? "trailing content after the JSON value"
                    : "malformed JSON: " + firstLine(msg);
            return new Parsed(null, new SpecIssue(badRule, "", "", what + where));
        } catch (java.io.IOException e) {
            return new Parsed(null, new SpecIssue(badRule, "", "", "unreadable JSON: " + e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Dotted/indexed path of a parser context (the parent of the repeated member). */
    private static String pathOf(JsonStreamContext ctx) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null && c != ctx) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : parts) {
            if (sb.length() > 0 && !s.startsWith("[")) {
                sb.append('.');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** @return compact text of a tree (canonical notation: floats via {@link JsonFloat}, no whitespace) */
    public static String compact(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, -1, 0);
        return sb.toString();
    }

    /** @return 2-space indented text of a tree, {@code "key": value}, no trailing newline */
    public static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, 2, 0);
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb, int indent, int depth) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            sb.append("null");
        } else if (n.isObject()) {
            if (n.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent, depth + 1);
                string(e.getKey(), sb);
                sb.append(indent < 0 ? ":" : ": ");
                write(e.getValue(), sb, indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append('}');
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent, depth + 1);
                write(n.get(i), sb, indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append(']');
        } else if (n.isTextual()) {
            string(n.textValue(), sb);
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else if (n.isIntegralNumber()) {
            sb.append(n.bigIntegerValue());
        } else if (n.isNumber()) {
            sb.append(JsonFloat.format(n.doubleValue()));
        } else {
            sb.append(n.toString());
        }
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
    }

    /** Appends a JSON string literal: quote, backslash and control characters escaped; non-ASCII raw. */
    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** @return raw compact text of a user value for messages (as supplied, Jackson notation) */
    public static String raw(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "";
        }
        String s = n.toString();
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    /** @return list of names joined for messages */
    static String names(List<String> names) {
        return String.join(", ", names);
    }
}
