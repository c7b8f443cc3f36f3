package org.minisim;

import java.util.function.IntConsumer;
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
}
