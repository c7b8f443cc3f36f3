package org.minisim.spec;

/**
 * One vessel layer (docs/spec.md#vessellayer).
 *
 * @param depthUm          layer depth, µm (sets its blur)
 * @param nRoots           trees entering from the edges
 * @param rootRadiusUm     trunk radius, µm
 * @param minRadiusUm      capillary floor, µm
 * @param opacity          maximum absorbed fraction, (0, 1]
 * @param absorptionPerUm  Beer–Lambert coefficient, 1/µm
 * @param branchProb       bifurcation probability per step, [0, 1)
 * @param tortuosityDeg    σ of heading change per step, degrees
 * @param branchAngleDeg   base turn at a bifurcation, degrees
 * @param branchAreaMain   main child's share of the Murray cube-sum, (0.5, 1)
 * @param stepPerRadius    step length / current radius
 */
public record VesselLayer(double depthUm, int nRoots, double rootRadiusUm, double minRadiusUm, double opacity,
                          double absorptionPerUm, double branchProb, double tortuosityDeg, double branchAngleDeg,
                          double branchAreaMain, double stepPerRadius) implements java.io.Serializable {
    public static final VesselLayer DEFAULTS = new VesselLayer(30.0, 4, 22.0, 2.0, 0.85, 0.04, 0.2, 8.0, 30.0, 0.7,
            1.5);
}
