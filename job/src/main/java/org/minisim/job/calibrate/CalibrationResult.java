package org.minisim.job.calibrate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Everything a calibration computed (what calibration.json holds), and the files it wrote.
 *
 * @param overall      the FIT over every used cell, on {@code detection_snr}
 * @param strata       per stratification, the FIT of each bin
 * @param tStar        the threshold T* the recall checks use: the overall t50, else its Youden threshold; null
 *                     when neither exists
 * @param tStarSource  {@code overall.t50}, {@code overall.youden_t}, or null
 * @param recallByAxis per {@code ax_*} column, recall above and below T* at each swept value
 * @param predictors   the FIT of each candidate predictor on the cells where it is usable
 * @param comparison   the predictors compared on the cells where all are usable
 * @param inputs       provenance and row counts
 * @param settings     the fit settings used
 * @param warnings     one line each (the inputs' and the analysis's)
 * @param written      the files written (empty when no output directory was given)
 */
public record CalibrationResult(SnrFit overall, LinkedHashMap<Stratum, List<StratumFit>> strata, Double tStar,
                                String tStarSource, LinkedHashMap<String, List<AxisRecall>> recallByAxis,
                                LinkedHashMap<String, PredictorFit> predictors, Comparison comparison,
                                CalibrationData.Inputs inputs, FitSettings settings, List<String> warnings,
                                List<Path> written) {

    /** One bin of a stratification and its FIT. */
    public record StratumFit(Stratum.Bin bin, SnrFit fit) {}

    /**
     * Recall at one value of a swept axis: among the cells with {@code snr ≥ T*} and among those below it.
     *
     * @param value            the axis value
     * @param nCells           cells at that value
     * @param nAbove           of them with {@code detection_snr ≥ T*}
     * @param recoveredAbove   of those, recovered
     * @param recallAbove      recoveredAbove / nAbove (null when nAbove = 0)
     * @param nBelow           cells below T*
     * @param recoveredBelow   of those, recovered
     * @param recoveredFractionBelow recoveredBelow / nBelow (null when nBelow = 0)
     */
    public record AxisRecall(double value, int nCells, int nAbove, int recoveredAbove, Double recallAbove,
                             int nBelow, int recoveredBelow, Double recoveredFractionBelow) {}

    /**
     * @param column   the cell-table column used as predictor
     * @param fit      its FIT on the cells where it is finite and positive
     * @param excluded cells left out because the column is null, non-finite or ≤ 0
     */
    public record PredictorFit(String column, SnrFit fit, int excluded) {}

    /**
     * The predictors on the same cells (each finite and positive in all), without bootstrap.
     *
     * @param nCells              the common cells
     * @param logLikelihood       per predictor, the maximised log-likelihood (null when it cannot be fitted)
     * @param auc                 per predictor, the AUC (null without both classes)
     * @param bestByLogLikelihood the predictor with the largest log-likelihood (same cells, same number of
     *                            parameters: also the best by AIC), or null
     * @param bestByAuc           the predictor with the largest AUC, or null
     * @param reason              why a comparison is missing, or null
     */
    public record Comparison(int nCells, LinkedHashMap<String, Double> logLikelihood,
                             LinkedHashMap<String, Double> auc, String bestByLogLikelihood, String bestByAuc,
                             String reason) {}

    /** @return this result with the files written */
    public CalibrationResult withWritten(List<Path> files) {
        return new CalibrationResult(overall, strata, tStar, tStarSource, recallByAxis, predictors, comparison,
                inputs, settings, warnings, List.copyOf(files));
    }
}
