package org.minisim.job.calibrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells a calibration uses, as plain arrays (one entry per cell, NaN = null), and where they came from.
 * Built from the tables by {@link CalibrationInput}; analysed by {@link Calibration#analyze}, which needs no
 * Spark.
 *
 * @param recordingNames     {@code sweep_id/spec_cache_key} of each recording
 * @param recording          each cell's index into recordingNames
 * @param detectionSnr       {@code detection_snr}
 * @param snrWithBackground  {@code snr_with_background}
 * @param oracleEmpiricalSnr {@code oracle_empirical_snr}
 * @param recovered          the outcome
 * @param strataValues       the stratified columns by column name ({@code has_motion} as 0/1)
 * @param axes               the {@code ax_*} columns by name
 * @param inputs             provenance and row counts
 */
public record CalibrationData(List<String> recordingNames, long[] recording, double[] detectionSnr,
                              double[] snrWithBackground, double[] oracleEmpiricalSnr, boolean[] recovered,
                              Map<String, double[]> strataValues, LinkedHashMap<String, double[]> axes,
                              Inputs inputs) {

    /**
     * @param cellsUri           the cell table read
     * @param outcomesUri        the outcome table read, or null
     * @param pipelineId         the pipeline whose outcomes were used, or null
     * @param outcome            the outcome rule in command-line syntax
     * @param sweepIds           the sweeps the cells come from
     * @param cellImplVersions   distinct {@code impl_version} of the cells used
     * @param detectSnrThresholds distinct {@code detect_snr_threshold} of the cells used
     * @param rowCounts          rows at each filtering step (name → count), in order
     * @param warnings           one line each: left-out rows, approximate (auto-focus) cells
     */
    public record Inputs(String cellsUri, String outcomesUri, String pipelineId, String outcome,
                         List<String> sweepIds, List<String> cellImplVersions, List<Double> detectSnrThresholds,
                         LinkedHashMap<String, Long> rowCounts, List<String> warnings) {}

    public CalibrationData {
        int n = recording.length;
        if (detectionSnr.length != n || snrWithBackground.length != n || oracleEmpiricalSnr.length != n
                || recovered.length != n) {
            throw new IllegalArgumentException("calibration columns differ in length");
        }
        for (Map.Entry<String, double[]> e : strataValues.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " values for " + n + " cells");
            }
        }
        for (Map.Entry<String, double[]> e : axes.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " values for " + n + " cells");
            }
        }
    }

    /** @return the number of cells */
    public int size() {
        return recording.length;
    }
}
