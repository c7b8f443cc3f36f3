package org.minisim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Parallel#forEach(int, java.util.function.Supplier, java.util.function.ObjIntConsumer)}'s contract. */
class ParallelTest {

    /** A state that fails if two threads ever use it at once. */
    private static final class Exclusive {
        private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        int items;

        void use() {
            assertTrue(busy.compareAndSet(false, true), "a state used by two threads at once");
            items++;
            Thread.onSpinWait();
            busy.set(false);
        }
    }

    @Test
    void everyItemRunsOnceAndEveryStateOnOneThreadAtATime() {
        for (int n : new int[] {0, 1, Parallel.MIN_ITEMS - 1, Parallel.MIN_ITEMS, 1000, 5243}) {
            AtomicIntegerArray visits = new AtomicIntegerArray(Math.max(1, n));
            ConcurrentLinkedQueue<Exclusive> states = new ConcurrentLinkedQueue<>();
            Parallel.forEach(n, () -> {
                Exclusive e = new Exclusive();
                states.add(e);
                return e;
            }, (state, i) -> {
                state.use();
                visits.incrementAndGet(i);
            });
            int total = 0;
            for (Exclusive e : states) {
                total += e.items;
            }
            assertEquals(n, total, "n " + n + ": items over the states");
            for (int i = 0; i < n; i++) {
                assertEquals(1, visits.get(i), "n " + n + ": item " + i);
            }
            if (n > 0 && n < Parallel.MIN_ITEMS) {
                assertEquals(1, states.size(), "n " + n + ": a sequential loop uses one state");
            }
            if (n == 0) {
                assertEquals(0, states.size(), "no items, no state");
            }
        }
    }
}
