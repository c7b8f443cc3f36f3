package org.minisim.table;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The stored columns of one recording's rows ({@link CellTable#STORED}, one row per ground-truth unit), held
 * column by column in primitive arrays: doubles with NaN for null (the table never holds NaN), ints and longs
 * with their minimum value for null, booleans as bytes (-1 null, 0, 1), strings as references. Compact to ship
 * from a task to the driver (Java serialization of a few arrays) and to write as a table row group. Mutable while
 * a recording's columns are filled; treat it as read only afterwards.
 */
public final class CellRows implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The null of an int column. */
    static final int NULL_INT = Integer.MIN_VALUE;
    /** The null of a long column. */
    static final long NULL_LONG = Long.MIN_VALUE;

    private final int n;
    private final Object[] data;

    /** @param n rows (the recording's units); every value starts null */
    public CellRows(int n) {
        this.n = n;
        List<CellColumn> cols = CellTable.STORED;
        data = new Object[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            data[c] = switch (cols.get(c).type()) {
                case DOUBLE -> fill(new double[n], Double.NaN);
                case INT -> fill(new int[n], NULL_INT);
                case LONG -> fill(new long[n], NULL_LONG);
                case BOOLEAN -> fill(new byte[n], (byte) -1);
                case STRING -> new String[n];
                case STRING_MAP -> throw new IllegalStateException("no stored map columns");
            };
        }
    }

    /** @return the number of rows */
    public int size() {
        return n;
    }

    /** Sets row r of stored column c (its index in {@link CellTable#STORED}); null, or a value of its type. */
    public void set(int c, int r, Object v) {
        Object a = data[c];
        if (a instanceof double[] d) {
            if (v != null && !(v instanceof Number)) {
                throw new IllegalArgumentException(name(c) + ": not a number: " + v);
            }
            double x = v == null ? Double.NaN : ((Number) v).doubleValue();
            d[r] = x;
        } else if (a instanceof int[] i) {
            i[r] = v == null ? NULL_INT : ((Number) v).intValue();
        } else if (a instanceof long[] l) {
            l[r] = v == null ? NULL_LONG : ((Number) v).longValue();
        } else if (a instanceof byte[] b) {
            b[r] = v == null ? -1 : ((Boolean) v) ? (byte) 1 : 0;
        } else {
            ((String[]) a)[r] = v == null ? null : v.toString();
        }
    }

    /** Sets a double column's row; NaN stores null. */
    public void setDouble(int c, int r, double v) {
        ((double[]) data[c])[r] = v;
    }

    /** @return row r of stored column c: Double, Integer, Long, Boolean, String or null */
    public Object get(int c, int r) {
        Object a = data[c];
        if (a instanceof double[] d) {
            return Double.isNaN(d[r]) ? null : d[r];
        } else if (a instanceof int[] i) {
            return i[r] == NULL_INT ? null : i[r];
        } else if (a instanceof long[] l) {
            return l[r] == NULL_LONG ? null : l[r];
        } else if (a instanceof byte[] b) {
            return b[r] < 0 ? null : b[r] == 1;
        }
        return ((String[]) a)[r];
    }

    /** @return row r of the named stored column (see {@link #get(int, int)}) */
    public Object get(String column, int r) {
        return get(CellTable.storedIndex(column), r);
    }

    /** @return a double column's row, NaN for null */
    public double getDouble(int c, int r) {
        return ((double[]) data[c])[r];
    }

    /** @return whether row r of column c is null */
    public boolean isNull(int c, int r) {
        return get(c, r) == null;
    }

    private String name(int c) {
        return CellTable.STORED.get(c).name();
    }

    private static double[] fill(double[] a, double v) {
        Arrays.fill(a, v);
        return a;
    }

    private static int[] fill(int[] a, int v) {
        Arrays.fill(a, v);
        return a;
    }

    private static long[] fill(long[] a, long v) {
        Arrays.fill(a, v);
        return a;
    }

    private static byte[] fill(byte[] a, byte v) {
        Arrays.fill(a, v);
        return a;
    }
}
