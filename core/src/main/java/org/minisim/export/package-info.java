/**
 * Movie export of a saved recording's {@code observed} array: {@link org.minisim.export.MovieExport#export} writes
 * an AVI and/or a TIFF stack, streamed one stored chunk at a time (memory bounded by a chunk, never the movie).
 *
 * <ul>
 *   <li>AVI ({@link org.minisim.export.AviWriter}): single-plane 8-bit grey as the reference's OpenCV writer
 *       produces — {@code Y800} uncompressed (default, exact) or {@code MJPG} (ImageIO JPEG, quality 95) — through
 *       the reference's grey mapping {@link org.minisim.export.GreyRange}, at the spec's fps. Past 1 GiB the file
 *       is OpenDML (AVI 2.0): {@code RIFF AVIX} segments of at most 1 GiB, each with an {@code ix00} standard
 *       index, an {@code indx} super index and {@code odml/dmlh} total frames in the header, and a legacy
 *       {@code idx1} for the first segment. One file, never split.</li>
 *   <li>TIFF ({@link org.minisim.export.TiffStackWriter}): the exact stored values, one uncompressed page per
 *       frame, unsigned 8/16/32-bit by the sensor bit depth or float32 without a sensor, in ImageJ's stack layout;
 *       BigTIFF past 4 GiB (one file, never numbered parts). Hand-written because the JDK's ImageIO TIFF writer
 *       writes no BigTIFF and was ~60× slower (2000 frames of 256 × 256 uint16: 25 s against 0.4 s).</li>
 * </ul>
 * Outputs are written under hidden temporary names beside their targets and renamed when complete
 * ({@link org.minisim.export.TempOutput}); every refusal is an {@link org.minisim.export.ExportException} of one
 * line.
 */
package org.minisim.export;
