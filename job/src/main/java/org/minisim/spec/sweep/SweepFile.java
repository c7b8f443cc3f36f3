package org.minisim.spec.sweep;

/** STAND-IN until branch {@code spec} lands (deleted then). */
public final class SweepFile {
    private SweepFile() {}

    public static SweepPlan read(String text) {
        throw new UnsupportedOperationException("stand-in: SweepFile.read");
    }
}
