package org.minisim.export;

import java.nio.file.Path;

/**
 * What an export wrote.
 *
 * @param frames     frames F written to each file
 * @param height     frame rows H, px
 * @param width      frame columns W, px
 * @param fps        frame rate written, Hz
 * @param avi        the AVI written, or null
 * @param codec      the AVI codec, or null without an AVI
 * @param range      the grey range of the AVI, or null without an AVI
 * @param tiff       the TIFF stack written, or null
 * @param tiffSample the TIFF sample type, or null without a TIFF
 * @param bigTiff    whether the TIFF is BigTIFF
 */
public record ExportResult(int frames, int height, int width, double fps, Path avi, AviCodec codec, GreyRange range, Path tiff,
                           TiffSample tiffSample, boolean bigTiff) {}
