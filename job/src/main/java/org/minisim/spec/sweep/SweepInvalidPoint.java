package org.minisim.spec.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import org.minisim.spec.json.SpecIssue;

/** STAND-IN until branch {@code spec} lands (deleted then). */
public record SweepInvalidPoint(int pointIndex, long seed, LinkedHashMap<String, String> axesJson,
                                List<SpecIssue> issues) {}
