package org.minisim.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A streaming AVI writer for one video stream of single-plane 8-bit grey frames (uncompressed {@code Y800} or
 * {@code MJPG}), as OpenCV's {@code VideoWriter(..., isColor=False)} writes them: BITMAPINFOHEADER with a positive
 * height and the codec as compression, rows top-down, one {@code 00dc} chunk per frame.
 *
 * <p>Large files follow OpenDML (AVI 2.0): the first {@code RIFF AVI} segment and each following
 * {@code RIFF AVIX} segment stay within {@link #DEFAULT_RIFF_LIMIT} (1 GiB) and end their {@code movi} list with a
 * standard index ({@code ix00}); the header holds a super index ({@code indx}) of those and the total frame count
 * ({@code odml/dmlh}); the first segment also carries a legacy {@code idx1} of its own frames, so AVI 1.0 readers
 * see at least the frames of the first gigabyte. Memory: two ints per frame of the current segment, the
 * frame data is never buffered.
 */
final class AviWriter implements Closeable {

    /** The size limit of one RIFF segment, bytes (1 GiB, as ffmpeg's muxer). */
    static final long DEFAULT_RIFF_LIMIT = 1L << 30;

    private static final int AVIF_HASINDEX = 0x10;
    private static final int AVIF_ISINTERLEAVED = 0x100;
    private static final int AVIF_TRUSTCKTYPE = 0x800;
    private static final int AVIIF_KEYFRAME = 0x10;
    private static final String CHUNK_ID = "00dc";
    private static final int DMLH_SIZE = 248;

    private final FileChannel ch;
    private final int width;
    private final int height;
    private final AviCodec codec;
    private final long rate;
    private final long scale;
    private final long riffLimit;
    private final int superCapacity;
    private final long[] superOffset;
    private final int[] superSize;
    private final int[] superFrames;
    private int superCount;

    private long pos;
    private long riffStart;
    private long moviStart;
    private boolean firstSegment = true;
    private int[] segOffset = new int[1024];
    private int[] segSize = new int[1024];
    private int segFrames;
    private int totalFrames;
    private int firstRiffFrames;
    /** The size field of the first RIFF, set when it is closed (0 until then). */
    private int firstRiffSize;
    private int maxChunk;
    private boolean finished;

    /**
     * Creates (or truncates) {@code file} and writes the headers.
     *
     * @param width          frame columns, px
     * @param height         frame rows, px
     * @param fps            frame rate, Hz (stored as the nearest rational rate/scale, exact for integers and
     *                       for decimals of up to five places)
     * @param expectedFrames the frames that will be written (sizes the super index; more is allowed within it)
     * @param riffLimit      the size limit of one RIFF segment, bytes ({@link #DEFAULT_RIFF_LIMIT}; smaller in tests)
     */
    AviWriter(Path file, int width, int height, double fps, AviCodec codec, int expectedFrames, long riffLimit)
            throws IOException {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new ExportException("cannot write an AVI of " + width + " x " + height + " px to " + file);
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new ExportException("cannot write an AVI at " + fps + " fps to " + file);
        }
        this.width = width;
        this.height = height;
        this.codec = codec;
        this.riffLimit = riffLimit;
        long[] q = rational(fps);
        this.rate = q[0];
        this.scale = q[1];
        long rawChunk = 8 + (long) width * height + 1;
        long perSegment = Math.max(1, (riffLimit - 8192) / (rawChunk + 24));
        long need = (Math.max(1, expectedFrames) + perSegment - 1) / perSegment;
        this.superCapacity = (int) Math.min(1 << 20, Math.max(16, 2 * need + 4));
        this.superOffset = new long[superCapacity];
        this.superSize = new int[superCapacity];
        this.superFrames = new int[superCapacity];
        this.ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        writeAt(0, header());
        pos = headerSize();
        riffStart = 0;
        moviStart = pos;
        ByteBuffer movi = Riff.buffer(12);
        Riff.fourcc(movi, "LIST");
        movi.putInt(0);
        Riff.fourcc(movi, "movi");
        append(movi.flip());
    }

    /** Appends one encoded frame: {@code len} bytes of {@code data} (Y800: H·W grey bytes; MJPG: one JPEG). */
    void writeFrame(byte[] data, int len) throws IOException {
        if (finished) {
            throw new IllegalStateException("AVI already finished");
        }
        long chunk = 8L + len + (len & 1);
        if (segFrames > 0 && pos + chunk + indexBytes(segFrames + 1) - riffStart > riffLimit) {
            closeSegment();
            openAvix();
        }
        if (chunk + indexBytes(1) + 1024 > riffLimit) {
            throw new ExportException("an AVI frame of " + len + " bytes does not fit a RIFF segment");
        }
        ByteBuffer h = Riff.buffer(8);
        Riff.fourcc(h, CHUNK_ID);
        h.putInt(len);
        append(h.flip());
        if (segFrames == segOffset.length) {
            segOffset = Arrays.copyOf(segOffset, segFrames * 2);
            segSize = Arrays.copyOf(segSize, segFrames * 2);
        }
        segOffset[segFrames] = (int) (pos - riffStart);
        segSize[segFrames] = len;
        segFrames++;
        append(ByteBuffer.wrap(data, 0, len));
        if ((len & 1) == 1) {
            append(ByteBuffer.wrap(new byte[1]));
        }
        totalFrames++;
        maxChunk = Math.max(maxChunk, len);
    }

    /** Closes the last segment and rewrites the headers with the final counts; the file is then complete. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        closeSegment();
        writeAt(0, header());
        ch.force(false);
        finished = true;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    /** @return frames written */
    int frames() {
        return totalFrames;
    }

    /** Bytes the indexes of a segment of {@code n} frames add: ix00, and idx1 in the first segment. */
    private long indexBytes(int n) {
        return 8 + 24 + 8L * n + (firstSegment ? 8 + 16L * n : 0);
    }

    private void closeSegment() throws IOException {
        if (superCount == superCapacity) {
            throw new ExportException("the AVI needs more than " + superCapacity + " RIFF segments");
        }
        long ixPos = pos;
        int ixSize = 24 + 8 * segFrames;
        ByteBuffer ix = Riff.buffer(8 + 24);
        Riff.fourcc(ix, "ix00");
        ix.putInt(ixSize);
        ix.putShort((short) 2); // wLongsPerEntry
        ix.put((byte) 0); // bIndexSubType
        ix.put((byte) 1); // bIndexType: AVI_INDEX_OF_CHUNKS
        ix.putInt(segFrames);
        Riff.fourcc(ix, CHUNK_ID);
        ix.putLong(riffStart); // qwBaseOffset
        ix.putInt(0);
        append(ix.flip());
        writeEntries(segFrames, 8, (b, i) -> b.putInt(segOffset[i]).putInt(segSize[i]));
        superOffset[superCount] = ixPos;
        superSize[superCount] = 8 + ixSize;
        superFrames[superCount] = segFrames;
        superCount++;
        long moviSize = pos - (moviStart + 8);
        ByteBuffer ms = Riff.buffer(4);
        ms.putInt((int) moviSize);
        writeAt(moviStart + 4, ms);
        if (firstSegment) {
            long moviFourcc = moviStart + 8;
            ByteBuffer idx = Riff.buffer(8);
            Riff.fourcc(idx, "idx1");
            idx.putInt(16 * segFrames);
            append(idx.flip());
            int id = Riff.fourccInt(CHUNK_ID);
            writeEntries(segFrames, 16, (b, i) -> b.putInt(id).putInt(AVIIF_KEYFRAME)
                    .putInt((int) (riffStart + segOffset[i] - 8 - moviFourcc)).putInt(segSize[i]));
            firstRiffFrames = segFrames;
        }
        int riffSize = (int) (pos - (riffStart + 8));
        if (firstSegment) {
            firstRiffSize = riffSize;
        }
        ByteBuffer rs = Riff.buffer(4);
        rs.putInt(riffSize);
        writeAt(riffStart + 4, rs);
        segFrames = 0;
        firstSegment = false;
    }

    private void openAvix() throws IOException {
        riffStart = pos;
        moviStart = pos + 12;
        ByteBuffer b = Riff.buffer(24);
        Riff.fourcc(b, "RIFF");
        b.putInt(0);
        Riff.fourcc(b, "AVIX");
        Riff.fourcc(b, "LIST");
        b.putInt(0);
        Riff.fourcc(b, "movi");
        append(b.flip());
    }

    private interface Entry {
        void put(ByteBuffer b, int i);
    }

    private void writeEntries(int n, int entryBytes, Entry e) throws IOException {
        int per = 4096;
        ByteBuffer b = Riff.buffer(per * entryBytes);
        for (int i0 = 0; i0 < n; i0 += per) {
            b.clear();
            for (int i = i0; i < Math.min(n, i0 + per); i++) {
                e.put(b, i);
            }
            b.flip();
            append(b);
        }
    }

    private int strlSize() {
        return 4 + (8 + 56) + (8 + 40) + (8 + 24 + 16 * superCapacity);
    }

    private int hdrlSize() {
        return 4 + (8 + 56) + (8 + strlSize()) + (8 + 4 + 8 + DMLH_SIZE);
    }

    private int headerSize() {
        return 12 + 8 + hdrlSize();
    }

    /** The RIFF header, hdrl list and everything in it, from the current counts. */
    private ByteBuffer header() {
        ByteBuffer b = Riff.buffer(headerSize());
        Riff.fourcc(b, "RIFF");
        b.putInt(firstRiffSize);
        Riff.fourcc(b, "AVI ");
        Riff.fourcc(b, "LIST");
        b.putInt(hdrlSize());
        Riff.fourcc(b, "hdrl");
        Riff.fourcc(b, "avih");
        b.putInt(56);
        b.putInt((int) Math.min(0xFFFFFFFFL, Math.round(1e6 * scale / rate))); // dwMicroSecPerFrame
        b.putInt((int) Math.min(Integer.MAX_VALUE, (long) Math.ceil((maxChunk + 8.0) * rate / scale)));
        b.putInt(0); // dwPaddingGranularity
        b.putInt(AVIF_HASINDEX | AVIF_ISINTERLEAVED | AVIF_TRUSTCKTYPE);
        b.putInt(firstRiffFrames); // dwTotalFrames: frames of the first RIFF (AVI 1.0 readers)
        b.putInt(0); // dwInitialFrames
        b.putInt(1); // dwStreams
        b.putInt(suggestedBuffer());
        b.putInt(width);
        b.putInt(height);
        b.put(new byte[16]); // dwReserved
        Riff.fourcc(b, "LIST");
        b.putInt(strlSize());
        Riff.fourcc(b, "strl");
        Riff.fourcc(b, "strh");
        b.putInt(56);
        Riff.fourcc(b, "vids");
        Riff.fourcc(b, codec.fourcc());
        b.putInt(0); // dwFlags
        b.putShort((short) 0).putShort((short) 0); // wPriority, wLanguage
        b.putInt(0); // dwInitialFrames
        b.putInt((int) scale);
        b.putInt((int) rate);
        b.putInt(0); // dwStart
        b.putInt(totalFrames); // dwLength
        b.putInt(suggestedBuffer());
        b.putInt(-1); // dwQuality
        b.putInt(0); // dwSampleSize
        b.putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height); // rcFrame
        Riff.fourcc(b, "strf");
        b.putInt(40);
        b.putInt(40); // biSize
        b.putInt(width);
        b.putInt(height); // positive with a fourcc compression: rows top-down
        b.putShort((short) 1); // biPlanes
        b.putShort((short) codec.bitCount());
        Riff.fourcc(b, codec.fourcc());
        b.putInt(width * height * (codec.bitCount() / 8)); // biSizeImage
        b.putInt(0).putInt(0).putInt(0).putInt(0); // pels per metre, colours used, important
        Riff.fourcc(b, "indx");
        b.putInt(24 + 16 * superCapacity);
        b.putShort((short) 4); // wLongsPerEntry
        b.put((byte) 0); // bIndexSubType
        b.put((byte) 0); // bIndexType: AVI_INDEX_OF_INDEXES
        b.putInt(superCount);
        Riff.fourcc(b, CHUNK_ID);
        b.putInt(0).putInt(0).putInt(0);
        for (int i = 0; i < superCapacity; i++) {
            b.putLong(i < superCount ? superOffset[i] : 0);
            b.putInt(i < superCount ? superSize[i] : 0);
            b.putInt(i < superCount ? superFrames[i] : 0);
        }
        Riff.fourcc(b, "LIST");
        b.putInt(4 + 8 + DMLH_SIZE);
        Riff.fourcc(b, "odml");
        Riff.fourcc(b, "dmlh");
        b.putInt(DMLH_SIZE);
        b.putInt(totalFrames);
        b.put(new byte[DMLH_SIZE - 4]);
        b.flip();
        return b;
    }

    private int suggestedBuffer() {
        return (maxChunk + 8 + 1) & ~1;
    }

    private void append(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    private void writeAt(long at, ByteBuffer b) throws IOException {
        b.rewind();
        long p = at;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }

    /**
     * @return {rate, scale} with rate / scale the best rational approximation of {@code fps} with a scale of at
     *     most 100000 (continued fractions)
     */
    static long[] rational(double fps) {
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        double x = fps;
        for (int i = 0; i < 64; i++) {
            long a = (long) Math.floor(x);
            long h2 = a * h1 + h0, k2 = a * k1 + k0;
            if (k2 > 100000 || h2 > Integer.MAX_VALUE) {
                break;
            }
            h0 = h1;
            h1 = h2;
            k0 = k1;
            k1 = k2;
            double frac = x - a;
            if (frac < 1e-12 || Math.abs((double) h1 / k1 - fps) <= 1e-12 * fps) {
                break;
            }
            x = 1.0 / frac;
        }
        if (k1 == 0) {
            return new long[] {Math.max(1, Math.round(fps)), 1};
        }
        return new long[] {h1, k1};
    }
}
