package org.minisim.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .zarray} of one zarr v2 array (docs/store-format.md#array-encoding): C order, no filters, fill value zero.
 *
 * @param shape     array extent per dimension (≥ 0)
 * @param chunks    chunk extent per dimension (≥ 1)
 * @param dtype     element type
 * @param codec     chunk compressor
 * @param separator chunk-key separator, "." (written: never; read: "." or "/")
 */
public record ZarrArrayMeta(long[] shape, int[] chunks, ZarrDtype dtype, ChunkCodec codec, String separator) {

    public ZarrArrayMeta {
        shape = shape.clone();
        chunks = chunks.clone();
        if (shape.length == 0 || shape.length != chunks.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and chunks "
                    + Arrays.toString(chunks) + " must have the same non-zero rank");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0 || chunks[i] < 1) {
                throw new IllegalArgumentException("invalid shape " + Arrays.toString(shape) + " / chunks "
                        + Arrays.toString(chunks));
            }
        }
        if (!".".equals(separator) && !"/".equals(separator)) {
            throw new IllegalArgumentException("dimension separator must be '.' or '/', got " + separator);
        }
    }

    /** An array with "." chunk keys. */
    public ZarrArrayMeta(long[] shape, int[] chunks, ZarrDtype dtype, ChunkCodec codec) {
        this(shape, chunks, dtype, codec, ".");
    }

    /** @return a one-chunk array: chunks = shape, with every zero-length dimension given chunk length 1 */
    public static ZarrArrayMeta singleChunk(long[] shape, ZarrDtype dtype, ChunkCodec codec) {
        int[] chunks = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            chunks[i] = (int) Math.max(1, Math.min(shape[i], Integer.MAX_VALUE));
        }
        return new ZarrArrayMeta(shape, chunks, dtype, codec);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public int[] chunks() {
        return chunks.clone();
    }

    /** @return the rank */
    public int rank() {
        return shape.length;
    }

    /** @return the extent of dimension {@code d} */
    public long dim(int d) {
        return shape[d];
    }

    /** @return the chunk extent of dimension {@code d} */
    public int chunk(int d) {
        return chunks[d];
    }

    /** @return number of elements of the whole array */
    public long size() {
        long n = 1;
        for (long s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** @return number of chunks along dimension {@code d} */
    public long gridSize(int d) {
        return (shape[d] + chunks[d] - 1) / chunks[d];
    }

    /** @return bytes of one full chunk buffer */
    public int chunkBytes() {
        long n = dtype.size();
        for (int c : chunks) {
            n = Math.multiplyExact(n, c);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("chunk " + Arrays.toString(chunks) + " of " + dtype.code()
                    + " exceeds 2 GiB");
        }
        return (int) n;
    }

    /** @return the {@code .zarray} JSON object */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zarr_format", 2);
        m.put("shape", shape);
        m.put("chunks", chunks);
        m.put("dtype", dtype.code());
        m.put("compressor", codec.compressorConfig());
        m.put("fill_value", dtype.fillValue());
        m.put("order", "C");
        m.put("filters", null);
        if (!".".equals(separator)) {
            m.put("dimension_separator", separator);
        }
        return m;
    }

    /**
     * Parses a {@code .zarray} object.
     *
     * @param json  the parsed object
     * @param where array path, named in every error
     * @throws ZarrFormatException for a format other than 2, order F, filters, big-endian or unsupported dtypes
     *                             or codecs, a non-zero fill value, or malformed shape/chunks
     */
    @SuppressWarnings("unchecked")
    public static ZarrArrayMeta fromJson(Map<String, Object> json, String where) {
        Object fmt = json.get("zarr_format");
        if (!(fmt instanceof Number n) || n.doubleValue() != 2) {
            throw new ZarrFormatException("array '" + where + "': zarr_format " + fmt + " is not 2");
        }
        long[] shape = longs(json.get("shape"), "shape", where);
        long[] chunksL = longs(json.get("chunks"), "chunks", where);
        if (shape.length != chunksL.length || shape.length == 0) {
            throw new ZarrFormatException("array '" + where + "': shape and chunks differ in rank or are empty");
        }
        int[] chunks = new int[chunksL.length];
        for (int i = 0; i < chunks.length; i++) {
            if (chunksL[i] < 1 || chunksL[i] > Integer.MAX_VALUE || shape[i] < 0) {
                throw new ZarrFormatException("array '" + where + "': invalid shape/chunks "
                        + json.get("shape") + " / " + json.get("chunks"));
            }
            chunks[i] = (int) chunksL[i];
        }
        Object dt = json.get("dtype");
        ZarrDtype dtype = ZarrDtype.parse(dt instanceof String s ? s : null, where);
        Object order = json.get("order");
        if (order != null && !"C".equals(order)) {
            throw new ZarrFormatException("array '" + where + "': order '" + order + "' is not supported (only C)");
        }
        Object filters = json.get("filters");
        if (filters != null && !(filters instanceof List<?> l && l.isEmpty())) {
            throw new ZarrFormatException("array '" + where + "': filters " + filters + " are not supported");
        }
        Object fill = json.get("fill_value");
        boolean zeroFill = fill == null || (fill instanceof Number num && num.doubleValue() == 0.0)
                || Boolean.FALSE.equals(fill);
        if (!zeroFill) {
            throw new ZarrFormatException("array '" + where + "': fill_value " + fill + " is not supported (only 0)");
        }
        Object comp = json.get("compressor");
        if (comp != null && !(comp instanceof Map)) {
            throw new ZarrFormatException("array '" + where + "': compressor " + comp + " is not an object");
        }
        ChunkCodec codec = ChunkCodec.fromConfig((Map<String, Object>) comp, where);
        Object sep = json.get("dimension_separator");
        String separator = sep == null ? "." : sep.toString();
        if (!".".equals(separator) && !"/".equals(separator)) {
            throw new ZarrFormatException("array '" + where + "': dimension_separator '" + sep + "' is invalid");
        }
        return new ZarrArrayMeta(shape, chunks, dtype, codec, separator);
    }

    private static long[] longs(Object v, String name, String where) {
        if (!(v instanceof List<?> list)) {
            throw new ZarrFormatException("array '" + where + "': " + name + " " + v + " is not a list");
        }
        List<Long> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new ZarrFormatException("array '" + where + "': " + name + " " + v + " holds a non-integer");
            }
            out.add(n.longValue());
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZarrArrayMeta m && Arrays.equals(shape, m.shape) && Arrays.equals(chunks, m.chunks)
                && dtype == m.dtype && codec.equals(m.codec) && separator.equals(m.separator);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(chunks);
    }

    @Override
    public String toString() {
        return "ZarrArrayMeta[shape=" + Arrays.toString(shape) + ", chunks=" + Arrays.toString(chunks) + ", dtype="
                + dtype.code() + ", codec=" + codec + "]";
    }
}
