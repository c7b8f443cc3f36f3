package org.minisim;

import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Loops over independent items (cells, units, components) on every core when there are enough of them to pay
 * for the hand-off, sequentially otherwise: a sweep of many small recordings already keeps the cores busy with
 * one recording each, and splitting 20 cells over the common pool costs more than it saves. The items must not
 * depend on one another or on the order they run in (every caller's result is the same either way).
 */
public final class Parallel {

    /** Fewest items worth spreading over the cores. */
    public static final int MIN_ITEMS = 64;

    private Parallel() {}

    /** Runs {@code body} for each i in [0, n). */
    public static void forEach(int n, IntConsumer body) {
        if (n >= MIN_ITEMS) {
            IntStream.range(0, n).parallel().forEach(body);
        } else {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
        }
    }

    /**
     * Runs {@code body(state, i)} for each i in [0, n), with working state that one thread uses at a time: one
     * state for a sequential loop, one per contiguous slice of the items otherwise (a few slices per core). The
     * states are made by {@code state} (which may record them, e.g. to merge per-slice results after the loop)
     * rather than kept in thread-locals, which a loop run once per recording would make anew each time and leave in
     * every worker thread's map until they are collected.
     */
    public static <S> void forEach(int n, Supplier<S> state, ObjIntConsumer<S> body) {
        if (n >= MIN_ITEMS) {
            int slices = Math.min(n, 4 * Runtime.getRuntime().availableProcessors());
            IntStream.range(0, slices).parallel().forEach(sl -> {
                S s = state.get();
                for (int i = (int) ((long) n * sl / slices), end = (int) ((long) n * (sl + 1) / slices); i < end; i++) {
                    body.accept(s, i);
                }
            });
        } else if (n > 0) {
            S s = state.get();
            for (int i = 0; i < n; i++) {
                body.accept(s, i);
            }
        }
    }
}
