package org.minisim.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** numcodecs {@code gzip}: a gzip member (RFC 1952); mainly for reading stores other tools wrote. */
public record GzipCodec(int level) implements ChunkCodec {

    @Override
    public Map<String, Object> compressorConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "gzip");
        m.put("level", level);
        return m;
    }

    @Override
    public byte[] encode(byte[] raw, int typeSize) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, raw.length / 2));
        try (GZIPOutputStream gz = new GZIPOutputStream(bos) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    @Override
    public byte[] decode(byte[] encoded, int rawSize, String where) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(encoded))) {
            byte[] out = in.readNBytes(rawSize);
            if (out.length != rawSize || in.read() != -1) {
                throw new ZarrFormatException("array '" + where + "': gzip chunk does not decode to " + rawSize + " bytes");
            }
            return out;
        } catch (IOException e) {
            throw new ZarrFormatException("array '" + where + "': corrupt gzip chunk: " + e.getMessage(), e);
        }
    }
}
