/**
 * The sweep report: {@link org.minisim.job.report.SweepReport#write} turns a sweep's partition of the cell table
 * into one self-contained HTML page — summary, pictures of sample recordings, PNG charts (XChart) of
 * detectability and detection SNR against each swept axis and depth, distributions of the vessel overlap and
 * trace correlations. The table is read with parquet-hadoop ({@link org.minisim.job.report.CellTableReader}) and the numbers are
 * computed in this JVM ({@link org.minisim.job.report.SweepStats}), without Spark; the
 * pictures stream each sample's {@code observed} movie chunk by chunk
 * ({@link org.minisim.job.report.SampleImages}).
 */
package org.minisim.job.report;
