/**
 * The detection-threshold calibration ({@code minisim calibrate}): which SNR cut best predicts what a pipeline
 * (or the oracle demixing) actually recovers. {@link org.minisim.job.calibrate.Calibration#run} reads the
 * per-cell table and the outcome table with Spark and returns a
 * {@link org.minisim.job.calibrate.CalibrationResult}; the statistics live in small Spark-free classes
 * ({@link org.minisim.job.calibrate.LogisticRegression}, {@link org.minisim.job.calibrate.Roc},
 * {@link org.minisim.job.calibrate.ClusterBootstrap}, {@link org.minisim.job.calibrate.SnrFitter});
 * {@link org.minisim.job.calibrate.CalibrationPage} writes calibration.json, an HTML page and PNG charts.
 */
package org.minisim.job.calibrate;
