package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.cli.RunCommand;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.run.MemoryEstimate;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.spec.sweep.SweepRecording;
import org.minisim.store.FileByteStore;

/**
 * Out of memory is a clear, per-recording error (docs/failures.md): in a sweep run with a task heap (the test hook
 * setting {@code minisim.memory.taskHeap}) (256 MiB) that a very dense 512 px recording cannot fit, that recording fails
 * alone, before it runs, with one line naming it, its estimate, the heap and the remedy; the other recordings are
 * committed and in the table.
 */
class SweepJobMemoryTest {

    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "memory",
             "base": {"acquisition": {"optics": {"na": 0.45, "magnification": 8.0},
                        "image_sensor": {"n_px_height": 48, "n_px_width": 48, "pixel_pitch_um": 8.0},
                        "fps": 20.0, "duration_s": 1.5},
                      "seed": 0,
                      "steps": [{"kind": "place_neurons"}, {"kind": "cell_activity"}, {"kind": "optics"},
                                {"kind": "composite"}, {"kind": "sensor"}]},
             "axes": [{"zip": [
                {"path": "acquisition.image_sensor.n_px_height", "values": [48, 48, 512]},
                {"path": "acquisition.image_sensor.n_px_width", "values": [48, 48, 512]},
                {"path": "steps.place_neurons.density_per_mm3", "values": [25000, 30000, 400000]}]}],
             "output": {"stores": "STORES", "table": "TABLE"}}
            """;

    @TempDir
    Path dir;

    @Test
    void aRecordingThatCannotFitFailsAloneWithItsEstimateAndTheOthersCommit() throws Exception {
        Path stores = dir.resolve("stores"), table = dir.resolve("cells");
        Path sweep = dir.resolve("memory.json");
        Files.writeString(sweep, SWEEP.replace("STORES", stores.toString()).replace("TABLE", table.toString()));
        SweepPlan plan = SweepFile.read(Files.readString(sweep));
        List<SweepRecording> recs = plan.recordings();
        assertEquals(3, recs.size());
        SweepRecording dense = recs.get(2);
        long heap = 256L << 20;
        assertTrue(MemoryEstimate.of(dense.spec(), 30).forHeap(heap).total() > heap,
                "the dense recording cannot fit 256 MiB, even with its footprints kept as blur factors");
        assertTrue(MemoryEstimate.of(recs.get(0).spec(), 30).total() < heap / 16);

        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {sweep.toString(), "--master", "local[2]", "--conf",
                            MemoryCheck.HEAP_CONF + "=256m", "--conf", RunLog.FILE_CONF + "=" + dir.resolve("run.log")},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8), o = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.FAILED, status, o + e);
        List<String> failed = e.lines().filter(l -> l.startsWith("[failed")).toList();
        assertEquals(1, failed.size(), e);
        String line = failed.get(0);
        for (String part : List.of(dense.cacheKey() + " point 2 seed 0", "does not fit in memory", "MiB",
                "heap 256 MiB", "--driver-memory", "spark.executor.memory")) {
            assertTrue(line.contains(part), part + " in: " + line);
        }
        assertFalse(e.contains("\tat ") || e.contains("OutOfMemoryError"), e);
        assertFalse(Files.exists(stores.resolve(dense.cacheKey() + ".zarr")), "it never ran");
        for (SweepRecording r : recs.subList(0, 2)) {
            assertTrue(RecordingStoreWriter.isComplete(new FileByteStore(stores.resolve(r.cacheKey() + ".zarr"))),
                    r.cacheKey());
        }
        assertTrue(o.contains("2 done, 0 reused, 1 failed"), o);
        String manifest = Files.readString(table.resolve(Manifest.key("memory")));
        assertTrue(manifest.contains("does not fit in memory"), manifest);
    }
}
