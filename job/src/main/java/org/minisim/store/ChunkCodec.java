package org.minisim.store;

/** STAND-IN until branch {@code store} lands (deleted then). */
public interface ChunkCodec {
    static ChunkCodec defaultCodec() {
        return new ChunkCodec() {};
    }
}
