package org.minisim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A short last chunk encodes to exactly the bytes of its zero-padded buffer, whatever the data and lengths. */
class ZeroPaddedEncodeTest {

    /**
     * A Blosc frame does not depend on what the thread encoded before (its working buffer is reused): chunks of
     * falling and rising sizes, noisy and compressible, encoded in turn on one thread equal the same chunks encoded
     * each on a fresh thread, and decode to their data.
     */
    @Test
    void aFrameDoesNotDependOnTheChunksEncodedBefore() throws Exception {
        BloscLz4Codec codec = new BloscLz4Codec();
        SplittableRandom rng = new SplittableRandom(7);
        int[] sizes = {1 << 22, 300_000, 4096, 100, 2_000_000, 65_536};
        for (int k = 0; k < sizes.length; k++) {
            byte[] data = new byte[sizes[k]];
            boolean noise = k % 2 == 0;
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (noise ? rng.nextInt(256) : (i / 64) % 7);
            }
            byte[] here = codec.encode(data, 4);
            byte[][] fresh = new byte[1][];
            Thread t = new Thread(() -> fresh[0] = codec.encode(data, 4));
            t.start();
            t.join();
            assertArrayEquals(fresh[0], here, "chunk " + k);
            assertArrayEquals(data, codec.decode(here, data.length, "chunk " + k), "chunk " + k);
        }
    }

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
