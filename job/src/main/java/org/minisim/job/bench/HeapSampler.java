package org.minisim.job.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Samples this JVM's heap every few milliseconds on a daemon thread: the peak heap in use (garbage included) and
 * the peak live heap after a collection (the sum of the heap pools' usage right after their last GC) — the
 * latter is what a task needs to fit.
 */
final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakLive;

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
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage after = pool.getCollectionUsage();
                live += after == null ? 0 : after.getUsed();
            }
        }
        peakUsed = Math.max(peakUsed, used);
        peakLive = Math.max(peakLive, live);
    }

    /** @return the peak heap in use, bytes */
    long peakUsed() {
        return peakUsed;
    }

    /** @return the peak heap live after a collection, bytes */
    long peakLive() {
        return peakLive;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sample();
    }
}
