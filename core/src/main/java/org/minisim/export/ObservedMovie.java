package org.minisim.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.json.SpecValidationException;
import org.minisim.store.ByteStore;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.recording.io.SnapshotData;
import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ZarrFormatException;

/**
 * The {@code observed} movie of a saved recording, read one chunk of frames at a time (never the whole movie), with
 * the facts of its {@code spec.json} an export needs.
 *
 * @param store      the recording store
 * @param meta       the zarr metadata of {@code observed}: shape (F, H, W), float dtype
 * @param fps        the spec's {@code acquisition.fps}, Hz
 * @param sensorBits the spec's {@code acquisition.image_sensor.bit_depth} (ADC bits) when the spec has a
 *                   {@code sensor} step (the movie holds integer counts in ADU), else null (continuous intensity)
 */
public record ObservedMovie(ByteStore store, ZarrArrayMeta meta, double fps, Integer sensorBits) {

    /**
     * Opens the movie of a store: checks the zarr group, {@code observed} (rank 3, float) and {@code spec.json}.
     *
     * @throws ExportException naming the store for a missing store, array or spec, or an unreadable spec
     */
    public static ObservedMovie open(ByteStore store) throws IOException {
        String where = store.location();
        if (!Zarr.isGroup(store, "")) {
            throw new ExportException("no recording store at " + where + " (no zarr group: missing .zgroup)");
        }
        ZarrArrayMeta meta;
        try {
            meta = Zarr.readMeta(store, RecordingLayout.OBSERVED);
        } catch (ZarrFormatException e) {
            throw new ExportException(where + ": " + e.getMessage(), e);
        }
        if (meta == null) {
            throw new ExportException(where + " has no 'observed' array (not a saved recording, or not finished)");
        }
        if (meta.rank() != 3 || !meta.dtype().isFloating()) {
            throw new ExportException(where + ": 'observed' is not a (frames, height, width) float movie: " + meta);
        }
        byte[] specBytes = store.get(RecordingLayout.SPEC_JSON);
        if (specBytes == null) {
            throw new ExportException(where + " has no spec.json (the fps and sensor bit depth come from it)");
        }
        Spec spec;
        try {
            spec = SpecReader.read(new String(specBytes, StandardCharsets.UTF_8)).spec();
        } catch (SpecValidationException e) {
            StringBuilder b = new StringBuilder("invalid spec.json in " + where + ":");
            for (SpecIssue issue : e.getIssues()) {
                b.append(' ').append(issue.describe()).append(';');
            }
            throw new ExportException(b.toString(), e);
        }
        Integer bits = spec.has(StepKind.SENSOR) ? spec.acquisition().imageSensor().bitDepth() : null;
        return new ObservedMovie(store, meta, spec.acquisition().fps(), bits);
    }

    /** @return frames F */
    public int frames() {
        return (int) meta.dim(0);
    }

    /** @return rows H of a frame, px */
    public int height() {
        return (int) meta.dim(1);
    }

    /** @return columns W of a frame, px */
    public int width() {
        return (int) meta.dim(2);
    }

    /** @return frames per stored chunk (the read unit) */
    public int chunkFrames() {
        return meta.chunk(0);
    }

    /** @return whether the movie holds sensor counts (the spec has a {@code sensor} step) */
    public boolean isDigitised() {
        return sensorBits != null;
    }

    /**
     * Reads frames {@code [t0, t1)}: only the chunks overlapping the range are decoded.
     *
     * @throws ExportException when a chunk of the range is missing (an unfinished store: zarr would read zeros)
     */
    public SnapshotData read(int t0, int t1) throws IOException {
        int c0 = meta.chunk(0);
        for (long g = t0 / c0; g * c0 < t1; g++) {
            for (long gy = 0; gy < meta.gridSize(1); gy++) {
                for (long gx = 0; gx < meta.gridSize(2); gx++) {
                    String key = Zarr.chunkKey(RecordingLayout.OBSERVED, meta, new long[] {g, gy, gx});
                    if (!store.exists(key)) {
                        throw new ExportException(store.location() + ": chunk '" + key
                                + "' of observed is missing (an unfinished store?)");
                    }
                }
            }
        }
        return RecordingStoreReader.readFrames(store, RecordingLayout.OBSERVED, t0, t1);
    }
}
