package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;

/** Manifest lines of a sampled sweep: drawn values by path, the split label, invalid points by index. */
class ManifestTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sampledLinesCarryDrawnValuesAndTheSplit() throws Exception {
        SweepPlan plan = SweepFile.read("""
                {"sweep_format": 1, "sweep_id": "m", "base": {"steps": [{"kind": "place_neurons"}]},
                 "on_invalid_point": "skip",
                 "sample": {"count": 10, "method": "latin_hypercube", "seed": 3, "axes": [
                   {"path": "steps.place_neurons.depth_range_um[1]", "uniform": [-40, 60]},
                   {"path": "acquisition.optics.na", "uniform": [0.3, 0.6]}]},
                 "split": {"train": 0.5, "validation": 0.25, "test": 0.25},
                 "output": {"stores": "/tmp/s", "table": "/tmp/t"}}
                """);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Manifest.planned(plan)) {
            lines.add(MAPPER.readTree(l));
        }
        assertEquals(10, lines.size());
        int valid = 0;
        for (int i = 0; i < 10; i++) {
            JsonNode n = lines.get(i);
            assertEquals(i, n.get("index").intValue(), "one line per sample point, in order");
            JsonNode axes = n.get("axes");
            assertTrue(axes.get("acquisition.optics.na").isNumber(), n.toString());
            if (n.get("status").textValue().equals("invalid")) {
                assertTrue(n.get("split").isNull(), n.toString());
                assertTrue(n.get("key").isNull(), n.toString());
                assertTrue(axes.get("steps.place_neurons.depth_range_um[1]").doubleValue() < 0, n.toString());
            } else {
                SweepRecording r = plan.recordings().get(valid++);
                assertEquals(r.cacheKey(), n.get("key").textValue());
                assertEquals(r.split(), n.get("split").textValue());
                assertEquals(r.axesJson().get("acquisition.optics.na"), axes.get("acquisition.optics.na").toString());
            }
        }
        assertEquals(6, valid);
    }
}
