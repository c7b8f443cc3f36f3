package org.minisim.run;

import java.util.List;
import java.util.Locale;
import org.minisim.physics.NeuronPlacement;
import org.minisim.spec.Acquisition;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.Geometry;
import org.minisim.spec.Morphology;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.Neuropil;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Position3;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;
import org.minisim.spec.Vasculature;

/**
 * An <em>estimate</em>, from the spec alone and before anything is simulated, of the heap one task of a recording
 * needs (bytes): what the driver compares with the task heap to fail a recording that cannot fit with one clear line
 * instead of running it out of memory (docs/failures.md#out-of-memory).
 *
 * <p>The parts, each an expected value, not a bound:
 * <ul>
 *   <li>{@code cells}: the expected cell count, Σ over populations of {@code round(ρ·A·d)} (density × canvas area ×
 *       depth band, as {@link NeuronPlacement#targetCount}), or the explicit positions.</li>
 *   <li>{@code patchBytes}: every cell's planted and observed footprint patch, float32, both held by the scene. The
 *       planted patch is the soma's box {@code 2·r·(1 + 0.7·irregularity) + 1} px a side (dendrites: the soma plus
 *       0.85 of the dendrite length on each side); the observed patch adds the blur window {@code 2·(ceil(4σ) + 1)}
 *       with σ of the optics model ({@code hypot(diffraction, scatter(z), NA·|z − f|)} / pixel size) averaged over
 *       the depth band, f the fixed focal depth or, for auto, the middle of the cells' depths; both clipped to the
 *       canvas as a cell at a uniform position would be.</li>
 *   <li>{@code factoredPatchBytes}: the same patches with every observed one kept as its blur's factors
 *       ({@code BlurredFootprint}: window rows × planted side float64, plus the kernel), the form a scene takes when
 *       its stored footprints would exceed a third of the heap ({@link #forHeap}).</li>
 *   <li>{@code perCellBytes}: per-cell bookkeeping besides the patches (records, optics, trace summaries, the
 *       cell-table row and its facts), {@value #PER_CELL_BYTES} bytes a cell.</li>
 *   <li>{@code traceBytes}: the trace window of the frames one task renders — float32 emission and float64 calcium
 *       per cell and frame — plus the scene's per-frame sums.</li>
 *   <li>{@code renderBytes}: the render block: up to 32 frames of canvas and FOV doubles (capped as the renderer
 *       caps it) and the block's emissions.</li>
 *   <li>{@code fieldBytes}: the static fields (neuropil components over the canvas and the frames, vessel mask,
 *       illumination, vignette, leakage and their ground-truth copies), float64.</li>
 *   <li>{@code storeBytes}: the store writer's chunk buffers (the observed movie and every snapshot), raw and
 *       encoded.</li>
 * </ul>
 * Not counted: the JVM and the driver themselves, and transient garbage. Against the real footprints of a built scene
 * the patch part is within 0.5×–2× (tested in {@code MemoryEstimateTest}).
 *
 * @param cells        expected cells
 * @param taskFrames   frames one task renders
 * @param patchBytes   planted + observed footprint patches, bytes
 * @param factoredPatchBytes planted patches + observed ones as blur factors, bytes
 * @param perCellBytes per-cell bookkeeping, bytes
 * @param traceBytes   the task's trace window, bytes
 * @param renderBytes  the render block, bytes
 * @param fieldBytes   the static fields, bytes
 * @param storeBytes   the store writer's chunk buffers, bytes
 */
public record MemoryEstimate(long cells, int taskFrames, long patchBytes, long factoredPatchBytes,
                             long perCellBytes, long traceBytes, long renderBytes, long fieldBytes, long storeBytes) {

    /** Bookkeeping per cell besides its patches, bytes. */
    public static final long PER_CELL_BYTES = 1536;
    /** Frames of the render block (as {@link RecordingRunner#BLOCK_FRAMES}). */
    private static final int BLOCK_FRAMES = RecordingRunner.BLOCK_FRAMES;
    /** The renderer's cap on one block's working arrays, bytes. */
    private static final long BLOCK_BUDGET_BYTES = 96L << 20;
    /** Depths sampled across a population's band for the mean observed window. */
    private static final int DEPTH_SAMPLES = 33;

    /** @return the whole estimate, bytes */
    public long total() {
        return patchBytes + perCellBytes + traceBytes + renderBytes + fieldBytes + storeBytes;
    }

    /**
     * @param heapBytes the heap of the task's JVM, bytes
     * @return this estimate with the footprints in the form a scene takes in that heap: stored when the observed
     *     patches fit a third of it (the scenes' allowance), else as their blur's factors where smaller
     */
    public MemoryEstimate forHeap(long heapBytes) {
        if (patchBytes <= heapBytes / 3 || factoredPatchBytes >= patchBytes) {
            return this;
        }
        return new MemoryEstimate(cells, taskFrames, factoredPatchBytes, factoredPatchBytes, perCellBytes,
                traceBytes, renderBytes, fieldBytes, storeBytes);
    }

    /**
     * @param spec          a validated spec
     * @param framesPerTask frames one task renders (the whole movie for a recording run as one task; the range
     *                      length for one split into frame ranges); clipped to the movie
     * @return the estimate with the layout's chunk length
     */
    public static MemoryEstimate of(Spec spec, int framesPerTask) {
        return of(spec, framesPerTask, RecordingArrays.chunkFrames(spec, 0));
    }

    /** @return the cells the spec places (explicit positions, else each population's target count); 0 without them */
    public static long expectedCells(Spec spec) {
        PlaceNeurons place = spec.has(StepKind.PLACE_NEURONS) ? spec.step(PlaceNeurons.class).orElse(null) : null;
        double cells = 0;
        if (place != null) {
            for (NeuronPopulation pop : place.resolvedPopulations()) {
                cells += expectedCells(pop, spec.geometry());
            }
        }
        return Math.round(cells);
    }

    private static double expectedCells(NeuronPopulation pop, Geometry g) {
        return pop.isExplicit() ? pop.positionsUm().size() : NeuronPlacement.targetCount(pop, g);
    }

    /** As {@link #of(Spec, int)} with an explicit chunk length of the observed movie, frames. */
    public static MemoryEstimate of(Spec spec, int framesPerTask, int chunkFrames) {
        Geometry g = spec.geometry();
        int movie = RecordingArrays.movieFrames(spec);
        int frames = Math.max(0, Math.min(movie, framesPerTask));
        long p = g.canvasPixels(), q = g.fovPixels();

        double cells = 0, patchFloats = 0, factoredBytes = 0;
        PlaceNeurons place = spec.has(StepKind.PLACE_NEURONS) ? spec.step(PlaceNeurons.class).orElse(null) : null;
        if (place != null) {
            List<NeuronPopulation> pops = place.resolvedPopulations();
            double focal = focalDepth(spec.acquisition(), pops);
            boolean optics = spec.has(StepKind.OPTICS);
            for (NeuronPopulation pop : pops) {
                double n = expectedCells(pop, g);
                cells += n;
                double side = plantedSide(pop, g.pixelSizeUm());
                double planted = clipped(side, g.canvasHeight()) * clipped(side, g.canvasWidth());
                double[] observed = optics ? meanObserved(spec.acquisition(), pop, side, focal, g)
                        : new double[2];
                patchFloats += n * (planted + observed[0]);
                factoredBytes += n * (4.0 * planted + Math.min(observed[1], 4.0 * observed[0]));
            }
        }
        long nCells = Math.round(cells);
        long patchBytes = Math.round(4.0 * patchFloats);
        long factoredPatchBytes = Math.round(factoredBytes);
        long perCell = nCells * PER_CELL_BYTES;
        long traceBytes = 12L * nCells * frames + 32L * g.nFrames();

        long renderBytes = 0;
        if (frames > 0) {
            long perFrame = 12L * p + 16L * q;
            int nb = (int) Math.max(1, Math.min(Math.min(BLOCK_FRAMES, chunkFrames), BLOCK_BUDGET_BYTES / perFrame));
            nb = Math.min(nb, frames);
            renderBytes = nb * (perFrame + 4L * g.canvasWidth() + 4L * nCells) + 8L * q;
        }

        long fieldFloats = 7 * q;
        if (spec.has(StepKind.NEUROPIL)) {
            int k = spec.step(Neuropil.class).map(Neuropil::nComponents).orElse(0);
            fieldFloats += (long) k * (p + q + g.nFrames());
        }
        if (spec.step(Vasculature.class).map(Vasculature::isEffective).orElse(false)) {
            fieldFloats += p + q;
        }
        long fieldBytes = 8L * fieldFloats;

        long storeBytes = 0;
        if (movie > 0) {
            int chunk = Math.max(1, Math.min(chunkFrames, movie));
            long observedChunk = (long) chunk * q * ("<f8".equals(RecordingArrays.observedDtype(spec)) ? 8 : 4);
            long snapshots = 0;
            for (RecordingArrays.Snapshot s : RecordingArrays.snapshots(spec)) {
                snapshots += 8L * chunk * s.height() * s.width();
            }
            storeBytes = 2 * (observedChunk + snapshots);
        }
        return new MemoryEstimate(nCells, frames, patchBytes, factoredPatchBytes, perCell, traceBytes, renderBytes,
                fieldBytes, storeBytes);
    }

    /** @return the parts in words: {@code 1.9 GiB (footprints 1.5 GiB for ~61000 cells, traces 250 MiB ...)} */
    public String describe() {
        return String.format(Locale.ROOT, "%s (footprints %s for ~%d cells, traces %s for %d frames, render %s, "
                        + "fields %s, store buffers %s)", bytes(total()), bytes(patchBytes + perCellBytes), cells,
                bytes(traceBytes), taskFrames, bytes(renderBytes), bytes(fieldBytes), bytes(storeBytes));
    }

    /** @return a byte count for people: {@code 512 MiB}, {@code 1.9 GiB} */
    public static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%d MiB", Math.round(b / (double) (1L << 20)));
        }
        return String.format(Locale.ROOT, "%d KiB", Math.max(0, Math.round(b / 1024.0)));
    }

    /** Side of a planted footprint's box, px. */
    static double plantedSide(NeuronPopulation pop, double pixelUm) {
        double r = pop.somaRadiusUm() / pixelUm;
        double side = 2.0 * r * (1.0 + 0.7 * Math.max(0.0, pop.irregularity())) + 1.0;
        if (pop.morphology() == Morphology.CYTOSOLIC && pop.dendriteLengthUm() > 0) {
            double reach = 0.8 * r + 0.85 * pop.dendriteLengthUm() / pixelUm + 0.5 * pop.dendriteWidthUm() / pixelUm;
            side = Math.max(side, 2.0 * reach + 1.0);
        }
        return side;
    }

    /** The focal depth the optics would use, µm: the fixed one, else the middle of every population's depths. */
    static double focalDepth(Acquisition acq, List<NeuronPopulation> pops) {
        AutoDouble f = acq.focalDepthInTissueUm();
        if (f.isNumber()) {
            return f.value();
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (NeuronPopulation pop : pops) {
            for (double z : depths(pop)) {
                lo = Math.min(lo, z);
                hi = Math.max(hi, z);
            }
        }
        return lo <= hi ? 0.5 * (lo + hi) : 0.0;
    }

    /** Depths at which a population's cells sit: its explicit ones, else samples across its band, µm. */
    private static double[] depths(NeuronPopulation pop) {
        if (pop.isExplicit()) {
            return pop.positionsUm().stream().mapToDouble(Position3::z).toArray();
        }
        double lo = pop.depthRangeUm().lo(), hi = pop.depthRangeUm().hi();
        double[] z = new double[DEPTH_SAMPLES];
        for (int i = 0; i < z.length; i++) {
            z[i] = lo + (hi - lo) * (i + 0.5) / z.length;
        }
        return z;
    }

    /**
     * @return the mean area of a population's observed windows, px² (planted side + 2·(ceil(4σ(z)) + 1), canvas
     *     clipped), and the mean bytes of the same as blur factors (window rows × planted side, plus the kernel,
     *     float64)
     */
    private static double[] meanObserved(Acquisition acq, NeuronPopulation pop, double side, double focalUm,
                                         Geometry g) {
        double[] zs = depths(pop);
        if (zs.length == 0) {
            return new double[2];
        }
        double diff = acq.optics().diffractionSigmaUm();
        double sum = 0, factored = 0;
        for (double z : zs) {
            double sigmaUm = Math.sqrt(diff * diff + Math.pow(acq.tissue().scatterSigmaUm(z), 2)
                    + Math.pow(acq.optics().defocusSigmaUm(z, focalUm), 2));
            double pad = Math.ceil(4.0 * sigmaUm / acq.pixelSizeUm()) + 1.0;
            double w = side + 2.0 * pad;
            sum += clipped(w, g.canvasHeight()) * clipped(w, g.canvasWidth());
            factored += 8.0 * (clipped(w, g.canvasHeight()) * Math.min(side, g.canvasWidth()) + 2.0 * pad + 1.0);
        }
        return new double[] {sum / zs.length, factored / zs.length};
    }

    /**
     * @return the mean length inside {@code [0, extent)} of a window of length {@code w} centred at a uniform
     *     position in it, px
     */
    static double clipped(double w, int extent) {
        double a = w / 2.0, e = extent;
        if (e <= 0) {
            return 0.0;
        }
        // integrate min(x + a, e) − max(x − a, 0) over x in [0, e], midpoint rule
        int n = 64;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = e * (i + 0.5) / n;
            s += Math.max(0.0, Math.min(x + a, e) - Math.max(x - a, 0.0));
        }
        return s / n;
    }
}
