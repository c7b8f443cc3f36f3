package org.minisim.table;

/** Where a column's value comes from (docs/table.md#sources). */
public enum ColumnSource {
    /** Set from the sweep for each recording: its key, store, point, seed, axes, split, sweep id. */
    SWEEP,
    /** Known once phase A is built: from the spec, the scene and the ground truth (recomputable from a store). */
    SCENE,
    /** Accumulated while the movie renders, as per-cell sums over frames that add across frame ranges. */
    RENDER,
    /** Combines a scene value with render sums. */
    SCENE_AND_RENDER
}
