package org.minisim.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.sweep.SweepInvalidPoint;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.store.ByteStore;

/**
 * The sweep manifest {@code <table>/_manifests/<sweep_id>.jsonl} (docs/sweeps.md#what-a-run-writes): one JSON
 * line per recording — index, seed, key, split (train / validation / test; null for an invalid point), axes
 * (grid and sampled values by path), status (planned / invalid / reused / done / failed), rule ids, warnings —
 * in sweep order. Written with status {@code planned} before any simulation and rewritten with the final statuses at
 * the end (a killed driver leaves the planned manifest). Hidden from Parquet readers (leading underscore).
 */
public final class Manifest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Manifest() {}

    /** @return the manifest's key under a table root */
    public static String key(String sweepId) {
        return "_manifests/" + sweepId + ".jsonl";
    }

    /** @return manifest lines: planned recordings and invalid points */
    public static List<String> planned(SweepPlan plan) {
        return lines(plan, null);
    }

    /** @return manifest lines with the final status of every recording */
    public static List<String> lines(SweepPlan plan, List<RecordingOutcome> outcomes) {
        List<Object[]> entries = new ArrayList<>();
        for (int i = 0; i < plan.recordings().size(); i++) {
            SweepRecording r = plan.recordings().get(i);
            RecordingOutcome o = outcomes == null ? null : outcomes.get(i);
            ObjectNode n = MAPPER.createObjectNode();
            n.put("index", r.pointIndex());
            n.put("seed", r.seed());
            n.put("key", r.cacheKey());
            n.put("split", r.split());
            putAxes(n, r.axesJson());
            n.put("status", o == null ? "planned" : o.status().manifestName());
            ArrayNode ids = n.putArray("rule_ids");
            r.warnings().forEach(w -> ids.add(w.ruleId()));
            putIssues(n.putArray("warnings"), r.warnings());
            if (o != null && o.message() != null) {
                n.put("message", o.message());
            }
            entries.add(new Object[] {r.pointIndex(), r.seed(), n});
        }
        for (SweepInvalidPoint p : plan.invalidPoints()) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("index", p.pointIndex());
            if (p.seed() < 0) {
                n.putNull("seed");
            } else {
                n.put("seed", p.seed());
            }
            n.putNull("key");
            n.putNull("split");
            putAxes(n, p.axesJson());
            n.put("status", "invalid");
            ArrayNode ids = n.putArray("rule_ids");
            p.ruleIds().forEach(ids::add);
            putIssues(n.putArray("errors"), p.issues());
            n.putArray("warnings");
            entries.add(new Object[] {p.pointIndex(), p.seed(), n});
        }
        entries.sort(Comparator.<Object[]>comparingInt(e -> (Integer) e[0]).thenComparingLong(e -> (Long) e[1]));
        List<String> out = new ArrayList<>();
        for (Object[] e : entries) {
            out.add(e[2].toString());
        }
        return out;
    }

    /** Writes (replaces) the manifest. */
    public static void write(ByteStore tableRoot, String sweepId, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        tableRoot.put(key(sweepId), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void putAxes(ObjectNode n, Map<String, String> axesJson) {
        ObjectNode axes = n.putObject("axes");
        axesJson.forEach((k, v) -> {
            try {
                axes.set(k, MAPPER.readTree(v));
            } catch (IOException e) {
                axes.put(k, v);
            }
        });
    }

    private static void putIssues(ArrayNode arr, List<SpecIssue> issues) {
        for (SpecIssue is : issues) {
            ObjectNode w = arr.addObject();
            w.put("rule_id", is.ruleId());
            w.put("path", is.path());
            w.put("value", is.value());
            w.put("message", is.message());
        }
    }
}
