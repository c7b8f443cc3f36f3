package org.minisim.spec.sweep;

import java.util.List;

/** STAND-IN until branch {@code spec} lands (deleted then). */
public record SweepPlan(String sweepId, String storesUri, String tableUri, String onInvalidPoint,
                        List<SweepRecording> recordings, List<SweepInvalidPoint> invalidPoints) {}
