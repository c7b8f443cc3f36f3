package org.minisim.export;

import java.nio.file.Path;

/**
 * What {@link MovieExport#export} writes. At least one of {@code avi} and {@code tiff} is given.
 *
 * @param avi       the AVI file to write, or null
 * @param tiff      the TIFF stack to write, or null
 * @param codec     the AVI frame encoding ({@link AviCodec#Y800} by default)
 * @param range     the AVI grey range, or null for the default {@code [0, 2^bit_depth − 1]} ADU (required for a
 *                  movie without a sensor step)
 * @param fps       the frame rate written to the files, Hz, or null for the spec's {@code acquisition.fps}
 * @param overwrite replace existing output files (otherwise an existing file is an error)
 * @param progress  receives frames done after every chunk
 */
public record ExportOptions(Path avi, Path tiff, AviCodec codec, GreyRange range, Double fps, boolean overwrite,
                            ExportProgress progress) {

    public ExportOptions {
        codec = codec == null ? AviCodec.Y800 : codec;
        progress = progress == null ? ExportProgress.NONE : progress;
        if (fps != null && !(fps > 0 && Double.isFinite(fps))) {
            throw new ExportException("--fps " + fps + " is not a positive frame rate");
        }
    }

    /** @return options writing only an uncompressed Y800 AVI with the default range */
    public static ExportOptions avi(Path file) {
        return new ExportOptions(file, null, AviCodec.Y800, null, null, false, null);
    }

    /** @return options writing only a TIFF stack */
    public static ExportOptions tiff(Path file) {
        return new ExportOptions(null, file, AviCodec.Y800, null, null, false, null);
    }

    public ExportOptions withAvi(Path file) {
        return new ExportOptions(file, tiff, codec, range, fps, overwrite, progress);
    }

    public ExportOptions withTiff(Path file) {
        return new ExportOptions(avi, file, codec, range, fps, overwrite, progress);
    }

    public ExportOptions withCodec(AviCodec c) {
        return new ExportOptions(avi, tiff, c, range, fps, overwrite, progress);
    }

    public ExportOptions withRange(GreyRange r) {
        return new ExportOptions(avi, tiff, codec, r, fps, overwrite, progress);
    }

    public ExportOptions withFps(Double f) {
        return new ExportOptions(avi, tiff, codec, range, f, overwrite, progress);
    }

    public ExportOptions withOverwrite(boolean o) {
        return new ExportOptions(avi, tiff, codec, range, fps, o, progress);
    }

    public ExportOptions withProgress(ExportProgress p) {
        return new ExportOptions(avi, tiff, codec, range, fps, overwrite, p);
    }
}
