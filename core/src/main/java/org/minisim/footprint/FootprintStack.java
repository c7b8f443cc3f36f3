package org.minisim.footprint;

import java.util.List;

/**
 * An ordered list of footprints sharing one canvas shape (docs/physics.md#footprints); an empty stack still knows its
 * canvas. Stored in a recording as offsets (n, 2) int32, shapes (n, 2) int32 and the concatenated row-major
 * patches (float32) — see {@link #offsets()}, {@link #shapes()}, {@link #data()} and {@link #fromArrays}.
 *
 * @param footprints the members, in unit order
 * @param canvasH    canvas rows, px
 * @param canvasW    canvas columns, px
 */
public record FootprintStack(List<Footprint> footprints, int canvasH, int canvasW) {

    public FootprintStack {
        footprints = List.copyOf(footprints);
        for (Footprint f : footprints) {
            if (f.canvasH() != canvasH || f.canvasW() != canvasW) {
                throw new IllegalArgumentException("footprint canvas " + f.canvasH() + "x" + f.canvasW()
                        + " differs from the stack canvas " + canvasH + "x" + canvasW);
            }
        }
    }

    /** @return the number of units */
    public int size() {
        return footprints.size();
    }

    /** @return footprint i */
    public Footprint get(int i) {
        return footprints.get(i);
    }

    /** @return offsets (n, 2) row-major int32: (y0, x0) per unit */
    public int[] offsets() {
        int[] o = new int[2 * size()];
        for (int i = 0; i < size(); i++) {
            o[2 * i] = footprints.get(i).y0();
            o[2 * i + 1] = footprints.get(i).x0();
        }
        return o;
    }

    /** @return shapes (n, 2) row-major int32: (ph, pw) per unit */
    public int[] shapes() {
        int[] s = new int[2 * size()];
        for (int i = 0; i < size(); i++) {
            s[2 * i] = footprints.get(i).ph();
            s[2 * i + 1] = footprints.get(i).pw();
        }
        return s;
    }

    /** @return all patches concatenated row-major, in unit order (float32) */
    public float[] data() {
        int n = 0;
        for (Footprint f : footprints) {
            n += f.patch().length;
        }
        float[] d = new float[n];
        int at = 0;
        for (Footprint f : footprints) {
            System.arraycopy(f.patch(), 0, d, at, f.patch().length);
            at += f.patch().length;
        }
        return d;
    }

    /**
     * The exact inverse of {@link #offsets()}, {@link #shapes()}, {@link #data()}.
     *
     * @throws IllegalArgumentException if offsets and shapes differ in length or data is too short
     */
    public static FootprintStack fromArrays(int[] offsets, int[] shapes, float[] data, int canvasH, int canvasW) {
        if (offsets.length != shapes.length || offsets.length % 2 != 0) {
            throw new IllegalArgumentException("offsets (" + offsets.length / 2 + " rows) and shapes ("
                    + shapes.length / 2 + " rows) must have the same number of rows");
        }
        int n = offsets.length / 2;
        Footprint[] fs = new Footprint[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int ph = shapes[2 * i], pw = shapes[2 * i + 1];
            int len = ph * pw;
            if (at + len > data.length) {
                throw new IllegalArgumentException("planted data holds " + data.length
                        + " values, fewer than the shapes need (unit " + i + ")");
            }
            float[] p = new float[len];
            System.arraycopy(data, at, p, 0, len);
            at += len;
            fs[i] = new Footprint(offsets[2 * i], offsets[2 * i + 1], ph, pw, p, canvasH, canvasW);
        }
        return new FootprintStack(List.of(fs), canvasH, canvasW);
    }

    /**
     * @return the dense {@code (n, canvasH, canvasW)} row-major stack, float64 (length 0 for an empty stack)
     */
    public double[] toDense() {
        int plane = canvasH * canvasW;
        double[] d = new double[size() * plane];
        for (int i = 0; i < size(); i++) {
            Footprint f = footprints.get(i);
            for (int a = 0; a < f.ph(); a++) {
                for (int b = 0; b < f.pw(); b++) {
                    d[i * plane + (f.y0() + a) * canvasW + f.x0() + b] = f.patch()[a * f.pw() + b];
                }
            }
        }
        return d;
    }

    /** @return every member cropped to the window {@code [top, top+h) × [left, left+w)}, on an h × w canvas */
    public FootprintStack crop(int top, int left, int h, int w) {
        Footprint[] out = new Footprint[size()];
        for (int i = 0; i < size(); i++) {
            out[i] = footprints.get(i).crop(top, left, h, w);
        }
        return new FootprintStack(List.of(out), h, w);
    }

    /**
     * @param indices unit indices, in the wanted order (repeats allowed)
     * @return the sub-stack
     * @throws IndexOutOfBoundsException for an index outside {@code [0, size)}
     */
    public FootprintStack select(int... indices) {
        Footprint[] out = new Footprint[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = footprints.get(indices[k]);
        }
        return new FootprintStack(List.of(out), canvasH, canvasW);
    }

    /** @return units {@code [from, to)} in order */
    public FootprintStack slice(int from, int to) {
        return new FootprintStack(footprints.subList(from, to), canvasH, canvasW);
    }

    /**
     * @param mask one flag per unit
     * @return the units whose flag is true, in order
     * @throws IndexOutOfBoundsException if the mask length differs from the unit count
     */
    public FootprintStack mask(boolean[] mask) {
        if (mask.length != size()) {
            throw new IndexOutOfBoundsException("boolean mask of length " + mask.length + " for " + size()
                    + " units");
        }
        java.util.ArrayList<Footprint> out = new java.util.ArrayList<>();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out.add(footprints.get(i));
            }
        }
        return new FootprintStack(out, canvasH, canvasW);
    }
}
