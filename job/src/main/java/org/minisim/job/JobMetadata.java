package org.minisim.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.minisim.store.ByteStore;
import org.minisim.table.CellFacts;
import org.minisim.table.CellTable;
import org.minisim.table.FootprintOverlaps;
import org.minisim.table.LocalDemixer;
import org.minisim.table.RenderStatistics;

/**
 * The job metadata file {@code <table>/_job_metadata/<sweep_id>.json} (docs/table.md#layout): the implementation and
 * the constants in force when the sweep's per-cell rows were computed, so a calibration can cite them. (Not
 * {@code _metadata/}: Spark keeps that name as a Parquet summary file, and a directory of that name breaks the
 * table's partition discovery.)
 */
public final class JobMetadata {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobMetadata() {}

    /** @return the metadata file's key under the table root */
    public static String key(String sweepId) {
        return "_job_metadata/" + sweepId + ".json";
    }

    /**
     * @param executor where the tasks ran (e.g. "2 threads in this JVM", "Spark spark://...")
     * @return the metadata document of one run
     */
    public static ObjectNode document(String sweepId, String implVersion, int framesPerTask, String executor,
                                      Instant at) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sweep_id", sweepId);
        n.put("impl_version", implVersion);
        n.put("format_version", CellFacts.FORMAT_VERSION);
        n.put("detect_snr_threshold", CellTable.DETECT_SNR_THRESHOLD);
        n.put("neighbor_cosine_threshold", FootprintOverlaps.OVERLAP_COSINE);
        n.put("footprint_support_rel", FootprintOverlaps.SUPPORT_REL);
        n.put("energy_frac", CellFacts.CORE_ENERGY);
        n.put("roi_rel_threshold", RenderStatistics.ROI_REL);
        n.put("oracle_rule", "local ridge least squares: per unit, a window where its footprint reaches "
                + LocalDemixer.WINDOW_REL + " of its peak, block sums of side <= sigma/" + LocalDemixer.SMOOTH_PER_BLOCK
                + " px, the unit and its " + FootprintOverlaps.MAX_NEIGHBOURS + " most similar neighbours plus a "
                + "constant, ridge " + LocalDemixer.RIDGE + " of each footprint's energy");
        n.put("oracle_ridge", LocalDemixer.RIDGE);
        n.put("oracle_neighbours", FootprintOverlaps.MAX_NEIGHBOURS);
        n.put("oracle_motion", "oracle window moved by each frame's true shift rounded to whole pixels");
        n.put("frames_per_task", framesPerTask);
        n.put("executor", executor);
        n.put("timestamp", at.toString());
        return n;
    }

    /** Writes (replaces) the metadata file of a run. */
    public static void write(ByteStore tableRoot, String sweepId, String implVersion, int framesPerTask,
                             String executor) throws IOException {
        String text = MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(document(sweepId, implVersion, framesPerTask, executor, Instant.now())) + "\n";
        tableRoot.put(key(sweepId), text.getBytes(StandardCharsets.UTF_8));
    }
}
