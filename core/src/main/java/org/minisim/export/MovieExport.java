package org.minisim.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.minisim.store.ByteStore;
import org.minisim.recording.io.SnapshotData;

/**
 * Exports the {@code observed} movie of a saved recording as an AVI and/or a TIFF stack, streamed one stored chunk
 * of frames at a time: memory is bounded by one chunk (≤ 8 MiB of float32 in stores written here), never the whole
 * movie. Both files are written under temporary names beside their targets and renamed when complete; on any
 * failure nothing is left behind.
 *
 * <ul>
 *   <li>AVI: 8-bit grey through the reference's mapping {@link GreyRange} (default {@code [0, 2^bit_depth − 1]}
 *       from {@code spec.json}; a movie without a sensor step needs an explicit range), at the spec's fps,
 *       uncompressed {@code Y800} or {@code MJPG}; OpenDML segments past 1 GiB ({@link AviWriter}).</li>
 *   <li>TIFF: the exact stored values, one page per frame — unsigned 8/16/32-bit counts by the sensor's bit
 *       depth, float32 without a sensor; BigTIFF past 4 GiB ({@link TiffStackWriter}).</li>
 * </ul>
 */
public final class MovieExport {

    private MovieExport() {}

    /**
     * Exports the observed movie of {@code store}.
     *
     * @throws ExportException (one line naming the store, file, field or value) for a missing store, array or
     *                         spec, an existing output without {@code overwrite}, a sensorless movie without a
     *                         range, an empty movie, or a value that is not a sensor count
     * @throws IOException     when the store cannot be read or a file cannot be written
     */
    public static ExportResult export(ByteStore store, ExportOptions o) throws IOException {
        return export(store, o, AviWriter.DEFAULT_RIFF_LIMIT, false);
    }

    /** As {@link #export(ByteStore, ExportOptions)} with a RIFF segment limit and forced BigTIFF (tests). */
    static ExportResult export(ByteStore store, ExportOptions o, long riffLimit, boolean forceBigTiff)
            throws IOException {
        if (o.avi() == null && o.tiff() == null) {
            throw new ExportException("nothing to export: give an AVI file (--avi) and/or a TIFF file (--tiff)");
        }
        if (o.avi() != null && o.tiff() != null
                && o.avi().toAbsolutePath().normalize().equals(o.tiff().toAbsolutePath().normalize())) {
            throw new ExportException("--avi and --tiff name the same file " + o.avi());
        }
        ObservedMovie movie = ObservedMovie.open(store);
        String where = store.location();
        if (o.avi() != null) {
            TempOutput.check(o.avi(), o.overwrite());
        }
        if (o.tiff() != null) {
            TempOutput.check(o.tiff(), o.overwrite());
        }
        GreyRange range = null;
        if (o.avi() != null) {
            range = o.range() != null ? o.range() : defaultRange(movie, where);
        }
        int frames = movie.frames();
        int h = movie.height(), w = movie.width();
        if (frames == 0 || h == 0 || w == 0) {
            throw new ExportException(where + ": observed has shape (" + frames + ", " + h + ", " + w
                    + "): no frames to write");
        }
        double fps = o.fps() != null ? o.fps() : movie.fps();
        TiffSample sample = o.tiff() != null ? TiffSample.forSensorBits(movie.sensorBits()) : null;

        List<TempOutput> temps = new ArrayList<>();
        AviWriter avi = null;
        TiffStackWriter tiff = null;
        JpegFrames jpeg = null;
        boolean ok = false;
        try {
            TempOutput aviOut = null, tiffOut = null;
            if (o.avi() != null) {
                aviOut = TempOutput.create(o.avi(), o.overwrite());
                temps.add(aviOut);
                avi = new AviWriter(aviOut.temp(), w, h, fps, o.codec(), frames, riffLimit);
                if (o.codec() == AviCodec.MJPG) {
                    jpeg = new JpegFrames(w, h);
                }
            }
            if (o.tiff() != null) {
                tiffOut = TempOutput.create(o.tiff(), o.overwrite());
                temps.add(tiffOut);
                tiff = new TiffStackWriter(tiffOut.temp(), w, h, frames, sample, movie.sensorBits(), fps, where,
                        forceBigTiff);
            }
            int frameLen = h * w;
            byte[] grey = new byte[frameLen];
            int step = Math.max(1, movie.chunkFrames());
            o.progress().frames(0, frames);
            for (int t0 = 0; t0 < frames; t0 += step) {
                int t1 = Math.min(frames, t0 + step);
                SnapshotData chunk = movie.read(t0, t1);
                double[] v = chunk.frames();
                for (int t = 0; t < t1 - t0; t++) {
                    if (avi != null) {
                        range.toGrey(v, t * frameLen, frameLen, grey);
                        if (jpeg != null) {
                            byte[] j = jpeg.encode(grey);
                            avi.writeFrame(j, j.length);
                        } else {
                            avi.writeFrame(grey, frameLen);
                        }
                    }
                    if (tiff != null) {
                        tiff.writeFrame(v, t * frameLen);
                    }
                }
                o.progress().frames(t1, frames);
            }
            if (avi != null) {
                avi.finish();
                avi.close();
                avi = null;
            }
            boolean big = false;
            if (tiff != null) {
                tiff.finish();
                big = tiff.isBigTiff();
                tiff.close();
                tiff = null;
            }
            for (TempOutput t : temps) {
                t.commit();
            }
            ok = true;
            return new ExportResult(frames, h, w, fps, aviOut == null ? null : aviOut.target(),
                    aviOut == null ? null : o.codec(), aviOut == null ? null : range, tiffOut == null ? null : tiffOut.target(), sample, big);
        } finally {
            if (jpeg != null) {
                jpeg.close();
            }
            closeQuietly(avi);
            closeQuietly(tiff);
            if (!ok) {
                temps.forEach(TempOutput::discard);
            }
        }
    }

    /** The reference's default range: {@code [0, 2^bit_depth − 1]} with a sensor step, else an error. */
    static GreyRange defaultRange(ObservedMovie movie, String where) {
        if (!movie.isDigitised()) {
            throw new ExportException(where + ": the spec has no 'sensor' step, so the movie has no natural grey "
                    + "scale and a range is required (--range VMIN,VMAX)");
        }
        return GreyRange.ofBitDepth(movie.sensorBits());
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the temporary file is discarded anyway
            }
        }
    }

    /** @return a one-line description of what was written, for logs */
    public static String describe(ExportResult r) {
        StringBuilder b = new StringBuilder();
        b.append(r.frames()).append(" frames of ").append(r.width()).append(" x ").append(r.height())
                .append(" px at ").append(r.fps()).append(" fps");
        if (r.avi() != null) {
            b.append("; AVI ").append(r.avi()).append(" (").append(r.codec().fourcc()).append(", grey range ").append(r.range().vmin()).append(", ")
                    .append(r.range().vmax()).append(')');
        }
        if (r.tiff() != null) {
            b.append("; TIFF ").append(r.tiff()).append(" (").append(r.tiffSample().name().toLowerCase(java.util.Locale.ROOT))
                    .append(r.bigTiff() ? ", BigTIFF" : "").append(')');
        }
        return b.toString();
    }
}
