package org.minisim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class ZarrCodecTest {

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** float32 Poisson-ish counts: compressible after shuffle. */
    static byte[] countsF4(int n, long seed) {
        double[] v = new double[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            v[i] = 30 + r.nextInt(90);
        }
        return ZarrDtype.F4.encode(v, 0, n);
    }

    static final List<ChunkCodec> CODECS = List.of(new BloscLz4Codec(), new BloscLz4Codec(1000), new BloscLz4Codec(64),
            new ZlibCodec(1), new ZlibCodec(6), new GzipCodec(1), new NullCodec());

    @Test
    void everyCodecRoundTripsEverySizeTypeSizeAndContent() {
        int[] sizes = {0, 1, 8, 16, 120, 127, 128, 129, 136, 1000, 4096, 10_000, 300_000};
        for (ChunkCodec codec : CODECS) {
            for (int ts : new int[] {1, 4, 8}) {
                for (int size : sizes) {
                    int n = size / ts * ts;
                    for (byte[] raw : List.of(randomBytes(n, n + ts), countsF4(n / 4, n).length == n
                            ? countsF4(n / 4, n) : new byte[n], new byte[n])) {
                        byte[] enc = codec.encode(raw, ts);
                        byte[] dec = codec.decode(enc, raw.length, "t");
                        assertArrayEquals(raw, dec, codec + " ts=" + ts + " n=" + n);
                        assertArrayEquals(enc, codec.encode(raw, ts), "deterministic " + codec);
                    }
                }
            }
        }
    }

    @Test
    void bloscWriterChoosesMemcpyForTinyOrIncompressibleAndLz4Otherwise() {
        BloscLz4Codec c = new BloscLz4Codec();
        byte[] tiny = c.encode(new byte[120], 8);
        assertEquals(0x33, tiny[2] & 0xff);
        assertEquals(136, tiny.length);
        byte[] random = c.encode(randomBytes(4000, 7), 8);
        assertEquals(0x33, random[2] & 0xff, "incompressible data is memcpy'd");
        assertEquals(4016, random.length);
        byte[] counts = c.encode(countsF4(65536, 3), 4);
        assertEquals(0x31, counts[2] & 0xff);
        assertEquals(4, counts[3]);
        assertTrue(counts.length < 65536 * 4 / 2, "shuffled counts compress: " + counts.length);
        assertEquals(counts.length, le(counts, 12), "cbytes");
        assertEquals(65536 * 4, le(counts, 4), "nbytes");
    }

    @Test
    void bloscMultipleBlocksWithShortLastBlock() {
        BloscLz4Codec c = new BloscLz4Codec(4096);
        byte[] raw = countsF4(2500, 11); // 10000 bytes = 2 full blocks + 1808-byte block
        byte[] enc = c.encode(raw, 4);
        assertEquals(4096, le(enc, 8));
        assertEquals(16 + 12, le(enc, 16), "first block right after the 3 offsets");
        assertArrayEquals(raw, c.decode(enc, raw.length, "t"));
    }

    /** Builds a frame the way c-blosc does for larger buffers: split into typesize streams (flags 0x21). */
    static byte[] splitFrame(byte[] raw, int ts, int blocksize, boolean shuffle, boolean forceRawStream) {
        LZ4Compressor comp = LZ4Factory.fastestInstance().fastCompressor();
        int n = raw.length;
        int nblocks = (n + blocksize - 1) / blocksize;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] offsets = new int[nblocks];
        int base = 16 + 4 * nblocks;
        for (int b = 0; b < nblocks; b++) {
            offsets[b] = base + body.size();
            int start = b * blocksize;
            int len = Math.min(blocksize, n - start);
            byte[] blk = new byte[len];
            if (shuffle && ts > 1) {
                BloscLz4Codec.shuffle(raw, start, len, ts, blk);
            } else {
                System.arraycopy(raw, start, blk, 0, len);
            }
            boolean leftover = len < blocksize;
            int ns = (!leftover && ts <= 16 && blocksize / ts >= 128) ? ts : 1;
            int ne = len / ns;
            for (int s = 0; s < ns; s++) {
                byte[] out = new byte[comp.maxCompressedLength(ne)];
                int cl = comp.compress(blk, s * ne, ne, out, 0, out.length);
                boolean raw1 = cl >= ne || (forceRawStream && s == 0);
                writeLe(body, raw1 ? ne : cl);
                body.write(raw1 ? blk : out, raw1 ? s * ne : 0, raw1 ? ne : cl);
            }
        }
        byte[] frame = new byte[base + body.size()];
        frame[0] = 2;
        frame[1] = 1;
        frame[2] = (byte) ((shuffle ? 0x01 : 0) | 0x20);
        frame[3] = (byte) ts;
        putLe(frame, 4, n);
        putLe(frame, 8, blocksize);
        putLe(frame, 12, frame.length);
        for (int b = 0; b < nblocks; b++) {
            putLe(frame, 16 + 4 * b, offsets[b]);
        }
        System.arraycopy(body.toByteArray(), 0, frame, base, body.size());
        return frame;
    }

    @Test
    void bloscReaderDecodesSplitStreamsRawStreamsNoShuffleAndShortLastBlock() {
        BloscLz4Codec c = new BloscLz4Codec();
        for (int ts : new int[] {1, 4, 8}) {
            byte[] raw = countsF4(3000, ts); // 12000 bytes
            for (boolean shuffle : new boolean[] {true, false}) {
                for (boolean forceRaw : new boolean[] {true, false}) {
                    for (int bs : new int[] {12000, 4096, 1024, 512}) {
                        byte[] frame = splitFrame(raw, ts, bs, shuffle, forceRaw);
                        assertArrayEquals(raw, c.decode(frame, raw.length, "t"),
                                "ts=" + ts + " shuffle=" + shuffle + " raw=" + forceRaw + " bs=" + bs);
                    }
                }
            }
        }
    }

    @Test
    void bloscReaderRejectsCorruptFramesNamingTheArray() {
        BloscLz4Codec c = new BloscLz4Codec();
        byte[] enc = c.encode(countsF4(10000, 1), 4);
        ZarrFormatException e = assertThrows(ZarrFormatException.class,
                () -> c.decode(java.util.Arrays.copyOf(enc, enc.length - 10), 40000, "observed/0.0.0"));
        assertTrue(e.getMessage().contains("observed/0.0.0"), e.getMessage());
        e = assertThrows(ZarrFormatException.class, () -> c.decode(enc, 39996, "gt/C/0.0"));
        assertTrue(e.getMessage().contains("gt/C/0.0"), e.getMessage());
        assertThrows(ZarrFormatException.class, () -> c.decode(new byte[5], 0, "x"));
        byte[] zstdFlag = enc.clone();
        zstdFlag[2] = (byte) ((zstdFlag[2] & 0x1f) | (4 << 5));
        e = assertThrows(ZarrFormatException.class, () -> c.decode(zstdFlag, 40000, "obs"));
        assertTrue(e.getMessage().contains("inner codec"), e.getMessage());
    }

    @Test
    void compressorConfigsAreNumcodecsCompatible() {
        Map<String, Object> b = new BloscLz4Codec().compressorConfig();
        assertEquals(Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", 1, "blocksize", 0), b);
        assertFalse(b.containsKey("typesize"));
        assertEquals(Map.of("id", "zlib", "level", 1), new ZlibCodec(1).compressorConfig());
        assertEquals(null, new NullCodec().compressorConfig());
        assertEquals(new BloscLz4Codec(), ChunkCodec.fromConfig(b, "a"));
        assertEquals(new ZlibCodec(3), ChunkCodec.fromConfig(Map.of("id", "zlib", "level", 3), "a"));
        assertEquals(new GzipCodec(5), ChunkCodec.fromConfig(Map.of("id", "gzip", "level", 5), "a"));
        assertEquals(new NullCodec(), ChunkCodec.fromConfig(null, "a"));
        ZarrFormatException e = assertThrows(ZarrFormatException.class,
                () -> ChunkCodec.fromConfig(Map.of("id", "zstd", "level", 1), "ground_truth/C"));
        assertTrue(e.getMessage().contains("ground_truth/C") && e.getMessage().contains("zstd"), e.getMessage());
        e = assertThrows(ZarrFormatException.class,
                () -> ChunkCodec.fromConfig(Map.of("id", "blosc", "cname", "zstd"), "observed"));
        assertTrue(e.getMessage().contains("observed"), e.getMessage());
    }

    @Test
    void shuffleIsInvertedByUnshuffleIncludingTrailingBytes() {
        byte[] src = randomBytes(1003, 5);
        for (int ts : new int[] {2, 4, 8}) {
            byte[] sh = new byte[1003];
            BloscLz4Codec.shuffle(src, 0, 1003, ts, sh);
            byte[] back = new byte[1003];
            BloscLz4Codec.unshuffle(sh, 1003, ts, back, 0);
            assertArrayEquals(src, back);
            assertEquals(src[ts], sh[1], "byte 0 of element 1 follows byte 0 of element 0");
        }
    }

    static int le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static void putLe(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    static void writeLe(ByteArrayOutputStream o, int v) {
        for (int i = 0; i < 4; i++) {
            o.write(v >>> (8 * i));
        }
    }
}
