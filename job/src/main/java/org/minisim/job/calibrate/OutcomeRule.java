package org.minisim.job.calibrate;

/**
 * What counts as "recovered" for the calibration: a pipeline's outcome, or the pipeline-free oracle readout.
 */
public sealed interface OutcomeRule {

    /** The pipeline outcome: the outcome table's {@code recovered} column, joined on the cell key. */
    record Recovered() implements OutcomeRule {
        @Override
        public String describe() {
            return "recovered";
        }
    }

    /**
     * Pipeline-free: the cell table's own {@code oracle_trace_corr ≥ minCorr} (the oracle demixed trace
     * correlates with the true trace at least that well).
     *
     * @param minCorr the correlation bound r₀, in [-1, 1]
     */
    record OracleCorr(double minCorr) implements OutcomeRule {
        public OracleCorr {
            if (!(minCorr >= -1 && minCorr <= 1)) {
                throw new IllegalArgumentException("oracle_corr bound must be in [-1, 1], got " + minCorr);
            }
        }

        @Override
        public String describe() {
            return "oracle_corr>=" + minCorr;
        }
    }

    /** @return the rule in the command line's syntax */
    String describe();

    /**
     * @param text {@code recovered} or {@code oracle_corr>=R} (R a number in [-1, 1])
     * @throws IllegalArgumentException naming the text when it is neither
     */
    static OutcomeRule parse(String text) {
        String t = text.replace(" ", "");
        if (t.equals("recovered")) {
            return new Recovered();
        }
        String prefix = "oracle_corr>=";
        if (t.startsWith(prefix)) {
            try {
                double r = Double.parseDouble(t.substring(prefix.length()));
                if (r >= -1 && r <= 1) {
                    return new OracleCorr(r);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("--outcome must be 'recovered' or 'oracle_corr>=R' with R a number in "
                + "[-1, 1], got '" + text + "'");
    }
}
