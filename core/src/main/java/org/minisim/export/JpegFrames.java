package org.minisim.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes 8-bit grey frames as baseline greyscale JPEGs with the JDK's ImageIO writer (one reused image). */
final class JpegFrames implements AutoCloseable {

    /** JPEG quality 0–1; 0.95 is OpenCV's default MJPG quality (95). */
    static final float QUALITY = 0.95f;

    private final BufferedImage image;
    private final byte[] pixels;
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    JpegFrames(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new ExportException("this Java runtime has no JPEG writer (javax.imageio): use --codec y800");
        }
        writer = it.next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
    }

    /** @return the JPEG of one frame of H·W grey bytes, rows top-down (valid until the next call) */
    byte[] encode(byte[] grey) throws IOException {
        System.arraycopy(grey, 0, pixels, 0, pixels.length);
        out.reset();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
