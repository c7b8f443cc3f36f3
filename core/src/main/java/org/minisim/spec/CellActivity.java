package org.minisim.spec;

/**
 * {@code cell_activity} (docs/spec.md#step-cell_activity).
 *
 * @param spikeSimHz          fine spike-simulation rate, Hz
 * @param pQuiescentToActive  gate q → a probability per frame
 * @param pActiveToQuiescent  gate a → q probability per frame
 * @param activeRateHz        in-burst firing rate, Hz
 * @param quiescentRateHz     background firing rate, Hz
 * @param tauRiseS            indicator rise time constant, s
 * @param tauDecayS           indicator decay time constant, s
 * @param brightnessCv        CV of the log-normal per-cell gain (mean 1)
 * @param f0                  baseline fluorescence, a.u.
 * @param traceNoise          optional non-physical trace noise σ, a.u.
 */
public record CellActivity(double spikeSimHz, double pQuiescentToActive, double pActiveToQuiescent,
                           double activeRateHz, double quiescentRateHz, double tauRiseS, double tauDecayS,
                           double brightnessCv, double f0, double traceNoise) implements Step {
    public static final CellActivity DEFAULTS = new CellActivity(300.0, 0.005, 0.3, 150.0, 0.6, 0.05, 0.5, 0.3,
            1.0, 0.0);

    @Override
    public StepKind kind() {
        return StepKind.CELL_ACTIVITY;
    }
}
