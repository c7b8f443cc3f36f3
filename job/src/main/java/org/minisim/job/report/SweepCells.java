package org.minisim.job.report;

import java.util.List;
import java.util.Map;

/**
 * The columns of one sweep's cells that the report needs, read from the cell table ({@link CellTableReader}),
 * columnar and primitive: about {@code 60 + 9 × axes} bytes per cell. A numeric column keeps its values and which
 * rows have one (a null is {@code has[i] = false}).
 *
 * @param sweepId     the sweep
 * @param recordings  the recordings with at least one row, in the order they were read
 * @param recording   per cell: its recording's index in {@code recordings}
 * @param cellIndex   per cell: {@code cell_index} (−1 when null)
 * @param detectable  per cell: {@code detectable} as 1 (true), 0 (false) or −1 (null)
 * @param numbers     {@code detection_snr}, {@code depth_um}, the distribution columns and every {@code ax_*}
 *                    column the table has, by name
 */
record SweepCells(String sweepId, List<Recording> recordings, int[] recording, int[] cellIndex, byte[] detectable,
                  Map<String, Numbers> numbers) {

    /**
     * One recording of the sweep.
     *
     * @param cacheKey   {@code spec_cache_key}
     * @param storeUri   {@code store_uri}, or null
     * @param pointIndex {@code sweep_point_index}, or null
     * @param seed       {@code seed}, or null
     * @param axes       {@code axes} (path → canonical JSON value), or null
     * @param nFrames    the first non-null {@code n_frames} of its rows, or null
     */
    record Recording(String cacheKey, String storeUri, Integer pointIndex, Long seed, Map<String, String> axes,
                     Integer nFrames) {}

    /**
     * A numeric column.
     *
     * @param values the values (0 where null)
     * @param has    whether each row has a value
     */
    record Numbers(double[] values, boolean[] has) {}

    /** @return cells (rows) */
    int size() {
        return recording.length;
    }

    /** @return the numeric column of that name, or null when the table has none */
    Numbers column(String name) {
        return numbers.get(name);
    }
}
