package org.minisim.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The zarr v2 element types a recording uses (all little-endian; fill value zero bytes). */
public enum ZarrDtype {
    /** float32 */
    F4("<f4", 4, true),
    /** float64 */
    F8("<f8", 8, true),
    /** int32 */
    I4("<i4", 4, false),
    /** bool, one byte 0x00/0x01 */
    B1("|b1", 1, false);

    private final String code;
    private final int size;
    private final boolean floating;

    ZarrDtype(String code, int size, boolean floating) {
        this.code = code;
        this.size = size;
        this.floating = floating;
    }

    /** @return the {@code .zarray} dtype string, e.g. {@code "<f4"} */
    public String code() {
        return code;
    }

    /** @return bytes per element */
    public int size() {
        return size;
    }

    /** @return whether this is a floating-point type */
    public boolean isFloating() {
        return floating;
    }

    /** @return the {@code fill_value} JSON value: 0.0, 0 or false */
    public Object fillValue() {
        return switch (this) {
            case F4, F8 -> 0.0;
            case I4 -> 0;
            case B1 -> false;
        };
    }

    /**
     * @param code  a {@code .zarray} dtype string
     * @param where array path, for the message
     * @throws ZarrFormatException for any dtype other than {@code <f4 <f8 <i4 |b1}
     */
    public static ZarrDtype parse(String code, String where) {
        for (ZarrDtype d : values()) {
            if (d.code.equals(code)) {
                return d;
            }
        }
        throw new ZarrFormatException("array '" + where + "': dtype " + (code == null ? "null" : "'" + code + "'")
                + " is not supported (supported: <f4, <f8, <i4, |b1)");
    }

    /** @return the float dtype of a recording's {@code store_dtype} code ({@code "<f4"} or {@code "<f8"}) */
    public static ZarrDtype floatOf(String code) {
        if ("<f4".equals(code)) {
            return F4;
        }
        if ("<f8".equals(code)) {
            return F8;
        }
        throw new IllegalArgumentException("movie dtype must be \"<f4\" or \"<f8\", got " + code);
    }

    /** @return little-endian bytes of the values cast to this float or int type */
    public byte[] encode(double[] v, int from, int len) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(len, size)).order(ByteOrder.LITTLE_ENDIAN);
        switch (this) {
            case F8 -> b.asDoubleBuffer().put(v, from, len);
            case F4 -> {
                float[] f = new float[len];
                for (int i = 0; i < len; i++) {
                    f[i] = (float) v[from + i];
                }
                b.asFloatBuffer().put(f);
            }
            case I4 -> {
                int[] k = new int[len];
                for (int i = 0; i < len; i++) {
                    k[i] = (int) v[from + i];
                }
                b.asIntBuffer().put(k);
            }
            case B1 -> {
                for (int i = 0; i < len; i++) {
                    b.put(i, (byte) (v[from + i] != 0.0 ? 1 : 0));
                }
            }
        }
        return b.array();
    }

    /** @return the elements of little-endian bytes of this type as doubles (bool: 0/1) */
    public double[] toDoubles(byte[] bytes) {
        int n = bytes.length / size;
        double[] out = new double[n];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (this) {
            case F8 -> b.asDoubleBuffer().get(out);
            case F4 -> {
                java.nio.FloatBuffer fb = b.asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    out[i] = fb.get(i);
                }
            }
            case I4 -> {
                java.nio.IntBuffer ib = b.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    out[i] = ib.get(i);
                }
            }
            case B1 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = bytes[i] != 0 ? 1.0 : 0.0;
                }
            }
        }
        return out;
    }

    /** @return little-endian float32 bytes */
    public static byte[] fromFloats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(v.length, 4)).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** @return little-endian int32 bytes */
    public static byte[] fromInts(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(v.length, 4)).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(v);
        return b.array();
    }

    /** @return one byte per flag */
    public static byte[] fromBooleans(boolean[] v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) (v[i] ? 1 : 0);
        }
        return out;
    }

    /** @return int32 values of little-endian {@code <i4} bytes */
    public static int[] toInts(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    /** @return float32 values of little-endian {@code <f4} bytes */
    public static float[] toFloats(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** @return flags of {@code |b1} bytes (any non-zero byte is true) */
    public static boolean[] toBooleans(byte[] bytes) {
        boolean[] out = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] != 0;
        }
        return out;
    }
}
