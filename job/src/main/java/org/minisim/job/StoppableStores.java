package org.minisim.job;

import org.minisim.job.exec.SweepStoppedException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.minisim.run.StoreLocator;
import org.minisim.store.ByteStore;

/**
 * The stores of one sweep run, with a stop switch: once the driver {@link #stop stops} the run, a task of it that
 * has not started fails at once with {@link SweepStoppedException#NOT_STARTED} and one in flight fails at its next
 * store operation ({@link SweepStoppedException#INTERRUPTED}), instead of each waiting out the storage client's
 * retries. The switch lives in this JVM (threads of the in-process executor, Spark's local mode); tasks in other
 * JVMs do not see it and end on their own (the driver cancels their jobs).
 */
final class StoppableStores implements StoreLocator {

    private static final long serialVersionUID = 1L;
    private static final Set<String> STOPPED = ConcurrentHashMap.newKeySet();

    private final StoreLocator stores;
    private final String runId;

    /**
     * @param stores the sweep's stores
     * @param runId  this run, unique in the JVM
     */
    StoppableStores(StoreLocator stores, String runId) {
        this.stores = stores;
        this.runId = runId;
    }

    /** Stops every task of the run that uses these stores. */
    void stop() {
        STOPPED.add(runId);
    }

    /** Forgets the run (at its end). */
    void release() {
        STOPPED.remove(runId);
    }

    /** @return the stores without the switch (for the driver's clean-up after a stop) */
    StoreLocator unguarded() {
        return stores;
    }

    private boolean stopped() {
        return STOPPED.contains(runId);
    }

    @Override
    public ByteStore store(String cacheKey) {
        if (stopped()) {
            throw new SweepStoppedException(SweepStoppedException.NOT_STARTED);
        }
        return new Guarded(stores.store(cacheKey));
    }

    @Override
    public String location(String cacheKey) {
        return stores.location(cacheKey);
    }

    /** A store whose every operation first checks the switch. */
    private final class Guarded implements ByteStore {
        private final ByteStore store;

        Guarded(ByteStore store) {
            this.store = store;
        }

        private void check() {
            if (stopped()) {
                throw new SweepStoppedException(SweepStoppedException.INTERRUPTED);
            }
        }

        @Override
        public byte[] get(String key) throws IOException {
            check();
            return store.get(key);
        }

        @Override
        public void put(String key, byte[] value) throws IOException {
            check();
            store.put(key, value);
        }

        @Override
        public boolean exists(String key) throws IOException {
            check();
            return store.exists(key);
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            check();
            return store.list(prefix);
        }

        @Override
        public void delete(String key) throws IOException {
            check();
            store.delete(key);
        }

        @Override
        public String location() {
            return store.location();
        }
    }
}
