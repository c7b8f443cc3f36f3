package org.minisim.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian RIFF building blocks: four-character codes and header buffers. */
final class Riff {

    private Riff() {}

    /** @return a little-endian buffer of {@code n} bytes */
    static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Puts a four-character code. */
    static void fourcc(ByteBuffer b, String code) {
        byte[] c = code.getBytes(StandardCharsets.US_ASCII);
        if (c.length != 4) {
            throw new IllegalArgumentException("not a four-character code: '" + code + "'");
        }
        b.put(c);
    }

    /** @return the four-character code as the little-endian int it is stored as */
    static int fourccInt(String code) {
        byte[] c = code.getBytes(StandardCharsets.US_ASCII);
        return (c[0] & 0xff) | (c[1] & 0xff) << 8 | (c[2] & 0xff) << 16 | (c[3] & 0xff) << 24;
    }
}
