package org.minisim.job.bench;

import java.lang.management.ManagementFactory;

/**
 * Samples this JVM's heap in use (garbage included) every 10 ms on a daemon thread, for the timed runs: it never
 * forces a collection, so it does not slow the run, but its peak depends on when the collector ran. The live
 * heap a run needs is measured separately by {@link LiveHeapSampler} in a memory run.
 */
final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;

    /** Collects first, so the garbage of earlier work does not count. */
    HeapSampler() {
        System.gc();
        thread = new Thread(this::loop, "minisim-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** @return the peak heap in use, bytes */
    long peakUsed() {
        return peakUsed;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sample();
    }
}
