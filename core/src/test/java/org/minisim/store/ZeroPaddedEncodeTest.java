package org.minisim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A short last chunk encodes to exactly the bytes of its zero-padded buffer, whatever the data and lengths. */
class ZeroPaddedEncodeTest {

    @Test
    void paddedEncodingEqualsEncodingThePaddedBuffer() {
        SplittableRandom rng = new SplittableRandom(11);
        ChunkCodec[] codecs = {new BloscLz4Codec(), new BloscLz4Codec(4096), new ZlibCodec(1), new NullCodec()};
        int[] sizes = {64, 200, 4096, 100_000, 300_000};
        for (ChunkCodec codec : codecs) {
            for (int ts : new int[] {1, 4, 8}) {
                for (int chunk : sizes) {
                    int chunkLen = chunk / ts * ts;
                    for (int dataLen : new int[] {0, ts, chunkLen / 3 / ts * ts, 4096, chunkLen - ts, chunkLen}) {
                        if (dataLen < 0 || dataLen > chunkLen) {
                            continue;
                        }
                        for (boolean noise : new boolean[] {true, false}) {
                            byte[] data = new byte[dataLen];
                            for (int i = 0; i < dataLen; i++) {
                                data[i] = (byte) (noise ? rng.nextInt(256) : (i / 64) % 7);
                            }
                            byte[] padded = Arrays.copyOf(data, chunkLen);
                            assertArrayEquals(codec.encode(padded, ts), codec.encodeZeroPadded(data, dataLen, chunkLen,
                                    ts), codec + " ts " + ts + " chunk " + chunkLen + " data " + dataLen + " noise "
                                    + noise);
                        }
                    }
                }
            }
        }
    }
}
