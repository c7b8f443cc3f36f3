package org.minisim.spec;

/** The domain a step works in (docs/physics.md#domains): it orders the pipeline and fixes the reference frame. */
public enum Domain {
    /** Per-cell records only, never the movie. */
    CELL,
    /** The margin-enlarged canvas; moves with the brain. */
    TISSUE,
    /** Converts canvas to FOV. */
    MOTION,
    /** The sensor FOV; fixed to the scope. */
    SENSOR
}
