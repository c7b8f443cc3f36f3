package org.minisim.metrics;

import java.util.List;

/** The scoring oracle's only constants (docs/scoring.md#constants); callers supply every threshold beyond these. */
public final class MetricDefaults {

    /** Fraction of a footprint's energy its IoU mask keeps. */
    public static final double DEFAULT_ENERGY_FRAC = 0.9;
    /** Naive hand-drawn ROI: pixels above 18 % of the peak. */
    public static final double DEFAULT_ROI_REL_THRESHOLD = 0.18;
    /** Default similarity threshold for a true positive. */
    public static final double DEFAULT_MATCH_THRESHOLD = 0.5;
    /** Accepted matching metric names, in the reference's order. */
    public static final List<String> SIMILARITY_METRICS = List.of("iou", "weighted_jaccard", "cosine");
    /** Auto-shift search window: fraction of the FOV per axis. */
    public static final double MAX_AUTO_SHIFT_FRAC = 0.25;
    /** Fraction of the peak of a summed footprint image above which a pixel is support (auto shift). */
    public static final double SUPPORT_REL_THRESHOLD = 0.01;

    private MetricDefaults() {}
}
