package org.minisim.job.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the live heap of this JVM honestly, for the benchmark's memory runs only: a daemon thread forces a
 * full collection ({@link System#gc()}; with the default G1 collector a stop-the-world full GC) every
 * {@code periodMs} milliseconds and reads the heap in use right after it, so garbage never counts. The peak of
 * those readings is the peak live heap. Forcing collections slows the run down: never use it in a timed run.
 */
public final class LiveHeapSampler implements AutoCloseable {

    /** A memory run's figures. */
    public record Figures(long peakLiveBytes, int samples, long periodMs) {}

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long periodMs;
    private final Thread thread;
    private volatile boolean running = true;
    private long peakLive; // guarded by this
    private int samples; // guarded by this

    /** @param periodMs milliseconds between forced full collections (≥ 1) */
    public LiveHeapSampler(long periodMs) {
        if (periodMs < 1) {
            throw new IllegalArgumentException("sampling period must be >= 1 ms, got " + periodMs);
        }
        this.periodMs = periodMs;
        sample();
        thread = new Thread(this::loop, "minisim-live-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the heap in use right after a forced full collection, bytes (the live heap now) */
    static long liveNow() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                sample();
            }
        }
    }

    private void sample() {
        long live = liveNow();
        synchronized (this) {
            peakLive = Math.max(peakLive, live);
            samples++;
        }
    }

    /** Stops the thread (waiting for a sample in progress) and takes a last sample. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    /** @return peak live heap, the number of samples and the period; call after {@link #close()} */
    public synchronized Figures figures() {
        return new Figures(peakLive, samples, periodMs);
    }
}
