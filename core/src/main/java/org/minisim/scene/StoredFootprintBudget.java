package org.minisim.scene;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JVM-wide allowance for stored observed-footprint values: the scenes alive in one JVM (a sweep renders
 * several at once) together store at most a third of the heap of them; a scene that does not fit keeps its
 * footprints as their blur's factors instead ({@link org.minisim.footprint.BlurredFootprint}: a fraction of the
 * memory, the same values, a slower composite). A reservation is returned when its owner (the scene's footprint
 * array) becomes unreachable.
 */
final class StoredFootprintBudget {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong IN_USE = new AtomicLong();

    private StoredFootprintBudget() {}

    /** @return the allowance, bytes: a third of the maximum heap */
    static long limit() {
        return Runtime.getRuntime().maxMemory() / 3;
    }

    /**
     * @param bytes the stored size of a scene's observed footprints
     * @param owner the object whose unreachability returns the reservation
     * @return whether the bytes were reserved (they fit beside the other live scenes')
     */
    static boolean tryReserve(long bytes, Object owner) {
        long limit = limit();
        while (true) {
            long used = IN_USE.get();
            if (used + bytes > limit) {
                return false;
            }
            if (IN_USE.compareAndSet(used, used + bytes)) {
                CLEANER.register(owner, () -> IN_USE.addAndGet(-bytes));
                return true;
            }
        }
    }
}
