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

    private static final Map<Scene, RecordingTable> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

    private final CellFacts facts;
    private final RenderStatistics render;

    private RecordingTable(Scene scene, String implVersion) {
        facts = CellFacts.of(scene, implVersion);
        int h = scene.geometry().fovHeight(), w = scene.geometry().fovWidth();
        LocalDemixer demixer = new LocalDemixer(facts.overlaps(), h, w, LocalDemixer.RIDGE);
        render = new RenderStatistics(facts.footprints(), facts.centerPixels(), demixer,
                scene.runs(StepKind.BRAIN_MOTION) ? scene.shifts() : null, scene.sensor() != null, h, w);
    }

    /**
     * @return the table machinery of a scene, built on first use per scene object and implementation version
     *     (concurrent first uses may build it twice; one is kept)
     */
    public static RecordingTable of(Scene scene, String implVersion) {
        RecordingTable known = SHARED.get(scene);
        if (known != null && known.facts.implVersion.equals(implVersion)) {
            return known;
        }
        RecordingTable built = new RecordingTable(scene, implVersion);
        SHARED.put(scene, built);
        return built;
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
