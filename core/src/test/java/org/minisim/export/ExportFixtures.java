package org.minisim.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minisim.recording.Recording;
import org.minisim.render.Simulator;
import org.minisim.render.SpecFixtures;
import org.minisim.spec.Acquisition;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Optics;
import org.minisim.spec.Output;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Step;
import org.minisim.spec.Tissue;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.store.BloscLz4Codec;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.recording.io.SnapshotData;

/** Small simulated stores for the export tests (quick-start chain, a few dozen frames of ~30 px). */
final class ExportFixtures {

    private ExportFixtures() {}

    /** The quick-start chain on an h × w px sensor of {@code bits} ADC bits, {@code seconds} at {@code fps}. */
    static Spec spec(int h, int w, int bits, double fps, double seconds, boolean sensor, Output.StoreDtype dtype) {
        Spec base = SpecFixtures.quickstart(Math.max(h, w), seconds, 7);
        Acquisition a = base.acquisition();
        Acquisition acq = new Acquisition(new Optics(0.45, 8.0, 525.0, AutoDouble.AUTO, null),
                new ImageSensor(h, w, 8.0, 0.7, 2.0, 1.0, bits), Tissue.DEFAULTS, fps, seconds, AutoDouble.AUTO,
                null);
        List<Step> steps = new ArrayList<>();
        for (Step s : base.steps()) {
            if (!(s instanceof Sensor) || sensor) {
                steps.add(s instanceof Sensor ? new Sensor(bits > 8 ? 4000.0 : 300.0) : s);
            }
        }
        return new Spec(acq, 7, steps, new Output(false, dtype));
    }

    /** An 8-bit 20 fps store of 31 × 37 px, 1.25 s (25 frames) in chunks of 7 frames. */
    static Path sensor8(Path dir) throws IOException {
        return write(dir.resolve("s8.zarr"), spec(31, 37, 8, 20.0, 1.25, true, Output.StoreDtype.FLOAT32), 7, null);
    }

    /**
     * Simulates {@code spec} and writes it as a committed store chunked by {@code chunkFrames}, with
     * {@code observed} replaced by {@code observed} when non-null.
     */
    static Path write(Path target, Spec spec, int chunkFrames, double[] observed) throws IOException {
        Recording rec = Simulator.simulate(spec);
        double[] obs = observed != null ? observed : rec.observed();
        FileByteStore store = new FileByteStore(target);
        RecordingStoreWriter w = new RecordingStoreWriter(store, new BloscLz4Codec());
        int f = rec.frames(), h = rec.height(), wd = rec.width();
        w.createObserved(f, h, wd, RecordingLayout.observedDtype(spec.output().storeDtype().jsonName()), chunkFrames);
        int frame = h * wd;
        for (int c = 0; c * chunkFrames < f; c++) {
            int t0 = c * chunkFrames, t1 = Math.min(f, t0 + chunkFrames);
            w.writeObservedChunk(c, Arrays.copyOfRange(obs, t0 * frame, t1 * frame));
        }
        w.writeGroundTruth(rec.truth());
        w.writeSpecJson(CanonicalJson.pretty(spec));
        w.commit(CanonicalJson.cacheKey(spec), rec.truth().presentOptional(), List.of());
        return target;
    }

    /** @return the stored observed movie as the store reader decodes it */
    static SnapshotData observed(Path store) throws IOException {
        FileByteStore s = new FileByteStore(store);
        int f = (int) org.minisim.store.Zarr.readMeta(s, RecordingLayout.OBSERVED).dim(0);
        return RecordingStoreReader.readFrames(s, RecordingLayout.OBSERVED, 0, f);
    }
}
