package org.minisim.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.minisim.job.table.CellMetrics;
import org.minisim.job.table.CellTableSchema;
import org.minisim.render.CellRenderStats;
import org.minisim.store.ByteStore;

/**
 * The job metadata file {@code <table>/_job_metadata/<sweep_id>.json} (OUTPUT.md §7.2): the implementation and
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

    /** @return the metadata document of one run */
    public static ObjectNode document(String sweepId, String implVersion, int framesPerTask, Instant at) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sweep_id", sweepId);
        n.put("impl_version", implVersion);
        n.put("format_version", CellMetrics.FORMAT_VERSION);
        n.put("detect_snr_threshold", CellMetrics.DETECT_SNR_THRESHOLD);
        n.put("neighbor_cosine_threshold", CellTableSchema.OVERLAP_COSINE);
        n.put("energy_frac", CellMetrics.ENERGY_FRAC);
        n.put("roi_rel_threshold", CellRenderStats.ROI_REL);
        n.put("oracle_max_units", CellRenderStats.ORACLE_MAX_UNITS);
        n.put("oracle_rule", "oracle columns null when the recording has more than "
                + CellRenderStats.ORACLE_MAX_UNITS + " units or its (N+1)^2 Gram matrix is singular");
        n.put("oracle_motion", CellRenderStats.ORACLE_MOTION);
        n.put("frames_per_task", framesPerTask);
        n.put("timestamp", at.toString());
        return n;
    }

    /** Writes (replaces) the metadata file of a run. */
    public static void write(ByteStore tableRoot, String sweepId, String implVersion, int framesPerTask)
            throws IOException {
        String text = MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(document(sweepId, implVersion, framesPerTask, Instant.now())) + "\n";
        tableRoot.put(key(sweepId), text.getBytes(StandardCharsets.UTF_8));
    }
}
