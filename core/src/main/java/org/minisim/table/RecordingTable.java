package org.minisim.table;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.minisim.scene.Scene;
import org.minisim.spec.StepKind;

/**
 * The cell-table machinery of one scene, built once and shared by the tasks of that scene in a JVM: the scene
 * facts (footprints, overlaps, per-unit optics and detectability), the oracle's demixer and the render statistics.
 * Immutable after construction.
 */
public final class RecordingTable {

    /** One build per scene object in this JVM, shared by its tasks; concurrent first uses wait for the same build. */
    private static final Map<Scene, java.util.concurrent.CompletableFuture<RecordingTable>> SHARED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final CellFacts facts;
    private final RenderStatistics render;

    private RecordingTable(Scene scene, String implVersion) {
        facts = CellFacts.of(scene, implVersion);
        int h = scene.geometry().fovHeight(), w = scene.geometry().fovWidth();
        LocalDemixer demixer = new LocalDemixer(facts.overlaps(), h, w, LocalDemixer.RIDGE);
        render = new RenderStatistics(facts.roiRuns(), facts.centerPixels(), demixer,
                scene.runs(StepKind.BRAIN_MOTION) ? scene.shifts() : null, scene.sensor() != null, h, w);
    }

    /**
     * @return the table machinery of a scene, built once per scene object and implementation version: the truth
     *     task and the range tasks of one recording in a JVM share one build (a later caller waits for it)
     */
    public static RecordingTable of(Scene scene, String implVersion) {
        java.util.concurrent.CompletableFuture<RecordingTable> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<RecordingTable> known;
        synchronized (SHARED) {
            known = SHARED.get(scene);
            if (known == null || known.isCompletedExceptionally()
                    || known.isDone() && !known.join().facts.implVersion.equals(implVersion)) {
                SHARED.put(scene, mine);
                known = null;
            }
        }
        if (known != null) {
            try {
                return known.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            RecordingTable built = new RecordingTable(scene, implVersion);
            mine.complete(built);
            return built;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** @return the scene columns of the recording's rows (render columns null) */
    public CellRows sceneRows() {
        return CellTable.sceneRows(facts);
    }

    /** @return the render statistics (a sink per rendered range) */
    public RenderStatistics render() {
        return render;
    }

    /** @return the scene facts */
    public CellFacts facts() {
        return facts;
    }
}
