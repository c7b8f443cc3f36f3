package org.minisim.job.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns a recording's stored cell rows into table rows: the identity columns of this sweep (key, store URI,
 * point index, seed, axes), the stored columns, the sweep's {@code ax_*} columns and {@code sweep_id}, in the
 * order of {@link CellTableSchema#schema(List)}.
 *
 * @param sweepId     partition value
 * @param cacheKey    the recording's cache key
 * @param storeUri    URI of its store
 * @param pointIndex  sweep point index
 * @param seed        spec seed
 * @param axesJson    swept path → canonical JSON of the validated value
 * @param axColumns   {@code ax_*} name → value (null for non-numeric, e.g. "auto")
 */
public record CellTableRows(String sweepId, String cacheKey, String storeUri, int pointIndex, long seed,
                            LinkedHashMap<String, String> axesJson, LinkedHashMap<String, Double> axColumns)
        implements Serializable {

    /**
     * @param stored      rows as read by {@link CellRowsJson#read}
     * @param axisColumns the sweep's axis columns, in schema order
     */
    public List<Row> rows(List<? extends Map<String, Object>> stored, List<String> axisColumns) {
        List<Row> out = new ArrayList<>(stored.size());
        scala.collection.immutable.Map<String, String> axes = scalaMap(axesJson);
        for (Map<String, Object> s : stored) {
            List<Object> v = new ArrayList<>();
            v.add(cacheKey);
            v.add(storeUri);
            v.add(pointIndex);
            v.add(seed);
            v.add(axes);
            for (CellTableSchema.Column col : CellTableSchema.storedColumns()) {
                v.add(s.get(col.name()));
            }
            for (String ax : axisColumns) {
                Double d = axColumns.get(ax);
                v.add(d == null || d.isNaN() ? null : d);
            }
            v.add(sweepId);
            out.add(RowFactory.create(v.toArray()));
        }
        return out;
    }

    /** Normalises axis column names to carry the {@code ax_} prefix. */
    public static LinkedHashMap<String, Double> prefixed(Map<String, Double> ax) {
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        ax.forEach((k, v) -> out.put(k.startsWith(CellTableSchema.AX_PREFIX) ? k : CellTableSchema.AX_PREFIX + k,
                v));
        return out;
    }


    /** Spark's external type for a MAP column is a Scala map. */
    private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> m) {
        scala.collection.immutable.Map<String, String> out = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<String, String> e : m.entrySet()) {
            out = out.updated(e.getKey(), e.getValue());
        }
        return out;
    }
}
