package org.minisim.footprint;

import java.util.List;

/**
 * An ordered list of footprints sharing one canvas shape (PHYSICS.md §3.2); an empty stack still knows its
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
}
