package org.minisim.physics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.minisim.random.RandomStreams;

/**
 * Proximal dendrites of a cytosolic cell (the dendrites of docs/physics.md#place-neurons): a clamped-Poisson number of
 * primary dendrites launched just inside the soma edge at evenly spaced, jittered angles, each a wandering chain of
 * tapering disks that may bifurcate (Murray width split) a bounded number of times. Growth is separated from
 * rasterisation: {@link #grow} returns the disks to stamp, so the caller can size its local window first.
 */
public final class DendriteArbor {

    /** Mean of the Poisson number of primary dendrites. */
    static final double MEAN_COUNT = 5.0;
    /** Clamp of the primary-dendrite count, inclusive. */
    static final int MIN_COUNT = 2, MAX_COUNT = 9;
    /** σ of the launch-angle jitter, rad. */
    static final double ANGLE_JITTER_RAD = 0.4;
    /** Per-dendrite length multiple range {@code U(0.6, 1.25)}. */
    static final double LENGTH_LO = 0.6, LENGTH_HI = 1.25;
    /** Launch point as a fraction of the soma radius. */
    static final double START_FRACTION = 0.8;
    /** Minimum stamp radius at a tip, px. */
    static final double TIP_RADIUS_PX = 0.5;
    /** Planted weight at the tip and at the base of a dendrite (dimensionless). */
    static final double TIP_INTENSITY = 0.05, BASE_INTENSITY = 0.55;
    /** σ of the per-step heading wander, rad. */
    static final double WANDER_RAD = 0.16;
    /** Per-step bifurcation probability. */
    static final double BRANCH_PROB = 0.06;
    /** Bifurcations allowed per primary dendrite. */
    static final int MAX_BRANCHES = 2;
    /** Main child's share of the Murray cube sum. */
    static final double BRANCH_AREA_MAIN = 0.62;
    /** Side-branch deviation, rad (the main bends back by half of it). */
    static final double BRANCH_ANGLE_RAD = 0.7;
    /** Side-branch length as a fraction of the parent's remaining steps. */
    static final double SIDE_LENGTH_FRACTION = 0.8;

    /**
     * One filled disk to stamp with a pixel-wise maximum.
     *
     * @param y         centre row, px (canvas index, fractional)
     * @param x         centre column, px
     * @param radius    radius ρ, px; a pixel is inside iff its squared distance ≤ ρ²
     * @param intensity planted weight in (0, 1)
     */
    public record Disk(double y, double x, double radius, double intensity) {}

    private DendriteArbor() {}

    /**
     * Grows the arbor of one cell.
     *
     * @param cy       soma centre row, px (fractional canvas index)
     * @param cx       soma centre column, px
     * @param rPx      soma radius, px
     * @param lengthPx nominal dendrite length L, px
     * @param widthPx  dendrite base width W (a diameter), px
     * @param rng      the cell's shape stream (after its soma noise)
     * @return the disks in stamping order
     */
    public static List<Disk> grow(double cy, double cx, double rPx, double lengthPx, double widthPx,
                                  UniformRandomProvider rng) {
        ContinuousSampler normal = RandomStreams.normal(rng);
        int n = Math.min(Math.max(PoissonSampler.of(rng, MEAN_COUNT).sample(), MIN_COUNT), MAX_COUNT);
        double base = 2.0 * Math.PI * rng.nextDouble();
        double[] angles = new double[n];
        for (int k = 0; k < n; k++) {
            angles[k] = base + k * (2.0 * Math.PI / n);
        }
        for (int k = 0; k < n; k++) {
            angles[k] += ANGLE_JITTER_RAD * normal.sample();
        }
        double halfW = 0.5 * widthPx;
        List<Disk> disks = new ArrayList<>();
        Deque<double[]> stack = new ArrayDeque<>();
        for (double theta : angles) {
            double length = lengthPx * (LENGTH_LO + (LENGTH_HI - LENGTH_LO) * rng.nextDouble());
            stack.push(new double[] {cy + START_FRACTION * rPx * StrictMath.sin(theta),
                cx + START_FRACTION * rPx * StrictMath.cos(theta), theta, length, widthPx, MAX_BRANCHES});
            while (!stack.isEmpty()) {
                double[] e = stack.pop();
                double y = e[0], x = e[1], heading = e[2], w = e[4];
                int branches = (int) e[5];
                int nSteps = Math.max((int) Math.rint(e[3]), 2);
                for (int i = 0; i < nSteps; i++) {
                    double frac = i / (double) (nSteps - 1);
                    double rad = Math.max(0.5 * w * (1.0 - frac), TIP_RADIUS_PX);
                    double intensity = TIP_INTENSITY + Math.min(rad / halfW, 1.0) * (BASE_INTENSITY - TIP_INTENSITY);
                    disks.add(new Disk(y, x, rad, intensity));
                    heading += WANDER_RAD * normal.sample();
                    y += StrictMath.sin(heading);
                    x += StrictMath.cos(heading);
                    if (branches > 0 && i < nSteps - 2 && rng.nextDouble() < BRANCH_PROB) {
                        double wMain = w * StrictMath.cbrt(BRANCH_AREA_MAIN);
                        double wSide = w * StrictMath.cbrt(1.0 - BRANCH_AREA_MAIN);
                        double side = rng.nextDouble() < 0.5 ? -1.0 : 1.0;
                        stack.push(new double[] {y, x, heading + side * BRANCH_ANGLE_RAD,
                            (nSteps - 1 - i) * SIDE_LENGTH_FRACTION, wSide, branches - 1});
                        heading -= side * 0.5 * BRANCH_ANGLE_RAD;
                        w = wMain;
                        branches -= 1;
                    }
                }
            }
        }
        return disks;
    }
}
