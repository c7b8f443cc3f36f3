package org.minisim.render;

import org.minisim.footprint.FootprintPatch;
import org.minisim.scene.CompositeRows;

/**
 * The composite's arithmetic for one canvas row (docs/physics.md#composite): for every frame i of a block,
 * {@code acc[i][x] = Σ_k e_k(i) · Â_k(y, x)} over the row's entries k (the cells whose observed patch covers the
 * row, in cell order), float32 products added one by one in that order from {@code +0f}. Every implementation gives
 * the same bits: a pixel outside a cell's patch adds {@code e · 0 = ±0}, which leaves a sum that started at
 * {@code +0f} unchanged.
 */
sealed interface CompositeRowKernel permits ScalarRowKernel, VectorRowKernel {

    /**
     * One thread's working arrays for {@link #row}, made by {@link #newScratch} and grown as rows need; the caller
     * keeps it with its other per-thread buffers instead of a thread-local lookup per row.
     */
    interface Scratch {}

    /** @return new working arrays for one thread's calls of {@link #row} */
    Scratch newScratch();

    /**
     * Writes row sums for frames {@code [0, n)} into {@code acc[i][0, wc)}.
     *
     * @param scratch  working arrays from this kernel's {@link #newScratch}, used by one thread at a time
     * @param observed the scene's observed footprints, indexed by cell
     * @param rows     the composite's row index
     * @param from     first entry of the row in {@code rows}
     * @param to       one past the row's last entry
     * @param emission per-cell emissions of the block, a.u.: cell c's frame i at {@code c · n + i}
     * @param n        frames in the block
     * @param acc      per-frame row sums, a.u.; each row at least {@code wc} long
     * @param wc       canvas width, px
     */
    void row(Scratch scratch, FootprintPatch[] observed, CompositeRows rows, int from, int to, float[] emission, int n,
             float[][] acc, int wc);

    /**
     * @return the vector kernel when the JVM has the {@code jdk.incubator.vector} module (the launcher adds it) and
     *     the system property {@code minisim.vector} is not {@code false}; otherwise the scalar kernel
     */
    static CompositeRowKernel best() {
        return Holder.BEST;
    }

    /**
     * Composite work below which the plain loops are used even where the vector kernel is available: the vector
     * kernel's warm-up costs a fraction of a core for up to a few seconds, which only a large composite pays back.
     */
    double VECTOR_MIN_MULTIPLY_ADDS = 1e9;

    /**
     * @param multiplyAdds the composite's work in the frames to render: Σ over rendered cells of patch area ×
     *                     frames
     * @return {@link #best()} for a composite of at least {@link #VECTOR_MIN_MULTIPLY_ADDS}, else the plain loops
     *     (the same bits either way)
     */
    static CompositeRowKernel forWork(double multiplyAdds) {
        return multiplyAdds >= VECTOR_MIN_MULTIPLY_ADDS ? best() : ScalarRowKernel.SHARED;
    }

    /** Chosen once per JVM, on the first {@link #best()} (class initialisation: a vector kernel starts its warm-up). */
    final class Holder {
        static final CompositeRowKernel BEST = choose();

        private Holder() {}

        private static CompositeRowKernel choose() {
            if (!"false".equals(System.getProperty("minisim.vector"))
                    && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                try {
                    return (CompositeRowKernel) Class.forName("org.minisim.render.VectorRowKernel")
                            .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    return ScalarRowKernel.SHARED;
                }
            }
            return ScalarRowKernel.SHARED;
        }
    }
}
