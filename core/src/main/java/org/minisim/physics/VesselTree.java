package org.minisim.physics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.minisim.random.RandomStreams;
import org.minisim.spec.VesselLayer;

/**
 * Stochastic growth of one branching vessel tree (docs/physics.md#vasculature, steps 1–2): a root on a random canvas
 * edge with an inward heading, then step-by-step growth with a Gaussian heading drift (tortuosity) and Murray-law
 * bifurcations; side branches are deferred on a stack (last pushed grown first). A branch ends below the capillary
 * floor or once it has left the canvas (the crossing segment is kept).
 */
public final class VesselTree {

    /** Per-tree safety cap on the segment count. */
    public static final int MAX_SEGMENTS = 2000;
    private static final double EPS = 1e-12;

    private VesselTree() {}

    /**
     * A bifurcation by Murray's law: {@code r_main = r·a^{1/3}}, {@code r_side = r·(1 − a)^{1/3}}, so
     * {@code r_main³ + r_side³ = r³}.
     *
     * @param r        parent radius, µm
     * @param areaMain main child's share a of the cube-sum, (0.5, 1)
     * @return {r_main, r_side}, µm
     */
    public static double[] murrayChildren(double r, double areaMain) {
        return new double[] {r * StrictMath.cbrt(areaMain), r * StrictMath.cbrt(1.0 - areaMain)};
    }

    /**
     * Seeds a root on a random edge of the canvas (draws: side, position, heading) and grows its tree (then the
     * growth draws), all from {@code rng}.
     *
     * @param layer layer parameters
     * @param hUm   canvas height, µm
     * @param wUm   canvas width, µm
     * @return the tree's segments, µm, canvas-corner frame
     */
    public static List<VesselSegment> seedAndGrow(VesselLayer layer, double hUm, double wUm,
                                                  UniformRandomProvider rng) {
        int side = rng.nextInt(4);
        double y;
        double x;
        double theta;
        switch (side) {
            case 0 -> { // top edge, heading down
                y = 0.0;
                x = uniform(rng, 0.0, wUm);
                theta = uniform(rng, 0.25, 0.75) * Math.PI;
            }
            case 1 -> { // bottom edge, heading up
                y = hUm;
                x = uniform(rng, 0.0, wUm);
                theta = uniform(rng, 1.25, 1.75) * Math.PI;
            }
            case 2 -> { // left edge, heading right
                y = uniform(rng, 0.0, hUm);
                x = 0.0;
                theta = uniform(rng, -0.4, 0.4) * Math.PI;
            }
            default -> { // right edge, heading left
                y = uniform(rng, 0.0, hUm);
                x = wUm;
                theta = uniform(rng, 0.6, 1.4) * Math.PI;
            }
        }
        return grow(y, x, theta, layer, hUm, wUm, MAX_SEGMENTS, rng);
    }

    /**
     * Grows one tree from a given root.
     *
     * @param y0          root row, µm
     * @param x0          root column, µm
     * @param headingRad  initial heading θ, rad (image convention: dy = sin θ, dx = cos θ)
     * @param layer       r0, floor, branching and tortuosity parameters
     * @param hUm         canvas height, µm (growth bounds)
     * @param wUm         canvas width, µm
     * @param maxSegments segment cap
     * @return segments in growth order (empty if r0 &lt; floor)
     */
    public static List<VesselSegment> grow(double y0, double x0, double headingRad, VesselLayer layer, double hUm,
                                           double wUm, int maxSegments, UniformRandomProvider rng) {
        ContinuousSampler normal = RandomStreams.normal(rng);
        double tortuosity = Math.toRadians(layer.tortuosityDeg());
        double angle = Math.toRadians(layer.branchAngleDeg());
        double minR = layer.minRadiusUm();
        List<VesselSegment> segments = new ArrayList<>();
        ArrayDeque<double[]> stack = new ArrayDeque<>();
        stack.push(new double[] {y0, x0, headingRad, layer.rootRadiusUm()});
        while (!stack.isEmpty() && segments.size() < maxSegments) {
            double[] b = stack.pop();
            double y = b[0];
            double x = b[1];
            double theta = b[2];
            double r = b[3];
            while (r >= minR && segments.size() < maxSegments) {
                double step = layer.stepPerRadius() * r;
                double ny = y + step * StrictMath.sin(theta);
                double nx = x + step * StrictMath.cos(theta);
                segments.add(new VesselSegment(y, x, ny, nx, r));
                y = ny;
                x = nx;
                if (!(y >= 0.0 && y <= hUm && x >= 0.0 && x <= wUm)) {
                    break; // left the canvas: keep the crossing segment, end the branch
                }
                theta += tortuosity * normal.sample();
                if (rng.nextDouble() < layer.branchProb()) {
                    double[] rr = murrayChildren(r, layer.branchAreaMain());
                    double side = rng.nextDouble() < 0.5 ? -1.0 : 1.0;
                    double ratio = rr[1] > EPS ? r / rr[1] : 1.0; // the thinner child turns more
                    stack.push(new double[] {y, x, theta + side * angle * ratio, rr[1]});
                    theta -= side * angle;
                    r = rr[0];
                }
            }
        }
        return segments;
    }

    private static double uniform(UniformRandomProvider rng, double a, double b) {
        return a + (b - a) * rng.nextDouble();
    }
}
