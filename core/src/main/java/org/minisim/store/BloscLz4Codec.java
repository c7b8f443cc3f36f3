package org.minisim.store;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * numcodecs {@code blosc} with the LZ4 inner codec: a Blosc1 frame (docs/store-format.md#blosc-frames), pure Java plus
 * lz4-java (no native blosc library needed).
 *
 * <p>Writer: inputs under 128 bytes, and inputs LZ4 cannot shrink, as a memcpy'd frame (flags {@code 0x33});
 * otherwise flags {@code 0x31} (byte shuffle, don't split, LZ4): blocks of {@link #blockSize()} bytes plus a
 * short last block, each shuffled and stored as one LZ4 raw block (or raw when LZ4 does not shrink it).
 * Encoding is deterministic: the same input gives the same bytes.
 *
 * <p>Reader: any LZ4 Blosc1 frame — memcpy'd, split or unsplit streams, raw-stored streams, byte shuffle or
 * none, several blocks with a short last block.
 *
 * @param blockSize uncompressed bytes per block (rounded down to a multiple of the element size), ≥ 16
 */
public record BloscLz4Codec(int blockSize) implements ChunkCodec {

    /** Default block size, bytes: 256 KiB (fits L2; a multiple of every element size). */
    public static final int DEFAULT_BLOCK_SIZE = 256 * 1024;

    private static final int HEADER = 16;
    private static final int MIN_BUFFERSIZE = 128;
    private static final int FLAG_SHUFFLE = 0x01;
    private static final int FLAG_MEMCPY = 0x02;
    private static final int FLAG_BITSHUFFLE = 0x04;
    private static final int FLAG_DONT_SPLIT = 0x10;
    private static final int LZ4_CODE = 1;
    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
    private static final java.lang.invoke.VarHandle INT_LE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    public BloscLz4Codec {
        if (blockSize < 16) {
            throw new IllegalArgumentException("blosc block size must be >= 16 bytes, got " + blockSize);
        }
    }

    /** The default codec: 256 KiB blocks. */
    public BloscLz4Codec() {
        this(DEFAULT_BLOCK_SIZE);
    }

    @Override
    public Map<String, Object> compressorConfig() {
        // numcodecs 0.11's Blosc(...) rejects a "typesize" key: never write one.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "blosc");
        m.put("cname", "lz4");
        m.put("clevel", 5);
        m.put("shuffle", 1);
        m.put("blocksize", 0);
        return m;
    }

    @Override
    public byte[] encode(byte[] raw, int typeSize) {
        return encode(raw, raw.length, raw.length, typeSize);
    }

    /**
     * The frame of a chunk whose last bytes are zero (a movie's last, shorter chunk, padded to the chunk shape):
     * the same bytes as {@link #encode} of the padded buffer, without building it — blocks wholly in the zero
     * tail reuse one compressed zero block.
     */
    @Override
    public byte[] encodeZeroPadded(byte[] data, int dataLen, int chunkLen, int typeSize) {
        return encode(data, dataLen, chunkLen, typeSize);
    }

    /** Encodes n bytes of which [dataLen, n) are zero (and raw holds at least dataLen). */
    private byte[] encode(byte[] raw, int dataLen, int n, int typeSize) {
        if (typeSize < 1 || typeSize > 255) {
            throw new IllegalArgumentException("blosc typesize must be in [1, 255], got " + typeSize);
        }
        if (n < MIN_BUFFERSIZE) {
            return memcpyFrame(dataLen == n ? raw : java.util.Arrays.copyOf(raw, n), typeSize);
        }
        int bs = Math.max(typeSize, blockSize / typeSize * typeSize);
        bs = Math.min(bs, n);
        int nblocks = (n + bs - 1) / bs;
        LZ4Compressor comp = LZ4.fastCompressor();
        long limit = (long) n + HEADER; // no gain beyond this: memcpy instead
        int dataBlocks = (int) Math.min(nblocks, ((long) dataLen + bs - 1) / bs);
        // encoding stops as soon as the frame reaches the limit, so at most one block overshoots it
        long maxOut = Math.min(limit, (long) HEADER + 4L * nblocks + (long) dataBlocks * (4 + comp.maxCompressedLength(bs))
                + (long) (nblocks - dataBlocks) * (4 + zeroBlock(bs, comp).length)) + 4 + comp.maxCompressedLength(bs);
        if (maxOut > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("chunk of " + n + " bytes is too large for a Blosc frame");
        }
        byte[] out = scratch((int) maxOut); // every byte up to pos is written below; the frame is copied out
        byte[] shuffled = new byte[bs];
        byte[] edge = null;
        int pos = HEADER + 4 * nblocks;
        for (int b = 0; b < nblocks; b++) {
            int start = b * bs;
            int len = Math.min(bs, n - start);
            putInt(out, HEADER + 4 * b, pos);
            int clen;
            if (start >= dataLen) {
                byte[] z = zeroBlock(len, comp);
                System.arraycopy(z, 0, out, pos + 4, z.length);
                clen = z.length;
            } else {
                byte[] src = raw;
                int from = start;
                if (start + len > dataLen) {
                    // the block holding the end of the data: data, then zeros
                    edge = edge == null ? new byte[bs] : edge;
                    System.arraycopy(raw, start, edge, 0, dataLen - start);
                    java.util.Arrays.fill(edge, dataLen - start, len, (byte) 0);
                    src = edge;
                    from = 0;
                }
                int srcOff;
                if (typeSize > 1) {
                    shuffle(src, from, len, typeSize, shuffled);
                    src = shuffled;
                    srcOff = 0;
                } else {
                    srcOff = from;
                }
                clen = comp.compress(src, srcOff, len, out, pos + 4, comp.maxCompressedLength(len));
                if (clen <= 0 || clen >= len) {
                    System.arraycopy(src, srcOff, out, pos + 4, len);
                    clen = len;
                }
            }
            putInt(out, pos, clen);
            pos += 4 + clen;
            if (pos >= limit) {
                return memcpyFrame(dataLen == n ? raw : java.util.Arrays.copyOf(raw, n), typeSize);
            }
        }
        writeHeader(out, FLAG_SHUFFLE | FLAG_DONT_SPLIT | (LZ4_CODE << 5), typeSize, n, bs, pos);
        return java.util.Arrays.copyOf(out, pos);
    }

    /** Largest working frame kept per thread between chunks, bytes (larger ones are allocated per chunk). */
    private static final int SCRATCH_MAX = 1 << 24;
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][]);

    /**
     * @return this thread's working buffer of at least n bytes (contents undefined): a movie's chunks are encoded
     *     one after another on the same threads, and a fresh frame-sized array per chunk was most of the render's
     *     allocation
     */
    private static byte[] scratch(int n) {
        if (n > SCRATCH_MAX) {
            return new byte[n];
        }
        byte[][] holder = SCRATCH.get();
        if (holder[0] == null || holder[0].length < n) {
            holder[0] = new byte[n];
        }
        return holder[0];
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, byte[]> ZERO_BLOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @return the stored form of a block of len zero bytes (shuffled zeros are zeros): LZ4, or raw if not smaller */
    private static byte[] zeroBlock(int len, LZ4Compressor comp) {
        return ZERO_BLOCKS.computeIfAbsent(len, l -> {
            byte[] zeros = new byte[l];
            byte[] c = new byte[comp.maxCompressedLength(l)];
            int clen = comp.compress(zeros, 0, l, c, 0, c.length);
            return clen <= 0 || clen >= l ? zeros : java.util.Arrays.copyOf(c, clen);
        });
    }

    private static byte[] memcpyFrame(byte[] raw, int typeSize) {
        byte[] out = new byte[HEADER + raw.length];
        writeHeader(out, FLAG_SHUFFLE | FLAG_MEMCPY | FLAG_DONT_SPLIT | (LZ4_CODE << 5), typeSize, raw.length,
                raw.length, out.length);
        System.arraycopy(raw, 0, out, HEADER, raw.length);
        return out;
    }

    private static void writeHeader(byte[] out, int flags, int typeSize, int nbytes, int blocksize, int cbytes) {
        out[0] = 2;
        out[1] = 1;
        out[2] = (byte) flags;
        out[3] = (byte) typeSize;
        putInt(out, 4, nbytes);
        putInt(out, 8, blocksize);
        putInt(out, 12, cbytes);
    }

    @Override
    public byte[] decode(byte[] enc, int rawSize, String where) {
        if (enc.length < HEADER) {
            throw bad(where, "frame of " + enc.length + " bytes is shorter than the 16-byte header");
        }
        int flags = enc[2] & 0xff;
        int typeSize = enc[3] & 0xff;
        int nbytes = getInt(enc, 4);
        int blocksize = getInt(enc, 8);
        int cbytes = getInt(enc, 12);
        if (enc[0] < 1 || enc[0] > 2) {
            throw bad(where, "unsupported Blosc format version " + enc[0]);
        }
        if (nbytes != rawSize) {
            throw bad(where, "frame holds " + nbytes + " bytes, the chunk needs " + rawSize);
        }
        if (cbytes < HEADER || cbytes > enc.length) {
            throw bad(where, "frame size " + cbytes + " does not match the " + enc.length + "-byte chunk file");
        }
        byte[] out = new byte[nbytes];
        if ((flags & FLAG_MEMCPY) != 0) {
            if (cbytes < HEADER + nbytes) {
                throw bad(where, "memcpy'd frame is truncated");
            }
            System.arraycopy(enc, HEADER, out, 0, nbytes);
            return out;
        }
        if (nbytes == 0) {
            return out;
        }
        int codec = (flags >> 5) & 0x7;
        if (codec != LZ4_CODE) {
            throw bad(where, "Blosc inner codec " + codec + " is not supported (only LZ4 = 1)");
        }
        if ((flags & FLAG_BITSHUFFLE) != 0) {
            throw bad(where, "Blosc bit shuffle is not supported");
        }
        if (blocksize <= 0 || typeSize == 0) {
            throw bad(where, "invalid blocksize " + blocksize + " or typesize " + typeSize);
        }
        boolean shuffle = (flags & FLAG_SHUFFLE) != 0 && typeSize > 1;
        boolean dontSplit = (flags & FLAG_DONT_SPLIT) != 0;
        int nblocks = (int) (((long) nbytes + blocksize - 1) / blocksize);
        if (HEADER + 4L * nblocks > cbytes) {
            throw bad(where, "block offsets run past the frame end");
        }
        LZ4SafeDecompressor dec = LZ4.safeDecompressor();
        byte[] tmp = new byte[Math.min(blocksize, nbytes)];
        for (int b = 0; b < nblocks; b++) {
            int start = b * blocksize;
            int bsize = Math.min(blocksize, nbytes - start);
            boolean leftover = bsize < blocksize;
            boolean split = !dontSplit && typeSize <= 16 && blocksize / typeSize >= MIN_BUFFERSIZE && !leftover;
            int nstreams = split ? typeSize : 1;
            int neblock = bsize / nstreams;
            int pos = getInt(enc, HEADER + 4 * b);
            byte[] dst = shuffle ? tmp : out;
            int dstBase = shuffle ? 0 : start;
            for (int s = 0; s < nstreams; s++) {
                if (pos < 0 || pos + 4 > cbytes) {
                    throw bad(where, "block " + b + " stream " + s + " starts outside the frame");
                }
                int clen = getInt(enc, pos);
                pos += 4;
                if (clen < 0 || pos + clen > cbytes) {
                    throw bad(where, "block " + b + " stream " + s + " of " + clen + " bytes runs past the frame end");
                }
                int at = dstBase + s * neblock;
                if (clen == neblock) {
                    System.arraycopy(enc, pos, dst, at, neblock);
                } else {
                    int got;
                    try {
                        got = dec.decompress(enc, pos, clen, dst, at, neblock);
                    } catch (LZ4Exception e) {
                        throw new ZarrFormatException("array '" + where + "': corrupt LZ4 stream in Blosc block " + b
                                + ": " + e.getMessage(), e);
                    }
                    if (got != neblock) {
                        throw bad(where, "block " + b + " stream " + s + " decodes to " + got + " bytes, expected "
                                + neblock);
                    }
                }
                pos += clen;
            }
            if (shuffle) {
                unshuffle(tmp, bsize, typeSize, out, start);
            }
        }
        return out;
    }

    private static ZarrFormatException bad(String where, String what) {
        return new ZarrFormatException("array '" + where + "': invalid Blosc chunk: " + what);
    }

    /** Byte shuffle of {@code src[off, off+len)} into {@code dst[0, len)}: dst[i·m + j] = src[j·ts + i]. */
    static void shuffle(byte[] src, int off, int len, int ts, byte[] dst) {
        int m = len / ts;
        if (ts == 4) {
            // one pass reading whole elements (the strided byte gather below is four passes)
            for (int j = 0; j < m; j++) {
                int v = (int) INT_LE.get(src, off + 4 * j);
                dst[j] = (byte) v;
                dst[m + j] = (byte) (v >>> 8);
                dst[2 * m + j] = (byte) (v >>> 16);
                dst[3 * m + j] = (byte) (v >>> 24);
            }
            System.arraycopy(src, off + m * ts, dst, m * ts, len - m * ts);
            return;
        }
        if (ts == 8) {
            for (int j = 0; j < m; j++) {
                long v = (long) LONG_LE.get(src, off + 8 * j);
                for (int b = 0; b < 8; b++) {
                    dst[b * m + j] = (byte) (v >>> (8 * b));
                }
            }
            System.arraycopy(src, off + m * ts, dst, m * ts, len - m * ts);
            return;
        }
        for (int i = 0; i < ts; i++) {
            int d = i * m;
            int s = off + i;
            for (int j = 0; j < m; j++) {
                dst[d + j] = src[s];
                s += ts;
            }
        }
        int tail = len - m * ts;
        System.arraycopy(src, off + m * ts, dst, m * ts, tail);
    }

    /** Inverse of {@link #shuffle}: {@code src[0, len)} into {@code dst[off, off+len)}. */
    static void unshuffle(byte[] src, int len, int ts, byte[] dst, int off) {
        int m = len / ts;
        if (ts == 4) {
            for (int j = 0; j < m; j++) {
                INT_LE.set(dst, off + 4 * j, (src[j] & 0xff) | (src[m + j] & 0xff) << 8
                        | (src[2 * m + j] & 0xff) << 16 | (src[3 * m + j] & 0xff) << 24);
            }
            System.arraycopy(src, m * ts, dst, off + m * ts, len - m * ts);
            return;
        }
        if (ts == 8) {
            for (int j = 0; j < m; j++) {
                long v = 0;
                for (int b = 0; b < 8; b++) {
                    v |= (src[b * m + j] & 0xffL) << (8 * b);
                }
                LONG_LE.set(dst, off + 8 * j, v);
            }
            System.arraycopy(src, m * ts, dst, off + m * ts, len - m * ts);
            return;
        }
        for (int i = 0; i < ts; i++) {
            int s = i * m;
            int d = off + i;
            for (int j = 0; j < m; j++) {
                dst[d] = src[s + j];
                d += ts;
            }
        }
        int tail = len - m * ts;
        System.arraycopy(src, m * ts, dst, off + m * ts, tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
