package org.minisim.job;

import org.minisim.job.exec.TaskFailures;
import java.util.Locale;
import java.util.Map;
import org.minisim.run.MemoryEstimate;
import org.minisim.spec.sweep.SweepRecording;

/**
 * The driver's memory check before a recording runs (docs/failures.md#out-of-memory): its task's
 * {@link MemoryEstimate} against the heap a task has, failing the recording alone, with one line naming the
 * estimate, the heap and the remedy, when it cannot fit; and the same line for an out-of-memory error that still
 * happens.
 *
 * @param taskHeapBytes the heap of the JVM a task runs in, bytes
 * @param reserveBytes  the part of it not available to the task (the JVM, the driver or Spark's reserve), bytes
 * @param enabled       whether recordings are checked at all
 */
record MemoryCheck(long taskHeapBytes, long reserveBytes, boolean enabled) {

    /** Setting overriding the heap a task has, as a size ({@code 512m}, {@code 4g}); for tests and odd setups. */
    static final String HEAP_CONF = "minisim.memory.taskHeap";
    /** Setting turning the check off ({@code false}). */
    static final String CHECK_CONF = "minisim.memory.check";
    /** Heap kept for the JVM and the driver in a local run (at most; a quarter of a smaller heap), bytes. */
    static final long LOCAL_RESERVE = TaskFailures.LOCAL_RESERVE;

    /**
     * @param executorHeap the heap of a task's JVM as the executor knows it, bytes
     * @param reserve      the part of it kept for the JVM / Spark, bytes
     * @param settings     the run's {@code minisim.*} settings
     */
    static MemoryCheck of(long executorHeap, long reserve, Map<String, String> settings) {
        String heap = settings.get(HEAP_CONF);
        boolean set = heap != null && !heap.isBlank();
        long h = set ? parseSize(heap) : executorHeap;
        return new MemoryCheck(h, set ? Math.min(reserve, h / 4) : reserve,
                !"false".equalsIgnoreCase(settings.getOrDefault(CHECK_CONF, "true")));
    }

    /** @return bytes a task may use */
    long usable() {
        return Math.max(0, taskHeapBytes - reserveBytes);
    }

    /**
     * @param rec           the recording
     * @param taskFrames    frames one of its tasks renders
     * @param minTaskFrames the fewest frames a task of it can render (one chunk)
     * @param chunkFrames   its chunk length, frames
     * @return null when it fits, else the one-line failure
     */
    String problem(SweepRecording rec, int taskFrames, int minTaskFrames, int chunkFrames) {
        if (!enabled) {
            return null;
        }
        MemoryEstimate e = MemoryEstimate.of(rec.spec(), taskFrames, chunkFrames).forHeap(taskHeapBytes);
        if (e.total() <= usable()) {
            return null;
        }
        int fit = fittingFrames(rec, taskFrames, minTaskFrames, chunkFrames);
        return "does not fit in memory: a task needs about " + e.describe() + " but has "
                + MemoryEstimate.bytes(usable()) + " (heap " + MemoryEstimate.bytes(taskHeapBytes) + " less "
                + MemoryEstimate.bytes(reserveBytes) + " kept) — " + TaskFailures.remedy(fit > 0, fit, e.total() + reserveBytes);
    }

    /** @return the most frames per task (whole chunks, below {@code taskFrames}) that fit, or 0 if none does */
    private int fittingFrames(SweepRecording rec, int taskFrames, int minTaskFrames, int chunkFrames) {
        int step = Math.max(1, minTaskFrames);
        if (MemoryEstimate.of(rec.spec(), step, chunkFrames).forHeap(taskHeapBytes).total() > usable()) {
            return 0;
        }
        int lo = 1, hi = Math.max(1, (taskFrames - 1) / step); // multiples of step: lo fits, hi*step < taskFrames
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (MemoryEstimate.of(rec.spec(), mid * step, chunkFrames).forHeap(taskHeapBytes).total() <= usable()) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo * step;
    }

    /** @return bytes of a size such as {@code 512m}, {@code 4g}, {@code 1048576} */
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'b') {
            t = t.substring(0, t.length() - 1);
            last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        }
        switch (last) {
            case 'k' -> mult = 1L << 10;
            case 'm' -> mult = 1L << 20;
            case 'g' -> mult = 1L << 30;
            case 't' -> mult = 1L << 40;
            default -> mult = 1;
        }
        if (mult > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t.trim()) * mult;
        } catch (NumberFormatException e) {
            throw new org.minisim.MinisimException("setting " + HEAP_CONF + ": '" + s
                    + "' is not a size such as 512m or 4g");
        }
    }
}
