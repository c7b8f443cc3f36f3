package org.minisim.render;

import org.minisim.scene.Scene;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minisim.recording.Recording;
import org.minisim.spec.Spec;

/**
 * {@code simulate(spec, until?)} (docs/physics.md#snapshots-and-partial-runs): builds the plan and renders every frame
 * in memory. This is the same renderer the Spark job runs on frame ranges, with one range; use it for small recordings
 * and tests.
 */
public final class Simulator {

    private Simulator() {}

    /** @return the whole recording of a validated spec */
    public static Recording simulate(Spec spec) {
        return simulate(spec, null);
    }

    /**
     * @param until stage name or step kind after which to stop, or null for the whole pipeline
     * @return the (partial) recording
     */
    public static Recording simulate(Spec spec, String until) {
        Scene plan = Scene.build(spec, until);
        int frames = plan.observedFrames();
        int h = plan.geometry().fovHeight(), w = plan.geometry().fovWidth();
        double[] observed = new double[Math.multiplyExact(frames, h * w)];
        Map<String, double[]> snaps = new HashMap<>();
        List<String> stages = plan.snapshotStages();
        for (String stage : stages) {
            int[] shape = plan.snapshotShape(stage);
            snaps.put(stage, new double[Math.multiplyExact(frames, shape[0] * shape[1])]);
        }
        new Renderer(plan).render(0, frames, frames == 0 ? 1 : frames, new FrameSink() {
            @Override
            public void observed(int t0, int t1, double[] block) {
                System.arraycopy(block, 0, observed, t0 * h * w, block.length);
            }

            @Override
            public void snapshot(String stage, int t0, int t1, int sh, int sw, double[] block) {
                System.arraycopy(block, 0, snaps.get(stage), t0 * sh * sw, block.length);
            }
        });
        Map<String, Recording.Snapshot> snapshots = new HashMap<>();
        for (String stage : stages) {
            int[] shape = plan.snapshotShape(stage);
            snapshots.put(stage, new Recording.Snapshot(frames, shape[0], shape[1], snaps.get(stage)));
        }
        return new Recording(spec, observed, frames, plan.groundTruth(), snapshots);
    }
}
