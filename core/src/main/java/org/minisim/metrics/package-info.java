/**
 * The scoring oracle (docs/scoring.md): how well a pipeline's estimate recovers a recording's ground truth.
 *
 * <ul>
 *   <li>{@link org.minisim.metrics.Matching#hungarianMatch} pairs estimated footprints with true ones
 *       ({@link org.minisim.metrics.SimilarityMetric IoU of energy masks, cosine, weighted Jaccard}), optionally
 *       after a global shift ({@link org.minisim.metrics.ShiftRequest}); the result is a
 *       {@link org.minisim.metrics.Match}.</li>
 *   <li>{@link org.minisim.metrics.TraceMetrics}, {@link org.minisim.metrics.MotionMetrics},
 *       {@link org.minisim.metrics.FieldMetrics}, {@link org.minisim.metrics.RoiBaseline}: temporal, motion,
 *       static-field and naive-ROI scores.</li>
 *   <li>{@link org.minisim.metrics.Score#score} runs them all for an {@link org.minisim.metrics.Estimate} against a
 *       {@link org.minisim.recording.GroundTruth} (its observed footprints, by default its detectable units) and
 *       returns a {@link org.minisim.metrics.Report}.</li>
 * </ul>
 * Footprint stacks are {@link org.minisim.footprint.ImageStack}s: logically dense {@code (n, H, W)}, stored as one
 * window per unit. Parity with the reference is documented per class (docs/scoring.md#parity-with-the-reference).
 */
package org.minisim.metrics;
