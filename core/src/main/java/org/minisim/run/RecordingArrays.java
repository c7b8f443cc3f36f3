package org.minisim.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.spec.Domain;
import org.minisim.spec.Geometry;
import org.minisim.spec.Output;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.StepKind;

/** The movie arrays a spec's store holds (docs/store-format.md): their frames, dtype, chunking and snapshots. */
public final class RecordingArrays {

    /** A snapshot array: stage name and frame shape, px. */
    public record Snapshot(String stage, int height, int width) {}

    private RecordingArrays() {}

    /** @return frames of the observed movie: F when a non-cell-domain step runs, else 0 (no movie) */
    public static int movieFrames(Spec spec) {
        for (Step s : spec.steps()) {
            if (s.kind().domain() != Domain.CELL) {
                return spec.geometry().nFrames();
            }
        }
        return 0;
    }

    /** @return the zarr dtype of {@code observed}: {@code <f4} or {@code <f8} */
    public static String observedDtype(Spec spec) {
        return spec.output().storeDtype() == Output.StoreDtype.FLOAT64 ? "<f8" : "<f4";
    }

    /**
     * @param override a chunk length to use instead of the layout's (≤ 0: none; tests use it to cut tiny movies
     *                 into several chunks)
     * @return frames per chunk of the observed movie and its snapshots
     */
    public static int chunkFrames(Spec spec, int override) {
        Geometry g = spec.geometry();
        return override > 0 ? override
                : RecordingLayout.observedChunkFrames(g.fovHeight(), g.fovWidth(), observedDtype(spec));
    }

    /**
     * @return the snapshot arrays of a spec that saves intermediates: one per non-cell-domain step, canvas-sized
     *     before {@code brain_motion}, FOV-sized from it on; none otherwise
     */
    public static List<Snapshot> snapshots(Spec spec) {
        List<Snapshot> out = new ArrayList<>();
        if (!spec.output().saveIntermediates()) {
            return out;
        }
        Geometry g = spec.geometry();
        for (Step s : spec.steps()) {
            StepKind k = s.kind();
            if (k.domain() == Domain.CELL) {
                continue;
            }
            boolean canvas = k.rank() < StepKind.BRAIN_MOTION.rank();
            out.add(new Snapshot(k.stageName(), canvas ? g.canvasHeight() : g.fovHeight(),
                    canvas ? g.canvasWidth() : g.fovWidth()));
        }
        return out;
    }

    /** @return the stage names of the snapshots, sorted (as the root attributes list them) */
    public static List<String> snapshotNames(Spec spec) {
        List<String> names = new ArrayList<>();
        for (Snapshot s : snapshots(spec)) {
            names.add(s.stage());
        }
        names.sort(null);
        return names;
    }

    /** Invalidates a previous commit and creates the metadata of {@code observed} and every snapshot array. */
    public static void create(RecordingStoreWriter writer, Spec spec, int chunkFrames) throws IOException {
        Geometry g = spec.geometry();
        int nFrames = movieFrames(spec);
        writer.createObserved(nFrames, g.fovHeight(), g.fovWidth(), observedDtype(spec), chunkFrames);
        for (Snapshot s : snapshots(spec)) {
            writer.createSnapshot(s.stage(), nFrames, s.height(), s.width(), chunkFrames);
        }
    }
}
