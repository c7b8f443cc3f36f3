package org.minisim.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A streaming, uncompressed, little-endian multi-page TIFF: one page (IFD) per frame, one strip per page,
 * greyscale (BlackIsZero), unsigned integer or float samples. Because every size is known up front the file is
 * written strictly front to back (no seeking): header, the first IFD with an ImageJ description
 * ({@code images=F, frames=F, finterval}), all pixel data contiguously, then the IFDs of frames 1…F−1 — ImageJ's
 * own stack layout, so ImageJ opens it as a time series, and tifffile/suite2p/any baseline reader see F pages.
 *
 * <p>A file whose offsets would pass 4 GiB is written as BigTIFF (version 43, 64-bit offsets), in the same layout.
 * The JDK's ImageIO TIFF writer is not used: it cannot write BigTIFF, and it seeks back to patch every IFD.
 */
final class TiffStackWriter implements Closeable {

    /** Largest offset classic TIFF can address. */
    static final long CLASSIC_LIMIT = 0xFFFFFFFFL;

    private static final int TYPE_ASCII = 2;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final int TYPE_LONG8 = 16;

    private final OutputStream out;
    private final int width;
    private final int height;
    private final int frames;
    private final TiffSample sample;
    private final double maxCount;
    private final String source;
    private final boolean big;
    private final byte[] description;
    private final long frameBytes;
    private final long dataStart;
    private final long trailStart;
    private final int ifdSize;
    private final ByteBuffer frameBuf;
    private int written;

    /**
     * Creates (or truncates) {@code file} and writes the header and the first IFD.
     *
     * @param frames   pages F that will be written (≥ 1)
     * @param fps      frame rate, Hz (ImageJ's frame interval 1/fps s)
     * @param sensorBits ADC bits for integer samples (values must be integer counts in [0, 2^bits − 1]), or null
     * @param source   the movie's origin, named in errors
     * @param forceBig write BigTIFF even when classic TIFF would do (tests)
     */
    TiffStackWriter(Path file, int width, int height, int frames, TiffSample sample, Integer sensorBits, double fps,
                    String source, boolean forceBig) throws IOException {
        if (frames < 1 || width < 1 || height < 1) {
            throw new ExportException("cannot write a TIFF stack of " + frames + " frames of " + width + " x "
                    + height + " px");
        }
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.sample = sample;
        this.maxCount = sensorBits == null ? Double.NaN : StrictMath.pow(2.0, sensorBits) - 1.0;
        this.source = source;
        this.frameBytes = (long) width * height * sample.bytes();
        if (frameBytes > Integer.MAX_VALUE - 16) {
            throw new ExportException("a frame of " + width + " x " + height + " px is too large for one TIFF strip");
        }
        String desc = "ImageJ=1.11a\nimages=" + frames + "\n" + (frames > 1 ? "frames=" + frames + "\n" : "")
                + "finterval=" + String.format(Locale.ROOT, "%.10g", 1.0 / fps).trim() + "\nloop=false\n";
        this.description = (desc + "\0").getBytes(StandardCharsets.US_ASCII);
        int tags = 11;
        boolean classicFits = layoutEnd(false, tags) <= CLASSIC_LIMIT;
        this.big = forceBig || !classicFits;
        this.ifdSize = ifdBytes(big, tags - 1);
        int header = big ? 16 : 8;
        long descEnd = header + ifdBytes(big, tags) + description.length;
        this.dataStart = (descEnd + 7) & ~7L;
        this.trailStart = dataStart + frames * frameBytes;
        this.frameBuf = ByteBuffer.allocate((int) frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        ByteBuffer h = buf(header + ifdBytes(big, tags));
        h.put((byte) 'I').put((byte) 'I');
        if (big) {
            h.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(header);
        } else {
            h.putShort((short) 42).putInt(header);
        }
        ifd(h, 0, header + ifdBytes(big, tags));
        out.write(h.array(), 0, h.position());
        out.write(description);
        out.write(new byte[(int) (dataStart - descEnd)]);
    }

    /** @return whether the file is BigTIFF */
    boolean isBigTiff() {
        return big;
    }

    /**
     * Appends the next frame: {@code H·W} values of {@code src} from {@code offset}.
     *
     * @throws ExportException when an integer stack gets a value that is not an integer count in range
     */
    void writeFrame(double[] src, int offset) throws IOException {
        if (written == frames) {
            throw new IllegalStateException("all " + frames + " TIFF pages are written");
        }
        int n = width * height;
        ByteBuffer b = frameBuf;
        b.clear();
        switch (sample) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    b.putFloat((float) src[offset + i]);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    b.put((byte) count(src[offset + i], i));
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    b.putShort((short) count(src[offset + i], i));
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    b.putInt((int) count(src[offset + i], i));
                }
            }
        }
        out.write(b.array(), 0, b.position());
        written++;
    }

    private long count(double v, int pixel) {
        if (!(v >= 0 && v <= maxCount) || v != Math.rint(v)) {
            throw new ExportException(source + ": observed frame " + written + " pixel (" + pixel / width + ", "
                    + pixel % width + ") is " + v + ", not a sensor count in [0, " + (long) maxCount
                    + "]: cannot write it as " + sample.name().toLowerCase(Locale.ROOT) + " TIFF");
        }
        return (long) v;
    }

    /** Writes the IFDs of frames 1…F−1 and flushes; the file is then complete. */
    void finish() throws IOException {
        if (written != frames) {
            throw new IllegalStateException("TIFF stack got " + written + " of " + frames + " frames");
        }
        ByteBuffer b = buf(ifdSize);
        for (int k = 1; k < frames; k++) {
            b.clear();
            ifd(b, k, 0);
            out.write(b.array(), 0, b.position());
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Puts the IFD of page {@code k}; page 0 carries the description at {@code descOffset}. */
    private void ifd(ByteBuffer b, int k, long descOffset) {
        boolean first = k == 0;
        int n = first ? 11 : 10;
        if (big) {
            b.putLong(n);
        } else {
            b.putShort((short) n);
        }
        long strip = dataStart + k * frameBytes;
        entry(b, 256, TYPE_LONG, 1, width); // ImageWidth
        entry(b, 257, TYPE_LONG, 1, height); // ImageLength
        entry(b, 258, TYPE_SHORT, 1, sample.bits()); // BitsPerSample
        entry(b, 259, TYPE_SHORT, 1, 1); // Compression: none
        entry(b, 262, TYPE_SHORT, 1, 1); // PhotometricInterpretation: BlackIsZero
        if (first) {
            entry(b, 270, TYPE_ASCII, description.length, descOffset); // ImageDescription
        }
        entry(b, 273, big ? TYPE_LONG8 : TYPE_LONG, 1, strip); // StripOffsets
        entry(b, 277, TYPE_SHORT, 1, 1); // SamplesPerPixel
        entry(b, 278, TYPE_LONG, 1, height); // RowsPerStrip
        entry(b, 279, big ? TYPE_LONG8 : TYPE_LONG, 1, frameBytes); // StripByteCounts
        entry(b, 339, TYPE_SHORT, 1, sample.sampleFormat()); // SampleFormat
        long next = k + 1 < frames ? trailStart + (long) k * ifdSize : 0;
        if (big) {
            b.putLong(next);
        } else {
            b.putInt((int) next);
        }
    }

    /** One IFD entry whose value fits inline (SHORT/LONG/LONG8) or is an offset (ASCII). */
    private void entry(ByteBuffer b, int tag, int type, long count, long value) {
        b.putShort((short) tag).putShort((short) type);
        if (big) {
            b.putLong(count);
            if (type == TYPE_SHORT) {
                b.putShort((short) value).putShort((short) 0).putInt(0);
            } else {
                b.putLong(value);
            }
        } else {
            b.putInt((int) count);
            if (type == TYPE_SHORT) {
                b.putShort((short) value).putShort((short) 0);
            } else {
                b.putInt((int) value);
            }
        }
    }

    private static int ifdBytes(boolean big, int entries) {
        return big ? 8 + 20 * entries + 8 : 2 + 12 * entries + 4;
    }

    /** @return the file size of the layout in classic or BigTIFF form */
    private long layoutEnd(boolean bigLayout, int tags) {
        long header = bigLayout ? 16 : 8;
        long descEnd = header + ifdBytes(bigLayout, tags) + description.length;
        long data = (descEnd + 7) & ~7L;
        return data + frames * frameBytes + (frames - 1L) * ifdBytes(bigLayout, tags - 1);
    }

    private static ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
