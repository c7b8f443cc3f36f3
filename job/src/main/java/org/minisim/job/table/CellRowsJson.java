package org.minisim.job.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The cell file of a committed store ({@value #FILE_NAME} at the store root, one JSON object per unit and
 * line, columns of {@link CellTableSchema#storedColumns()}): lets a rerun rebuild the table rows of a reused
 * recording without touching its arrays. Not a zarr node, so Python's zarr and the reference loader ignore it.
 * Doubles are JSON numbers; ±Infinity is written as the strings {@code "Infinity"} / {@code "-Infinity"}.
 */
public final class CellRowsJson {

    /** Store key of the cell file. */
    public static final String FILE_NAME = ".minisim-cells.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private CellRowsJson() {}

    /** @return the rows as JSON lines, each terminated by a newline, columns in schema order */
    public static String write(List<? extends Map<String, Object>> rows) {
        StringWriter out = new StringWriter();
        try {
            for (Map<String, Object> row : rows) {
                try (JsonGenerator g = FACTORY.createGenerator(out)) {
                    g.writeStartObject();
                    for (CellTableSchema.Column col : CellTableSchema.storedColumns()) {
                        if (!row.containsKey(col.name())) {
                            throw new IllegalArgumentException("row without column " + col.name());
                        }
                        g.writeFieldName(col.name());
                        writeValue(g, row.get(col.name()));
                    }
                    g.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            if (d.isNaN()) {
                throw new IllegalArgumentException("NaN in a table row (must be null)");
            }
            if (d.isInfinite()) {
                g.writeString(d > 0 ? "Infinity" : "-Infinity");
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    /** @return the rows of a cell file, typed per the schema (Double, Integer, Long, Boolean, String, null) */
    public static List<LinkedHashMap<String, Object>> read(String text) {
        List<LinkedHashMap<String, Object>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("malformed line in " + FILE_NAME + ": " + e.getMessage(), e);
            }
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            for (CellTableSchema.Column col : CellTableSchema.storedColumns()) {
                row.put(col.name(), value(node.get(col.name()), col.type()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object value(JsonNode n, DataType type) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (type.equals(DataTypes.DoubleType)) {
            if (n.isTextual()) {
                return switch (n.asText()) {
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> throw new IllegalArgumentException("not a number: " + n);
                };
            }
            return n.doubleValue();
        }
        if (type.equals(DataTypes.IntegerType)) {
            return n.intValue();
        }
        if (type.equals(DataTypes.LongType)) {
            return n.longValue();
        }
        if (type.equals(DataTypes.BooleanType)) {
            return n.booleanValue();
        }
        return n.asText();
    }
}
