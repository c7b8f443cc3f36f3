package org.minisim.render;

import org.minisim.scene.CompositeRows;
import org.minisim.scene.TraceWindow;
import org.minisim.scene.Scene;
import java.util.List;
import org.minisim.footprint.FootprintPatch;
import org.minisim.physics.NeuropilFields;
import org.minisim.physics.NeuropilModel;
import org.minisim.physics.SensorDigitizer;
import org.minisim.physics.ShiftCrop;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.Geometry;
import org.minisim.spec.Sensor;
import org.minisim.spec.StepKind;

/**
 * Phase B (the render of docs/physics.md#rendering-in-frame-ranges): renders any frame range of a {@link Scene} block
 * by block — composite → neuropil → vessels → motion → illumination → vignette → leakage → sensor — with literally the
 * same per-frame code whatever the range and block size. Cells are summed into a pixel in cell order (float32, as the
 * reference contraction), every other operation is frame-local, and the sensor noise of frame t comes from the
 * addressed stream (seed, sensor, t); so any partition of the frames gives identical bytes.
 */
public final class Renderer {
    /** Memory budget of one block's working arrays, bytes. */
    private static final long BLOCK_BUDGET_BYTES = 96L << 20;

    private final Scene scene;
    private final Geometry g;
    private final RandomStreams streams;

    /** @param scene the built scene to render (phase A) */
    public Renderer(Scene scene) {
        this.scene = scene;
        this.g = scene.geometry();
        this.streams = new RandomStreams(scene.spec().seed());
    }

    /**
     * Chooses the composite's row kernel for a composite of this much work ahead of the first render, so that a
     * vector kernel's warm-up (docs/benchmark.md#vector-composite) overlaps the sweep's start rather than the render's
     * first seconds; choosing again later finds the same kernel. Nothing happens below the vector kernel's threshold.
     *
     * @param multiplyAdds an estimate of the largest composite to come: Σ cells × observed patch area, px, × frames
     */
    public static void prepareComposite(double multiplyAdds) {
        CompositeRowKernel.forWork(multiplyAdds);
    }

    /** @return the composite's row kernel for frames [t0, t1) (a vector kernel's warm-up starts when chosen) */
    private CompositeRowKernel kernelFor(int t0, int t1) {
        if (!scene.runs(StepKind.COMPOSITE)) {
            return CompositeRowKernel.forWork(0);
        }
        double area = 0;
        FootprintPatch[] obs = scene.observedFootprints();
        for (int cell : scene.renderedCells()) {
            area += (double) obs[cell].ph() * obs[cell].pw();
        }
        return CompositeRowKernel.forWork(area * (t1 - t0));
    }

    /**
     * Renders frames {@code [t0, t1)} into the sink, in blocks of at most {@code blockFrames} frames.
     *
     * @param blockFrames frames held in memory at once (bounds memory; never changes the result)
     */
    public void render(int t0, int t1, int blockFrames, FrameSink sink) {
        if (t0 < 0 || t1 > scene.observedFrames() || t0 > t1) {
            throw new IllegalArgumentException("frame range [" + t0 + ", " + t1 + ") outside [0, "
                    + scene.observedFrames() + ")");
        }
        blockFrames = Math.max(1, blockFrames);
        int p = g.canvasPixels();
        int q = g.fovPixels();
        long perFrame = 8L * p + 16L * q;
        int cap = (int) Math.max(1, Math.min(Integer.MAX_VALUE, BLOCK_BUDGET_BYTES / perFrame));
        int nb = Math.min(blockFrames, cap);
        Block block = Block.forThread(Math.min(nb, Math.max(1, t1 - t0)), p, q, g.canvasWidth());
        CompositeRowKernel kernel = kernelFor(t0, t1);
        TraceWindow traces = scene.traceWindow(t0, t1);
        sink.begin(traces);
        for (int b0 = t0; b0 < t1; b0 += nb) {
            int b1 = Math.min(t1, b0 + nb);
            renderBlock(b0, b1, block, traces, sink, kernel);
        }
    }

    /**
     * Reusable per-block buffers: per-frame canvas (double), composite accumulator (float), FOV (double), one
     * frame of sensor counts, and the flat block handed to the sink (see {@link #flatten}).
     */
    private static final class Block {
        final double[][] canvas;
        final float[][] acc;
        final double[][] fov;
        final double[] counts;
        float[] emission;
        /** The composite kernel {@link #scratch} belongs to, and that kernel's working arrays for this thread. */
        CompositeRowKernel scratchOf;
        CompositeRowKernel.Scratch scratch;
        /** The last flattened block, reused while the flattened length stays the same. */
        double[] flat;

        final int frames, p, q, canvasW;

        Block(int frames, int p, int q, int canvasW) {
            this.frames = frames;
            this.p = p;
            this.q = q;
            this.canvasW = canvasW;
            canvas = new double[frames][p];
            acc = new float[frames][canvasW];
            fov = new double[frames][];
            for (int i = 0; i < frames; i++) {
                fov[i] = new double[q];
            }
            counts = new double[q];
        }

        /** The last block a thread rendered with: reused while the shapes stay the same (each render fills it). */
        private static final ThreadLocal<Block> LAST = new ThreadLocal<>();

        /** @return a block of those shapes: this thread's previous one when it matches, else a new one */
        static Block forThread(int frames, int p, int q, int canvasW) {
            Block b = LAST.get();
            if (b == null || b.frames != frames || b.p != p || b.q != q || b.canvasW != canvasW) {
                b = new Block(frames, p, q, canvasW);
                LAST.set(b);
            }
            return b;
        }
    }

    private void renderBlock(int b0, int b1, Block blk, TraceWindow traces, FrameSink sink,
                             CompositeRowKernel kernel) {
        int n = b1 - b0;
        int hc = g.canvasHeight(), wc = g.canvasWidth();
        int h = g.fovHeight(), w = g.fovWidth();
        List<String> stages = scene.snapshotStages();
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(blk.canvas[i], 0.0);
        }
        if (scene.runs(StepKind.COMPOSITE)) {
            composite(b0, n, blk, traces, kernel);
            snapshot(sink, stages, "cells_only", b0, b1, blk.canvas, hc, wc, blk);
        }
        double[] m = scene.runs(StepKind.VASCULATURE) ? scene.vesselMask() : null;
        if (scene.runs(StepKind.NEUROPIL)) {
            // without a neuropil snapshot the vessel transmission is applied in the same walk over the canvas
            boolean fuse = m != null && !stages.contains("neuropil");
            NeuropilModel.addFrames(scene.neuropil(), scene.neuropilAmplitude(), b0, blk.canvas, n,
                    fuse ? m : null);
            snapshot(sink, stages, "neuropil", b0, b1, blk.canvas, hc, wc, blk);
            if (fuse) {
                m = null;
            }
        }
        if (scene.runs(StepKind.VASCULATURE)) {
            if (m != null) {
                for (int i = 0; i < n; i++) {
                    double[] c = blk.canvas[i];
                    for (int k = 0; k < c.length; k++) {
                        c[k] *= m[k];
                    }
                }
            }
            snapshot(sink, stages, "vasculature", b0, b1, blk.canvas, hc, wc, blk);
        }
        double[][] fov = toFov(b0, n, blk);
        if (scene.runs(StepKind.BRAIN_MOTION)) {
            snapshot(sink, stages, "brain_motion", b0, b1, fov, h, w, blk);
        }
        double[] il = scene.illumination(), vg = scene.vignette(), lk = scene.leakage();
        if (il != null && vg != null && lk != null && stages.isEmpty()) {
            // no snapshot between them: the three FOV fields in one pass, the same operations in the same order
            for (int i = 0; i < n; i++) {
                double[] f = fov[i];
                for (int k = 0; k < f.length; k++) {
                    f[k] = f[k] * il[k] * vg[k] + lk[k];
                }
            }
            il = null;
            vg = null;
            lk = null;
        }
        if (il != null) {
            multiply(fov, n, scene.illumination());
            snapshot(sink, stages, "illumination_profile", b0, b1, fov, h, w, blk);
        }
        if (vg != null) {
            multiply(fov, n, scene.vignette());
            snapshot(sink, stages, "vignette", b0, b1, fov, h, w, blk);
        }
        if (lk != null) {
            double[] l = scene.leakage();
            for (int i = 0; i < n; i++) {
                double[] f = fov[i];
                for (int k = 0; k < f.length; k++) {
                    f[k] += l[k];
                }
            }
            snapshot(sink, stages, "leakage", b0, b1, fov, h, w, blk);
        }
        Sensor sensor = scene.sensor();
        if (sensor != null) {
            sink.beforeSensor(b0, b1, flatten(fov, n, h * w, blk));
            double[] counts = blk.counts;
            for (int i = 0; i < n; i++) {
                SensorDigitizer.digitize(fov[i], sensor.photonsPerUnit(), scene.spec().acquisition().imageSensor(),
                        streams.stream(Purpose.SENSOR, b0 + i), counts);
                System.arraycopy(counts, 0, fov[i], 0, counts.length);
            }
            snapshot(sink, stages, "sensor", b0, b1, fov, h, w, blk);
        }
        sink.observed(b0, b1, flatten(fov, n, h * w, blk));
    }

    /**
     * Adds Σ_i E_i(t)·Â_i into the canvas frames: float32 emissions × float32 patches, accumulated per pixel in
     * float32 in cell order (as the reference's single-precision contraction), then added to the double canvas.
     * One canvas row at a time; the row's arithmetic is a {@link CompositeRowKernel} (vector or plain Java, the same
     * bits).
     */
    private void composite(int b0, int n, Block blk, TraceWindow traces, CompositeRowKernel kernel) {
        if (traces == null || scene.renderedCells().length == 0) {
            return; // no cell renders: the canvas stays 0
        }
        int hc = g.canvasHeight(), wc = g.canvasWidth();
        float[] emission = traces.emission();
        int wn = traces.frames(), w0 = b0 - traces.t0();
        FootprintPatch[] obs = scene.observedFootprints();
        CompositeRows rows = scene.compositeRows();
        int nCells = obs.length;
        if (blk.emission == null || blk.emission.length < nCells * n) {
            blk.emission = new float[nCells * blk.canvas.length];
        }
        float[] em = blk.emission;
        for (int cell : scene.renderedCells()) {
            System.arraycopy(emission, cell * wn + w0, em, cell * n, n);
        }
        float[][] acc = blk.acc;
        if (blk.scratchOf != kernel) {
            blk.scratch = kernel.newScratch();
            blk.scratchOf = kernel;
        }
        CompositeRowKernel.Scratch scratch = blk.scratch;
        for (int y = 0; y < hc; y++) {
            int from = rows.rowStart[y], to = rows.rowStart[y + 1];
            if (from == to) {
                continue;
            }
            kernel.row(scratch, obs, rows, from, to, em, n, acc, wc);
            int base = y * wc;
            for (int i = 0; i < n; i++) {
                float[] a = acc[i];
                double[] cv = blk.canvas[i];
                for (int x = 0; x < wc; x++) {
                    cv[base + x] += a[x];
                }
            }
        }
    }

    /** Canvas → FOV: bilinear shift-and-crop with motion, else the centred crop (the canvas itself at margin 0). */
    private double[][] toFov(int b0, int n, Block blk) {
        int hc = g.canvasHeight(), wc = g.canvasWidth();
        int h = g.fovHeight(), w = g.fovWidth();
        int top = g.fovTop(), left = g.fovLeft();
        double[] shifts = scene.shifts();
        boolean motion = scene.runs(StepKind.BRAIN_MOTION);
        for (int i = 0; i < n; i++) {
            double[] src = blk.canvas[i];
            double[] dst = blk.fov[i];
            if (motion) {
                int t = b0 + i;
                ShiftCrop.apply(src, hc, wc, top, left, h, w, shifts[2 * t], shifts[2 * t + 1], dst);
            } else if (hc == h && wc == w) {
                System.arraycopy(src, 0, dst, 0, dst.length);
            } else {
                for (int r = 0; r < h; r++) {
                    System.arraycopy(src, (top + r) * wc + left, dst, r * w, w);
                }
            }
        }
        return blk.fov;
    }

    private static void multiply(double[][] frames, int n, double[] field) {
        for (int i = 0; i < n; i++) {
            double[] f = frames[i];
            for (int k = 0; k < f.length; k++) {
                f[k] *= field[k];
            }
        }
    }

    private static void snapshot(FrameSink sink, List<String> stages, String stage, int b0, int b1,
                                 double[][] frames, int h, int w, Block blk) {
        if (stages.contains(stage)) {
            sink.snapshot(stage, b0, b1, h, w, flatten(frames, b1 - b0, h * w, blk));
        }
    }

    /**
     * Copies the first {@code n} frames of {@code size} values into one row-major array of exactly
     * {@code n · size} values: the block's {@link Block#flat} array, reallocated only when that length changes
     * (the range's last, shorter block, or snapshots of another frame size). The sink sees the array only during
     * its call ({@link FrameSink}'s contract: the next flatten overwrites it).
     */
    private static double[] flatten(double[][] frames, int n, int size, Block blk) {
        double[] out = blk.flat;
        if (out == null || out.length != n * size) {
            out = new double[n * size];
            blk.flat = out;
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(frames[i], 0, out, i * size, size);
        }
        return out;
    }
}
