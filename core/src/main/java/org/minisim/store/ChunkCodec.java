package org.minisim.store;

import java.util.Map;

/**
 * Compression of one zarr v2 chunk: the whole chunk buffer (every element of the chunk shape, C order,
 * little-endian) in, the bytes of the chunk file out — and back.
 */
public sealed interface ChunkCodec permits BloscLz4Codec, ZlibCodec, GzipCodec, NullCodec {

    /**
     * @return the {@code compressor} object written into {@code .zarray} (numcodecs config, readable by
     *         numcodecs 0.11), or null for uncompressed chunks
     */
    Map<String, Object> compressorConfig();

    /**
     * @param raw      the chunk buffer
     * @param typeSize element size in bytes (1, 4 or 8), used for byte shuffling
     * @return the encoded chunk file content
     */
    byte[] encode(byte[] raw, int typeSize);

    /**
     * Encodes a chunk whose bytes from {@code dataLen} to {@code chunkLen} are zero — a movie's last, shorter chunk
     * padded to the chunk shape — with exactly the output of {@link #encode} of the padded buffer.
     *
     * @param data     holds the first {@code dataLen} bytes of the chunk
     * @param chunkLen the chunk buffer's size, bytes
     */
    default byte[] encodeZeroPadded(byte[] data, int dataLen, int chunkLen, int typeSize) {
        return encode(java.util.Arrays.copyOf(data, chunkLen), typeSize);
    }

    /**
     * @param encoded  a chunk file's content
     * @param rawSize  the chunk buffer size the array's metadata implies, bytes
     * @param where    array path, for error messages
     * @return the chunk buffer, exactly {@code rawSize} bytes
     * @throws ZarrFormatException if the content is corrupt or decodes to another size
     */
    byte[] decode(byte[] encoded, int rawSize, String where);

    /** @return the default codec of recordings: Blosc1-LZ4 with byte shuffle (see {@link BloscLz4Codec}) */
    static ChunkCodec defaultCodec() {
        return new BloscLz4Codec();
    }

    /**
     * The codec of a {@code .zarray} compressor object: {@code null} (none), {@code blosc} (LZ4 inner codec
     * only), {@code zlib} or {@code gzip}.
     *
     * @param compressor the parsed {@code compressor} value, or null
     * @param arrayPath  array path, named in the error
     * @throws ZarrFormatException for any other codec id or a blosc inner codec other than lz4
     */
    static ChunkCodec fromConfig(Map<String, Object> compressor, String arrayPath) {
        if (compressor == null) {
            return new NullCodec();
        }
        Object id = compressor.get("id");
        if ("blosc".equals(id)) {
            Object cname = compressor.get("cname");
            if (cname != null && !"lz4".equals(cname)) {
                throw new ZarrFormatException("array '" + arrayPath + "': blosc inner codec '" + cname
                        + "' is not supported (only lz4; the reference writes blosc/lz4)");
            }
            return new BloscLz4Codec();
        }
        if ("zlib".equals(id)) {
            return new ZlibCodec(levelOf(compressor, 1));
        }
        if ("gzip".equals(id)) {
            return new GzipCodec(levelOf(compressor, 1));
        }
        throw new ZarrFormatException("array '" + arrayPath + "': compressor id '" + id
                + "' is not supported (supported: null, blosc with lz4, zlib, gzip)");
    }

    private static int levelOf(Map<String, Object> compressor, int dflt) {
        Object level = compressor.get("level");
        return level instanceof Number n ? n.intValue() : dflt;
    }
}
