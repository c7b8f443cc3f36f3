package org.minisim.physics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.GaussianFilter;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.Geometry;
import org.minisim.spec.Morphology;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Position3;

/**
 * {@code place_neurons} (docs/physics.md#place-neurons): where the cells are and their sharp, peak-normalised planted
 * footprints on the canvas (the FOV plus the motion margin).
 *
 * <p>Centres of every population are drawn first (population p from {@code stream(PLACE_CENTRES, p)}), then each
 * cell's shape — soma boundary noise, then dendrites — from {@code stream(PLACE_SHAPE, i)}, i the global index in
 * placement order. Each cell is rasterised into a local window only, never a full canvas.
 */
public final class NeuronPlacement {

    /** Tiny guard in the soma-noise normalisation. */
    private static final double EPS = 1e-12;

    /**
     * A placed cell.
     *
     * @param zUm     depth below the tissue surface, µm
     * @param yUm     lateral row-direction position in the optical-centre frame, µm (+ down)
     * @param xUm     lateral column-direction position, µm (+ right)
     * @param planted the sharp footprint on the canvas, peak 1, weights in [0, 1]
     */
    public record PlacedCell(double zUm, double yUm, double xUm, Footprint planted) {}

    private NeuronPlacement() {}

    /**
     * Places every population's cells and stamps their footprints.
     *
     * @param step the place_neurons step
     * @param g    the recording geometry (canvas = FOV + 2·margin)
     * @param rs   the recording's random streams
     * @return the cells in placement order (populations concatenated in list order)
     */
    public static List<PlacedCell> place(PlaceNeurons step, Geometry g, RandomStreams rs) {
        int hc = g.canvasHeight(), wc = g.canvasWidth();
        double px = g.pixelSizeUm();
        List<PlacedCell> cells = new ArrayList<>();
        List<NeuronPopulation> pops = step.resolvedPopulations();
        // every population's centres first (as the centres-only sampler), then one shape stream per cell
        List<List<double[]>> centres = new ArrayList<>();
        for (int p = 0; p < pops.size(); p++) {
            centres.add(samplePopulation(pops.get(p), g, rs, p));
        }
        int i = 0;
        for (int p = 0; p < pops.size(); p++) {
            for (double[] c : centres.get(p)) {
                Footprint fp = stamp(pops.get(p), c[1], c[2], g, hc, wc, px, rs.stream(Purpose.PLACE_SHAPE, i));
                cells.add(new PlacedCell(c[0], c[1], c[2], fp));
                i++;
            }
        }
        return cells;
    }

    /**
     * The centres {@code (z, y, x)} µm of {@link #place}, without stamping footprints.
     *
     * @param step the place_neurons step
     * @param g    the recording geometry
     * @param rs   the recording's random streams
     * @return one {@code double[3]} per cell, in placement order
     */
    public static List<double[]> sampleCentres(PlaceNeurons step, Geometry g, RandomStreams rs) {
        List<double[]> out = new ArrayList<>();
        List<NeuronPopulation> pops = step.resolvedPopulations();
        for (int p = 0; p < pops.size(); p++) {
            out.addAll(samplePopulation(pops.get(p), g, rs, p));
        }
        return out;
    }

    /**
     * Cell count of a sampled population: {@code round(ρ·A·d)} with A the canvas area in mm² and d the depth
     * band thickness in mm floored at one soma diameter.
     *
     * @param pop a population without explicit positions
     * @param g   the geometry (canvas incl. margin)
     * @return the target count (rejection sampling may end with fewer)
     */
    public static int targetCount(NeuronPopulation pop, Geometry g) {
        double areaMm2 = (g.canvasHeight() * g.pixelSizeUm() / 1000.0) * (g.canvasWidth() * g.pixelSizeUm() / 1000.0);
        double thicknessUm = Math.max(pop.depthRangeUm().hi() - pop.depthRangeUm().lo(), 2.0 * pop.somaRadiusUm());
        return (int) Math.rint(pop.densityPerMm3() * areaMm2 * (thicknessUm / 1000.0));
    }

    private static List<double[]> samplePopulation(NeuronPopulation pop, Geometry g, RandomStreams rs, int p) {
        List<double[]> out = new ArrayList<>();
        if (pop.isExplicit()) {
            for (Position3 q : pop.positionsUm()) {
                out.add(new double[] {q.z(), q.y(), q.x()});
            }
            return out;
        }
        int count = targetCount(pop, g);
        double hUm = g.canvasHeight() * g.pixelSizeUm(), wUm = g.canvasWidth() * g.pixelSizeUm();
        double zLo = pop.depthRangeUm().lo(), zHi = pop.depthRangeUm().hi();
        UniformRandomProvider rng = rs.stream(Purpose.PLACE_CENTRES, p);
        double minD = pop.minDistanceUm();
        if (!(minD > 0)) {
            for (int k = 0; k < count; k++) {
                out.add(drawCandidate(rng, zLo, zHi, hUm, wUm));
            }
            return out;
        }
        long maxAttempts = Math.max(1000L, 100L * count);
        for (long attempts = 0; out.size() < count && attempts < maxAttempts; attempts++) {
            double[] c = drawCandidate(rng, zLo, zHi, hUm, wUm);
            boolean ok = true;
            for (double[] a : out) {
                double dz = c[0] - a[0], dy = c[1] - a[1], dx = c[2] - a[2];
                if (Math.sqrt(dz * dz + dy * dy + dx * dx) < minD) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                out.add(c);
            }
        }
        return out;
    }

    /** One candidate: z ~ U(zLo, zHi), then y ~ U(−H/2, H/2), then x ~ U(−W/2, W/2) (µm, canvas extent). */
    private static double[] drawCandidate(UniformRandomProvider rng, double zLo, double zHi, double hUm, double wUm) {
        double z = zLo + (zHi - zLo) * rng.nextDouble();
        double y = -hUm / 2.0 + hUm * rng.nextDouble();
        double x = -wUm / 2.0 + wUm * rng.nextDouble();
        return new double[] {z, y, x};
    }

    /**
     * Rasterises one cell (soma, then dendrites for cytosolic cells) into a local window and trims it to its
     * tight bounding box.
     */
    static Footprint stamp(NeuronPopulation pop, double yUm, double xUm, Geometry g, int hc, int wc, double px,
                           UniformRandomProvider rng) {
        double cy = g.rowIndex(yUm, hc), cx = g.colIndex(xUm, wc);
        double rPx = pop.somaRadiusUm() / px;
        double irr = pop.irregularity();

        // soma window (half-open), clipped to the canvas
        double reach = rPx * (1.0 + Math.max(irr, 0.0)) + 1.0;
        int sy0 = Math.max((int) Math.floor(cy - reach), 0), sy1 = Math.min((int) Math.ceil(cy + reach) + 1, hc);
        int sx0 = Math.max((int) Math.floor(cx - reach), 0), sx1 = Math.min((int) Math.ceil(cx + reach) + 1, wc);
        boolean somaOnCanvas = sy0 < sy1 && sx0 < sx1;
        double[] rEff = null;
        if (somaOnCanvas && irr > 0) {
            rEff = somaRadiusField(sy1 - sy0, sx1 - sx0, rPx, irr, rng);
        }

        List<DendriteArbor.Disk> disks = List.of();
        if (pop.morphology() == Morphology.CYTOSOLIC && pop.dendriteLengthUm() > 0) {
            disks = DendriteArbor.grow(cy, cx, rPx, pop.dendriteLengthUm() / px, pop.dendriteWidthUm() / px, rng);
        }

        // local window = union of the soma window and every disk's clipped box
        int wy0 = Integer.MAX_VALUE, wy1 = Integer.MIN_VALUE, wx0 = Integer.MAX_VALUE, wx1 = Integer.MIN_VALUE;
        if (somaOnCanvas) {
            wy0 = sy0;
            wy1 = sy1;
            wx0 = sx0;
            wx1 = sx1;
        }
        for (DendriteArbor.Disk d : disks) {
            int y0 = Math.max((int) Math.floor(d.y() - d.radius()), 0);
            int y1 = Math.min((int) Math.ceil(d.y() + d.radius()) + 1, hc);
            int x0 = Math.max((int) Math.floor(d.x() - d.radius()), 0);
            int x1 = Math.min((int) Math.ceil(d.x() + d.radius()) + 1, wc);
            if (y0 < y1 && x0 < x1) {
                wy0 = Math.min(wy0, y0);
                wy1 = Math.max(wy1, y1);
                wx0 = Math.min(wx0, x0);
                wx1 = Math.max(wx1, x1);
            }
        }
        if (wy0 < wy1 && wx0 < wx1) {
            int h = wy1 - wy0, w = wx1 - wx0;
            double[] win = new double[h * w];
            if (somaOnCanvas) {
                int sw = sx1 - sx0;
                for (int yy = sy0; yy < sy1; yy++) {
                    double dy = yy - cy;
                    for (int xx = sx0; xx < sx1; xx++) {
                        double dx = xx - cx;
                        double r = rEff == null ? rPx : rEff[(yy - sy0) * sw + (xx - sx0)];
                        if (Math.sqrt(dy * dy + dx * dx) <= r) {
                            win[(yy - wy0) * w + (xx - wx0)] = 1.0;
                        }
                    }
                }
            }
            for (DendriteArbor.Disk d : disks) {
                stampDiskMax(win, h, w, wy0, wx0, hc, wc, d);
            }
            Footprint fp = Footprint.fromWindow(win, h, w, wy0, wx0, hc, wc);
            if (!fp.isEmpty()) {
                return fp;
            }
        }
        // nothing lit: the nearest canvas pixel, rounded half-even and clipped
        int iy = (int) Math.min(Math.max(Math.rint(cy), 0), hc - 1);
        int ix = (int) Math.min(Math.max(Math.rint(cx), 0), wc - 1);
        return new Footprint(iy, ix, 1, 1, new float[] {1.0f}, hc, wc);
    }

    /**
     * The lumpy soma boundary: {@code r_eff = r·(1 + ι·n)} with n a reflect-mode Gaussian-smoothed white field
     * (σ = max(r/2, 1) px) scaled to ~[−1, 1].
     */
    private static double[] somaRadiusField(int h, int w, double rPx, double irr, UniformRandomProvider rng) {
        ContinuousSampler normal = RandomStreams.normal(rng);
        double[] white = new double[h * w];
        for (int k = 0; k < white.length; k++) {
            white[k] = normal.sample();
        }
        double[] n = GaussianFilter.filter(white, h, w, Math.max(rPx / 2.0, 1.0), GaussianFilter.Boundary.REFLECT);
        double mx = Double.NEGATIVE_INFINITY, mn = Double.POSITIVE_INFINITY;
        for (double v : n) {
            mx = Math.max(mx, v);
            mn = Math.min(mn, v);
        }
        double scale = Math.max(mx, -mn) + EPS;
        for (int k = 0; k < n.length; k++) {
            n[k] = rPx * (1.0 + irr * (n[k] / scale));
        }
        return n;
    }

    /** Stamps a filled disk with a pixel-wise maximum into the local window (canvas-clipped). */
    private static void stampDiskMax(double[] win, int h, int w, int wy0, int wx0, int hc, int wc,
                                     DendriteArbor.Disk d) {
        double rho = d.radius();
        int y0 = Math.max((int) Math.floor(d.y() - rho), 0), y1 = Math.min((int) Math.ceil(d.y() + rho) + 1, hc);
        int x0 = Math.max((int) Math.floor(d.x() - rho), 0), x1 = Math.min((int) Math.ceil(d.x() + rho) + 1, wc);
        double r2 = rho * rho;
        for (int yy = y0; yy < y1; yy++) {
            double dy = yy - d.y();
            for (int xx = x0; xx < x1; xx++) {
                double dx = xx - d.x();
                if (dy * dy + dx * dx <= r2) {
                    int k = (yy - wy0) * w + (xx - wx0);
                    if (win[k] < d.intensity()) {
                        win[k] = d.intensity();
                    }
                }
            }
        }
    }
}
