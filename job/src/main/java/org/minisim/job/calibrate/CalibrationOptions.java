package org.minisim.job.calibrate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Calibration#run} calibrates and where it writes.
 *
 * @param cellsUri    the per-cell table (Parquet, partitioned by {@code sweep_id})
 * @param outcomesUri the pipeline outcome table, required with {@link OutcomeRule.Recovered}, unused otherwise
 * @param pipelineId  the outcome table's {@code pipeline_id} to use; null = the only one present
 * @param sweepId     restrict to one {@code sweep_id}; null = every sweep in the cell table
 * @param outcome     what counts as recovered
 * @param strata      the stratifications to fit
 * @param outDir      local directory for calibration.json and the page; null = write nothing
 * @param fit         bootstrap and size settings of every FIT
 */
public record CalibrationOptions(String cellsUri, String outcomesUri, String pipelineId, String sweepId,
                                 OutcomeRule outcome, List<Stratum> strata, Path outDir, FitSettings fit) {

    public CalibrationOptions {
        if (cellsUri == null || cellsUri.isBlank()) {
            throw new IllegalArgumentException("the cell table is required");
        }
        if (outcome instanceof OutcomeRule.Recovered && (outcomesUri == null || outcomesUri.isBlank())) {
            throw new IllegalArgumentException("--outcomes TABLE is required with --outcome recovered");
        }
        strata = List.copyOf(strata);
    }

    /** @return options for the pipeline outcome {@code recovered}, every stratum, default fit settings */
    public static CalibrationOptions recovered(String cellsUri, String outcomesUri) {
        return new CalibrationOptions(cellsUri, outcomesUri, null, null, new OutcomeRule.Recovered(),
                List.of(Stratum.values()), null, FitSettings.DEFAULTS);
    }

    /** @return options for the pipeline-free outcome {@code oracle_trace_corr ≥ r}, every stratum */
    public static CalibrationOptions oracle(String cellsUri, double minCorr) {
        return new CalibrationOptions(cellsUri, null, null, null, new OutcomeRule.OracleCorr(minCorr),
                List.of(Stratum.values()), null, FitSettings.DEFAULTS);
    }

    public CalibrationOptions withPipelineId(String id) {
        return new CalibrationOptions(cellsUri, outcomesUri, id, sweepId, outcome, strata, outDir, fit);
    }

    public CalibrationOptions withSweepId(String id) {
        return new CalibrationOptions(cellsUri, outcomesUri, pipelineId, id, outcome, strata, outDir, fit);
    }

    public CalibrationOptions withStrata(List<Stratum> s) {
        return new CalibrationOptions(cellsUri, outcomesUri, pipelineId, sweepId, outcome, s, outDir, fit);
    }

    public CalibrationOptions withOutDir(Path dir) {
        return new CalibrationOptions(cellsUri, outcomesUri, pipelineId, sweepId, outcome, strata, dir, fit);
    }

    public CalibrationOptions withFit(FitSettings f) {
        return new CalibrationOptions(cellsUri, outcomesUri, pipelineId, sweepId, outcome, strata, outDir, f);
    }
}
