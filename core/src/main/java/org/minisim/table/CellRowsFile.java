package org.minisim.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.minisim.MinisimException;

/**
 * The cell file of a committed store ({@value #FILE_NAME} at the store root, docs/table.md#cell-file): one JSON
 * object per unit and line with the stored columns of {@link CellTable#STORED} in order, so a rerun rebuilds the
 * table rows of a reused recording without touching its arrays. Not a zarr node: Python's zarr and the reference
 * loader ignore it. Doubles are JSON numbers; ±∞ are the strings {@code "Infinity"} / {@code "-Infinity"}.
 */
public final class CellRowsFile {

    /** Store key of the cell file. */
    public static final String FILE_NAME = ".minisim-cells.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Doubles written with Jackson's shortest round-trip writer (Schubfach) instead of {@code Double.toString},
     * whose digit search was most of committing a recording of thousands of cells; every number reads back to the
     * same double.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    /** Bytes a line takes, about (the initial buffer per unit). */
    private static final int LINE_BYTES = 2048;

    private CellRowsFile() {}

    /** @return the rows as UTF-8 JSON lines, each terminated by a newline */
    public static byte[] write(CellRows rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(LINE_BYTES * Math.max(1, rows.size()));
        List<CellColumn> cols = CellTable.STORED;
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (int r = 0; r < rows.size(); r++) {
                g.writeStartObject();
                for (int c = 0; c < cols.size(); c++) {
                    g.writeFieldName(cols.get(c).name());
                    Object v = rows.get(c, r);
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Double d) {
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
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param where the file's location, for messages
     * @return the rows of a cell file
     * @throws MinisimException naming the file and line when a line is not a JSON object of the columns
     */
    public static CellRows read(byte[] bytes, String where) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<JsonNode> nodes = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                nodes.add(MAPPER.readTree(line));
            } catch (IOException e) {
                throw new MinisimException(where + " line " + lineNo + ": not a JSON object (" + e.getMessage()
                        + ")", e);
            }
        }
        CellRows rows = new CellRows(nodes.size());
        List<CellColumn> cols = CellTable.STORED;
        for (int r = 0; r < nodes.size(); r++) {
            JsonNode node = nodes.get(r);
            for (int c = 0; c < cols.size(); c++) {
                rows.set(c, r, value(node.get(cols.get(c).name()), cols.get(c).type()));
            }
        }
        return rows;
    }

    private static Object value(JsonNode n, ColumnType type) {
        if (n == null || n.isNull()) {
            return null;
        }
        return switch (type) {
            case DOUBLE -> n.isTextual() ? switch (n.asText()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new MinisimException("not a number in a cell file: " + n);
            } : (Object) n.doubleValue();
            case INT -> n.intValue();
            case LONG -> n.longValue();
            case BOOLEAN -> n.booleanValue();
            case STRING -> n.asText();
            case STRING_MAP -> throw new MinisimException("no map columns are stored");
        };
    }
}
