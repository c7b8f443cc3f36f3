package org.minisim.export;

import java.util.Locale;

/** The frame encoding of an exported AVI. */
public enum AviCodec {
    /** Uncompressed 8-bit grey, one byte per pixel, rows top-down (fourcc {@code Y800}): lossless. */
    Y800("Y800", 8),
    /** One baseline greyscale JPEG per frame (fourcc {@code MJPG}): small, lossy. */
    MJPG("MJPG", 24);

    private final String fourcc;
    private final int bitCount;

    AviCodec(String fourcc, int bitCount) {
        this.fourcc = fourcc;
        this.bitCount = bitCount;
    }

    /** @return the four-character code written as the stream handler and the bitmap compression */
    public String fourcc() {
        return fourcc;
    }

    /** @return the BITMAPINFOHEADER biBitCount conventionally written for this codec */
    int bitCount() {
        return bitCount;
    }

    /**
     * @param name {@code y800} or {@code mjpg} (any case)
     * @throws ExportException naming the value otherwise
     */
    public static AviCodec parse(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "Y800" -> Y800;
            case "MJPG", "MJPEG" -> MJPG;
            default -> throw new ExportException("--codec '" + name + "' is not y800 or mjpg");
        };
    }
}
