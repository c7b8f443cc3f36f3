package org.minisim.spec.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import org.minisim.spec.Spec;
import org.minisim.spec.json.SpecIssue;

/** STAND-IN until branch {@code spec} lands (deleted then). */
public record SweepRecording(int pointIndex, long seed, Spec spec, String cacheKey,
                             LinkedHashMap<String, String> axesJson, LinkedHashMap<String, Double> axColumns,
                             List<SpecIssue> warnings) {}
