package org.minisim.job.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.minisim.table.CellColumn;
import org.minisim.table.CellTable;
import org.minisim.table.ColumnType;

/**
 * The per-cell table's file schema, from the column definitions of {@link CellTable}: the Parquet message type
 * of its files (every fixed column, then the sweep's {@code ax_*} doubles; {@code sweep_id} is the partition
 * directory) and the Spark schema stored in each file's footer ({@value #SPARK_SCHEMA_KEY}), whose field metadata
 * carries each column's description and unit as {@code comment} — so {@code DESCRIBE} in Spark, and any Parquet
 * reader that looks at the footer, shows what a column means.
 */
public final class CellTableSchema {

    /** Footer key under which Spark keeps (and reads back) a file's Spark schema. */
    public static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    /** Footer key of minisim's own column dictionary: {name → description [unit]}. */
    public static final String COLUMNS_KEY = "minisim.columns";
    /** Partition column. */
    public static final String SWEEP_ID = CellTable.SWEEP_ID;
    /** Prefix of the typed axis columns. */
    public static final String AX_PREFIX = CellTable.AX_PREFIX;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CellTableSchema() {}

    /** @return the Parquet schema of the table's files: fixed columns, then the axis columns */
    public static MessageType parquet(List<String> axisColumns) {
        List<Type> fields = new ArrayList<>();
        for (CellColumn c : CellTable.FIXED) {
            fields.add(parquetField(c.name(), c.type()));
        }
        for (String ax : axisColumns) {
            fields.add(parquetField(ax, ColumnType.DOUBLE));
        }
        return new MessageType("spark_schema", fields);
    }

    private static Type parquetField(String name, ColumnType type) {
        LogicalTypeAnnotation text = LogicalTypeAnnotation.stringType();
        return switch (type) {
            case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(text).named(name);
            case INT -> Types.optional(PrimitiveTypeName.INT32).named(name);
            case LONG -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case STRING_MAP -> Types.optionalGroup().as(LogicalTypeAnnotation.mapType())
                    .addField(new GroupType(Type.Repetition.REPEATED, "key_value",
                            Types.required(PrimitiveTypeName.BINARY).as(text).named("key"),
                            Types.optional(PrimitiveTypeName.BINARY).as(text).named("value")))
                    .named(name);
        };
    }

    /**
     * @return the Spark schema of the files as Spark writes it in the footer (a struct of every fixed and axis
     *     column, nullable, each with its {@code comment}), JSON
     */
    public static String sparkJson(List<String> axisColumns) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "struct");
        ArrayNode fields = root.putArray("fields");
        for (CellColumn c : CellTable.FIXED) {
            field(fields, c.name(), c.type(), c.comment());
        }
        for (String ax : axisColumns) {
            field(fields, ax, ColumnType.DOUBLE, CellTable.AX_DESCRIPTION);
        }
        return root.toString();
    }

    /**
     * @return the table's Spark schema as a reader sees it: the file columns ({@link #sparkJson}, with their
     *     comments) then the partition column {@code sweep_id}
     */
    public static org.apache.spark.sql.types.StructType schema(List<String> axisColumns) {
        org.apache.spark.sql.types.StructType files =
                (org.apache.spark.sql.types.StructType) org.apache.spark.sql.types.DataType.fromJson(
                        sparkJson(axisColumns));
        return files.add(org.apache.spark.sql.types.DataTypes.createStructField(SWEEP_ID,
                org.apache.spark.sql.types.DataTypes.StringType, false,
                new org.apache.spark.sql.types.MetadataBuilder().putString("comment", CellTable.SWEEP_ID_DESCRIPTION)
                        .build()));
    }

    /** @return minisim's column dictionary of a file: every column's description and unit, and sweep_id's */
    public static String columnsJson(List<String> axisColumns) {
        ObjectNode root = MAPPER.createObjectNode();
        for (CellColumn c : CellTable.FIXED) {
            root.put(c.name(), c.comment());
        }
        for (String ax : axisColumns) {
            root.put(ax, CellTable.AX_DESCRIPTION);
        }
        root.put(SWEEP_ID, CellTable.SWEEP_ID_DESCRIPTION);
        return root.toString();
    }

    private static void field(ArrayNode fields, String name, ColumnType type, String comment) {
        ObjectNode f = fields.addObject();
        f.put("name", name);
        switch (type) {
            case STRING -> f.put("type", "string");
            case INT -> f.put("type", "integer");
            case LONG -> f.put("type", "long");
            case DOUBLE -> f.put("type", "double");
            case BOOLEAN -> f.put("type", "boolean");
            case STRING_MAP -> {
                ObjectNode m = f.putObject("type");
                m.put("type", "map");
                m.put("keyType", "string");
                m.put("valueType", "string");
                m.put("valueContainsNull", true);
            }
        }
        f.put("nullable", true);
        f.putObject("metadata").put("comment", comment);
    }
}
