package org.minisim.random;

/**
 * What a random stream is for (docs/physics.md#random-streams). Each purpose has a fixed numeric id that enters the
 * stream key; ids are part of the determinism contract and must never be renumbered or reused.
 *
 * <p>The physics purposes (1–9) are drawn under a recording's master seed. The sweep purposes (10, 11) are drawn
 * under a sweep file's {@code sample.seed} (docs/sweeps.md#sampled-sweeps) and decide which specs a sampled sweep
 * expands to.
 */
public enum Purpose {
    /** Centres of population p: index (p). */
    PLACE_CENTRES(1),
    /** Soma noise and dendrites of cell i: index (i). */
    PLACE_SHAPE(2),
    /** The per-cell gain vector: no index. */
    ACTIVITY_GAIN(3),
    /** Activity of cell i: index (i, 0) its gate, (i, 1) its fine spikes, (i, 2) its trace noise. */
    ACTIVITY(4),
    /** Neuropil spatial white-noise field k: index (k). */
    NEUROPIL_SPATIAL(5),
    /** Neuropil OU sequence k: index (k). */
    NEUROPIL_TEMPORAL(6),
    /** Vessel tree of layer l, root j: index (l, j). */
    VESSEL(7),
    /** The brain-motion trajectory: no index. */
    MOTION(8),
    /** Sensor noise of frame t: index (t). */
    SENSOR(9),
    /**
     * Sampled sweeps: the unit draw of sample point i on sample axis j: index (i, j) (the whole draw under
     * {@code random}, the position inside the point's stratum under {@code latin_hypercube}).
     */
    SWEEP_SAMPLE(10),
    /** Sampled sweeps, {@code latin_hypercube}: the permutation of strata of sample axis j: index (j). */
    SWEEP_STRATA(11);

    private final int id;

    Purpose(int id) {
        this.id = id;
    }

    /** @return the stable numeric id */
    public int id() {
        return id;
    }
}
