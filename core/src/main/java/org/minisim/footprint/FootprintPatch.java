package org.minisim.footprint;

/**
 * A cell's footprint on a canvas, as its window of {@code ph × pw} px whose top-left canvas pixel is
 * {@code (y0, x0)}: read by sub-windows, whatever the storage. A {@link Footprint} holds the window's float32 values
 * themselves; a {@link BlurredFootprint} holds the factors of a separable blur and computes the same float32 values
 * when they are read, so a scene of thousands of defocused cells keeps a fraction of their area in memory
 * (docs/physics.md#observed-footprints-in-memory). Both read identically to the bit.
 */
public sealed interface FootprintPatch permits Footprint, BlurredFootprint {

    /** @return top canvas row of the window, px */
    int y0();

    /** @return left canvas column of the window, px */
    int x0();

    /** @return window rows, px */
    int ph();

    /** @return window columns, px */
    int pw();

    /** @return canvas rows, px */
    int canvasH();

    /** @return canvas columns, px */
    int canvasW();

    /** @return true when the window has no pixels */
    default boolean isEmpty() {
        return ph() == 0 || pw() == 0;
    }

    /**
     * Writes the values of window rows {@code [a0, a1)} and window columns {@code [b0, b1)} into {@code dst},
     * row-major with rows of {@code b1 − b0} values, from {@code off}. Thread-safe.
     *
     * @param a0 first window row (0 ≤ a0 ≤ a1 ≤ ph)
     * @param a1 one past the last window row
     * @param b0 first window column (0 ≤ b0 ≤ b1 ≤ pw)
     * @param b1 one past the last window column
     */
    void copyWindow(int a0, int a1, int b0, int b1, float[] dst, int off);

    /** @return the same footprint with its values stored (itself when it is a {@link Footprint}) */
    Footprint dense();

    /** @return the bytes this representation keeps on the heap (approximately) */
    long heapBytes();

    /** @return the bytes of the stored form: {@code 4 · ph · pw} */
    default long denseBytes() {
        return 4L * ph() * pw();
    }
}
