package org.minisim.table;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sweep's view of one recording: the values of the table's sweep columns, the same on each of its rows.
 *
 * @param sweepId    the sweep's id (the table partition)
 * @param cacheKey   the recording's spec cache key (16 hex)
 * @param storeUri   URI of its zarr store
 * @param pointIndex its sweep point index
 * @param seed       its spec seed
 * @param axesJson   swept path → canonical JSON of the value
 * @param axColumns  {@code ax_*} column name → numeric value (null where not numeric)
 * @param split      {@code train}, {@code validation} or {@code test}
 */
public record RecordingIdentity(String sweepId, String cacheKey, String storeUri, int pointIndex, long seed,
                                LinkedHashMap<String, String> axesJson, LinkedHashMap<String, Double> axColumns,
                                String split) implements Serializable {

    /** @return the ax_* map with every name carrying the {@code ax_} prefix */
    public static LinkedHashMap<String, Double> prefixed(Map<String, Double> ax) {
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        ax.forEach((k, v) -> out.put(k.startsWith(CellTable.AX_PREFIX) ? k : CellTable.AX_PREFIX + k, v));
        return out;
    }
}
