package org.minisim.job.cli;

import java.io.IOException;
import java.util.Arrays;
import org.minisim.metrics.Estimate;
import org.minisim.footprint.ImageStack;
import org.minisim.store.ByteStore;
import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;

/**
 * Reads a pipeline's {@link Estimate} from a zarr v2 group holding {@code A} or {@code footprints}
 * {@code (n, H, W)}, optionally {@code C} or {@code traces} {@code (n, F)}, {@code S} or {@code activity}
 * {@code (n, F)} and {@code shifts} {@code (F, 2)} (a motion-correction trajectory) — the {@link Estimate}
 * spellings, precedence and errors. Any dtype the store reader supports ({@code <f4 <f8 <i4}); values are
 * widened to float64.
 */
public final class EstimateFiles {

    private EstimateFiles() {}

    /**
     * @throws IllegalArgumentException when the store is not a zarr group, has no (or both) footprint arrays, or an
     *     array has the wrong rank or row count
     */
    public static Estimate read(ByteStore store) throws IOException {
        if (!Zarr.isGroup(store, "")) {
            throw new IllegalArgumentException(store.location() + " is not a zarr group (missing .zgroup)");
        }
        Estimate.Builder b = Estimate.builder();
        ZarrArrayMeta a = Zarr.readMeta(store, "A"), fp = Zarr.readMeta(store, "footprints");
        if (a != null) {
            b.A(footprints(store, "A", a));
        }
        if (fp != null) {
            b.footprints(footprints(store, "footprints", fp));
        }
        b.C(rows(store, "C")).traces(rows(store, "traces")).S(rows(store, "S")).activity(rows(store, "activity"));
        ZarrArrayMeta sm = Zarr.readMeta(store, "shifts");
        if (sm != null) {
            checkShape("shifts", sm, 2);
            if (sm.dim(1) != 2) {
                throw new IllegalArgumentException("estimate array 'shifts' must be (F, 2), got "
                        + Arrays.toString(sm.shape()));
            }
            b.shifts(values(store, "shifts", sm));
        }
        return b.build();
    }

    private static ImageStack footprints(ByteStore store, String path, ZarrArrayMeta meta) throws IOException {
        checkShape(path, meta, 3);
        return ImageStack.fromDense((int) meta.dim(0), (int) meta.dim(1), (int) meta.dim(2),
                values(store, path, meta));
    }

    private static double[][] rows(ByteStore store, String path) throws IOException {
        ZarrArrayMeta meta = Zarr.readMeta(store, path);
        if (meta == null) {
            return null;
        }
        checkShape(path, meta, 2);
        double[] flat = values(store, path, meta);
        int n = (int) meta.dim(0), f = (int) meta.dim(1);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * f, (i + 1) * f);
        }
        return out;
    }

    private static double[] values(ByteStore store, String path, ZarrArrayMeta meta) throws IOException {
        if (meta.dim(0) == 0) {
            return new double[0];
        }
        return meta.dtype().toDoubles(Zarr.readArray(store, path, meta));
    }

    private static void checkShape(String name, ZarrArrayMeta meta, int rank) {
        if (meta.shape().length != rank) {
            throw new IllegalArgumentException("estimate array '" + name + "' must have " + rank + " dimensions, got "
                    + Arrays.toString(meta.shape()));
        }
    }
}
