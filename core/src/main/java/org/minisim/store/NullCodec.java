package org.minisim.store;

import java.util.Map;

/** Uncompressed chunks ({@code "compressor": null}): the chunk file is the raw buffer. */
public record NullCodec() implements ChunkCodec {

    @Override
    public Map<String, Object> compressorConfig() {
        return null;
    }

    @Override
    public byte[] encode(byte[] raw, int typeSize) {
        return raw.clone();
    }

    @Override
    public byte[] decode(byte[] encoded, int rawSize, String where) {
        if (encoded.length != rawSize) {
            throw new ZarrFormatException("array '" + where + "': uncompressed chunk holds " + encoded.length
                    + " bytes, expected " + rawSize);
        }
        return encoded;
    }
}
