package org.minisim.store;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** numcodecs {@code zlib}: a standard zlib stream (with header), java.util.zip. */
public record ZlibCodec(int level) implements ChunkCodec {

    public ZlibCodec {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("zlib level must be in [0, 9], got " + level);
        }
    }

    @Override
    public Map<String, Object> compressorConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "zlib");
        m.put("level", level);
        return m;
    }

    @Override
    public byte[] encode(byte[] raw, int typeSize) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 2));
            byte[] buf = new byte[64 * 1024];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    @Override
    public byte[] decode(byte[] encoded, int rawSize, String where) {
        return inflate(encoded, rawSize, where, false, "zlib");
    }

    static byte[] inflate(byte[] encoded, int rawSize, String where, boolean nowrap, String what) {
        Inflater inf = new Inflater(nowrap);
        try {
            inf.setInput(encoded);
            byte[] out = new byte[rawSize];
            int at = 0;
            while (at < rawSize && !inf.finished()) {
                int n = inf.inflate(out, at, rawSize - at);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                at += n;
            }
            if (at != rawSize) {
                throw new ZarrFormatException("array '" + where + "': " + what + " chunk decodes to " + at
                        + " bytes, expected " + rawSize);
            }
            return out;
        } catch (DataFormatException e) {
            throw new ZarrFormatException("array '" + where + "': corrupt " + what + " chunk: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }
}
