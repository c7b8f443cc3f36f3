package org.minisim.job.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Reads the outcome JSON lines {@code score --outcome} writes ({@link org.minisim.job.cli.OutcomeLines}) into rows of
 * {@link OutcomeTableSchema#schema()}. Strict: an unknown field, a value of the wrong JSON type, or a missing key
 * column is an error naming the source and line. A missing or null {@code sweep_id} takes the given default.
 */
public final class OutcomeRowsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeRowsJson() {}

    /**
     * @param text           JSON lines (blank lines ignored)
     * @param source         file name for messages
     * @param defaultSweepId sweep id for lines without one, or null (then such a line is an error)
     * @return the rows, in line order
     * @throws IllegalArgumentException for a malformed line
     */
    public static List<Row> read(String text, String source, String defaultSweepId) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StructField[] fields = OutcomeTableSchema.schema().fields();
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ":" + (ln + 1);
            JsonNode obj;
            try {
                obj = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
            }
            if (obj == null || !obj.isObject()) {
                throw new IllegalArgumentException(where + ": not a JSON object");
            }
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!OutcomeTableSchema.columns().contains(name)) {
                    throw new IllegalArgumentException(where + ": unknown field '" + name + "'");
                }
            }
            Object[] values = new Object[fields.length];
            for (int k = 0; k < fields.length; k++) {
                StructField f = fields[k];
                JsonNode v = obj.get(f.name());
                Object value = v == null || v.isNull() ? null : value(v, f.dataType(), where, f.name());
                if (value == null && f.name().equals(OutcomeTableSchema.SWEEP_ID)) {
                    value = defaultSweepId;
                }
                if (value == null && !f.nullable()) {
                    throw new IllegalArgumentException(where + ": '" + f.name() + "' is required"
                            + (f.name().equals(OutcomeTableSchema.SWEEP_ID) ? " (or give --sweep-id)" : ""));
                }
                values[k] = value;
            }
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    private static Object value(JsonNode v, DataType type, String where, String name) {
        if (type.equals(DataTypes.StringType) && v.isTextual()) {
            return v.asText();
        }
        if (type.equals(DataTypes.IntegerType) && v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (type.equals(DataTypes.DoubleType) && v.isNumber()) {
            return v.doubleValue();
        }
        if (type.equals(DataTypes.BooleanType) && v.isBoolean()) {
            return v.booleanValue();
        }
        throw new IllegalArgumentException(where + ": '" + name + "' must be " + type.simpleString() + ", got " + v);
    }
}
