package org.minisim.table;

/**
 * One unit's FOV footprint with everything the table derives from its values, computed in one visit of those
 * values: a footprint kept as its blur's factors is made stored for that visit only, so a recording's table never
 * holds more than one stored footprint per thread. Afterwards the table reads values only through
 * {@link FovFootprint#copyBox} (the sharp pairs of {@link FootprintOverlaps}, the oracle columns of
 * {@link LocalDemixer}).
 *
 * @param full        the whole footprint (a view, no copy)
 * @param support     the same on its support box ({@link FootprintOverlaps#SUPPORT_REL})
 * @param window      the same on the oracle window's box ({@link LocalDemixer#WINDOW_REL})
 * @param level       its {@link MidpointLattice} level (of its cosines)
 * @param oracleLevel its oracle level ({@link LocalDemixer#SMOOTH_PER_BLOCK}), never finer than {@code level}
 * @param samples     its lattice samples at levels 1 … level (index 0 unused: level 0 is the footprint)
 * @param energy      Σ a² on the support at level 0 and on each lattice level
 * @param blockSums   its block sums at its oracle level (null at level 0)
 * @param summary     peak, integral and energy core ({@link CellFacts#CORE_ENERGY}) of the whole footprint
 * @param roiRuns     its ROI mask ({@link RenderStatistics#ROI_REL}) as row runs {@code (y, x0, x1)}
 */
record UnitFootprint(FovFootprint full, FovFootprint support, FovFootprint window, int level, int oracleLevel,
                     LatticeSamples[] samples, double[] energy, BlockSums blockSums, FootprintSummary summary,
                     int[] roiRuns) {

    /**
     * @param full    the unit's whole FOV footprint
     * @param sigmaPx its observed blur σ, px (NaN: no optics, level 0)
     * @param rows    the FOV rows' lattice
     * @param cols    the FOV columns' lattice
     */
    static UnitFootprint of(FovFootprint full, double sigmaPx, MidpointLattice rows, MidpointLattice cols) {
        FovFootprint values = full.stored();
        float[] rowMax = values.rowMaxima();
        FovFootprint support = values.support(FootprintOverlaps.SUPPORT_REL, rowMax);
        FovFootprint window = values.support(LocalDemixer.WINDOW_REL, rowMax);
        int level = MidpointLattice.level(sigmaPx);
        int oracleLevel = FootprintOverlaps.level(sigmaPx, LocalDemixer.SMOOTH_PER_BLOCK);
        LatticeSamples[] samples = new LatticeSamples[level + 1];
        double[] energy = new double[level + 1];
        energy[0] = FootprintOverlaps.selfDot(support);
        for (int l = 1; l <= level; l++) {
            samples[l] = new LatticeSamples(support, l, rows, cols);
            energy[l] = samples[l].energy;
        }
        BlockSums sums = oracleLevel > 0 ? new BlockSums(values, oracleLevel) : null;
        FootprintSummary summary = FootprintSummary.of(values, CellFacts.CORE_ENERGY, support);
        int[] runs = RenderStatistics.runs(support);
        return new UnitFootprint(full, full.withBox(support.y0(), support.y1(), support.x0(), support.x1()),
                full.withBox(window.y0(), window.y1(), window.x0(), window.x1()), level, oracleLevel, samples,
                energy, sums, summary, runs);
    }
}
