package org.minisim.metrics;

/** The footprint similarities {@link Matching} can pair by (docs/scoring.md#similarities). */
public enum SimilarityMetric {
    /** Binary Jaccard of energy masks, computed in float32 like the reference. */
    IOU("iou"),
    /** Ruzicka: Σ min / Σ max of sum-normalised footprints. */
    WEIGHTED_JACCARD("weighted_jaccard"),
    /** Angle between the flattened footprints. */
    COSINE("cosine");

    private final String id;

    SimilarityMetric(String id) {
        this.id = id;
    }

    /** @return the metric's name as the reference spells it ({@code iou}, …) */
    public String id() {
        return id;
    }

    /**
     * @param name a metric name
     * @return the metric
     * @throws IllegalArgumentException naming the metric and the accepted ones when unknown
     */
    public static SimilarityMetric parse(String name) {
        for (SimilarityMetric m : values()) {
            if (m.id.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unsupported metric '" + name + "'; choose from "
                + MetricDefaults.SIMILARITY_METRICS + ".");
    }

    @Override
    public String toString() {
        return id;
    }
}
