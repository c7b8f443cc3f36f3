package org.minisim.table;

/** The value type of a table column, as the Parquet/Spark schema declares it. Every column is nullable. */
public enum ColumnType {
    /** UTF-8 text. */
    STRING,
    /** 32-bit signed integer. */
    INT,
    /** 64-bit signed integer. */
    LONG,
    /** IEEE double; never NaN in the table (null instead), ±∞ only where a definition yields it. */
    DOUBLE,
    /** true / false. */
    BOOLEAN,
    /** map from string to string (the {@code axes} column). */
    STRING_MAP
}
