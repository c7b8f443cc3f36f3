package org.minisim.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-side AVI parser, independent of the writer: walks every RIFF segment's chunks, collects the frame chunks
 * in file order and the header fields, and checks each segment's standard index (ix00) and the legacy idx1
 * against the chunks it found.
 */
final class AviTestReader {

    final List<byte[]> frames = new ArrayList<>();
    int width, height, rate, scale, strhLength, avihFrames, dmlhFrames, superEntries, riffSegments;
    String handler, compression;
    int bitCount, biHeight;

    static AviTestReader read(Path file) throws IOException {
        AviTestReader r = new AviTestReader();
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 12) {
            int start = b.position();
            assertEquals("RIFF", fourcc(b), "segment at " + start);
            int size = b.getInt();
            String form = fourcc(b);
            assertEquals(r.riffSegments == 0 ? "AVI " : "AVIX", form);
            r.riffSegments++;
            r.walk(b, start + 8 + size, start);
            b.position(start + 8 + size + (size & 1));
        }
        assertEquals(0, b.remaining(), "bytes after the last RIFF segment");
        return r;
    }

    private final List<int[]> segChunks = new ArrayList<>(); // {absolute data position, size}

    private void walk(ByteBuffer b, int end, int riffStart) {
        int moviFourcc = -1;
        List<int[]> chunksHere = new ArrayList<>();
        while (b.position() + 8 <= end) {
            int at = b.position();
            String id = fourcc(b);
            int size = b.getInt();
            int data = b.position();
            int next = data + size + (size & 1);
            switch (id) {
                case "LIST" -> {
                    String type = fourcc(b);
                    if (type.equals("movi")) {
                        moviFourcc = data;
                    }
                    walk(b, data + size, riffStart);
                    if (type.equals("movi")) {
                        chunksHere.addAll(segChunks);
                        segChunks.clear();
                    }
                }
                case "avih" -> {
                    b.position(data + 16);
                    avihFrames = b.getInt();
                    b.position(data + 32);
                    width = b.getInt();
                    height = b.getInt();
                }
                case "strh" -> {
                    b.position(data + 4);
                    handler = fourcc(b);
                    b.position(data + 20);
                    scale = b.getInt();
                    rate = b.getInt();
                    b.position(data + 32);
                    strhLength = b.getInt();
                }
                case "strf" -> {
                    b.position(data + 8);
                    biHeight = b.getInt();
                    b.position(data + 14);
                    bitCount = b.getShort();
                    compression = fourcc(b);
                }
                case "indx" -> {
                    b.position(data + 4);
                    superEntries = b.getInt();
                }
                case "dmlh" -> dmlhFrames = b.getInt();
                case "00dc" -> {
                    byte[] f = new byte[size];
                    b.get(f);
                    frames.add(f);
                    segChunks.add(new int[] {data, size});
                }
                case "ix00" -> {
                    b.position(data + 4);
                    int n = b.getInt();
                    b.position(data + 12);
                    long base = b.getLong();
                    b.position(data + 24);
                    assertEquals(segChunks.size(), n, "ix00 entries");
                    for (int i = 0; i < n; i++) {
                        assertEquals(segChunks.get(i)[0], base + b.getInt(), "ix00 offset " + i);
                        assertEquals(segChunks.get(i)[1], b.getInt(), "ix00 size " + i);
                    }
                }
                case "idx1" -> {
                    assertTrue(moviFourcc > 0, "idx1 after movi");
                    assertEquals(chunksHere.size() * 16, size, "idx1 entries");
                    for (int[] c : chunksHere) {
                        assertEquals("00dc", fourcc(b));
                        assertEquals(0x10, b.getInt(), "keyframe flag");
                        assertEquals(c[0] - 8 - moviFourcc, b.getInt(), "idx1 offset");
                        assertEquals(c[1], b.getInt(), "idx1 size");
                    }
                }
                default -> { }
            }
            b.position(Math.min(next, end));
            if (at == b.position()) {
                break;
            }
        }
    }

    private static String fourcc(ByteBuffer b) {
        byte[] c = new byte[4];
        b.get(c);
        return new String(c, StandardCharsets.US_ASCII);
    }
}
