package org.minisim.run;

import java.util.List;
import org.minisim.render.Renderer;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;

/**
 * Starts the vector composite's warm-up before a run's first render (docs/benchmark.md#vector-composite): a JVM
 * that is about to render a large composite lets the compiler work on the vector loops while the run starts and
 * builds its first scene, instead of rendering the first seconds on the plain loops.
 */
public final class CompositeWarmUp {

    /** The JDK module of the vector kernel. */
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private CompositeWarmUp() {}

    /**
     * @param specs the recordings this JVM will render
     * @return an estimate of their largest composite, multiply-adds: the most of expected cells × patch area ×
     *     frames over the specs with a composite step (from {@link MemoryEstimate}'s patch sizes, within 0.5×–2×:
     *     the full template's 256 px × 30 s ≈ 7.7·10⁹ against ~8.6·10⁹ rendered)
     */
    public static double largestComposite(List<Spec> specs) {
        double most = 0;
        for (Spec s : specs) {
            if (s.has(StepKind.COMPOSITE)) {
                int frames = RecordingArrays.movieFrames(s);
                most = Math.max(most, MemoryEstimate.of(s, frames).patchBytes() / 4.0 * frames);
            }
        }
        return most;
    }

    /**
     * When this JVM has the vector module, chooses the composite's kernel for the largest of these recordings on a
     * daemon thread (a vector kernel then starts its warm-up; below its threshold nothing happens) and returns at
     * once: the estimate takes ~0.1 s for 2000 recordings, which the caller's start need not wait for. Without the
     * module, nothing.
     */
    public static void startFor(List<Spec> specs) {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            Thread t = new Thread(() -> Renderer.prepareComposite(largestComposite(specs)),
                    "minisim-composite-estimate");
            t.setDaemon(true);
            t.start();
        }
    }
}
