package org.minisim.store;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Not a test: measures encode/decode throughput and size of the chunk codecs on a realistic movie chunk
 * (64 × 256 × 256 8-bit counts held in float32: a smooth background of 30–120 counts plus shot noise).
 * Run: {@code java -cp <test classpath> org.minisim.store.ZarrCodecBenchmark}.
 */
public final class ZarrCodecBenchmark {

    private ZarrCodecBenchmark() {}

    static byte[] movieChunk(int t, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[t * h * w];
        for (int k = 0; k < t; k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double mean = 30 + 90 * Math.exp(-((y - h / 2.0) * (y - h / 2.0) + (x - w / 2.0) * (x - w / 2.0))
                            / (2 * (h / 3.0) * (w / 3.0)));
                    double c = Math.rint(mean + Math.sqrt(mean) * r.nextGaussian());
                    v[(k * h + y) * w + x] = Math.max(0, Math.min(255, c));
                }
            }
        }
        return ZarrDtype.F4.encode(v, 0, v.length);
    }

    public static void main(String[] args) {
        byte[] raw = movieChunk(64, 256, 256, 1);
        double mb = raw.length / 1e6;
        List<ChunkCodec> codecs = List.of(new BloscLz4Codec(), new BloscLz4Codec(1 << 20), new ZlibCodec(1),
                new ZlibCodec(5), new NullCodec());
        System.out.printf("chunk 64x256x256 <f4 = %.1f MB%n", mb);
        for (ChunkCodec c : codecs) {
            byte[] enc = null;
            for (int i = 0; i < 3; i++) {
                enc = c.encode(raw, 4);
                c.decode(enc, raw.length, "bench");
            }
            int reps = 5;
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                enc = c.encode(raw, 4);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                c.decode(enc, raw.length, "bench");
            }
            long t2 = System.nanoTime();
            System.out.printf("%-40s size %6.2f MB (ratio %.2f)  encode %7.0f MB/s  decode %7.0f MB/s%n", c,
                    enc.length / 1e6, (double) raw.length / enc.length, mb * reps / ((t1 - t0) / 1e9),
                    mb * reps / ((t2 - t1) / 1e9));
        }
    }
}
