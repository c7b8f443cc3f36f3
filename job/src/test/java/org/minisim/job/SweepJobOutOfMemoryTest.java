package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.minisim.job.testing.ChildJvm;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.cli.RunCommand;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.store.FileByteStore;

/**
 * An out-of-memory error that still happens (the memory check turned off) fails its recording alone, in one line
 * with the heap, the estimate and the remedy — for a recording run as one task and for one split into frame ranges
 * — while the driver goes on and commits the others: a driver JVM with a 96 MiB heap, two dense recordings of small
 * footprints (4 µm pixels, a thin band in focus) whose trace windows (≈ 3500 cells × 2400–3200 frames, 100–130 MiB)
 * cannot be allocated, and a small one.
 */
class SweepJobOutOfMemoryTest {

    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "oom",
             "base": {"acquisition": {"optics": {"na": 0.45, "magnification": 2.0},
                        "image_sensor": {"n_px_height": 96, "n_px_width": 96, "pixel_pitch_um": 8.0},
                        "fps": 20.0, "duration_s": 2.0, "focal_depth_in_tissue_um": 30.0},
                      "seed": 0,
                      "steps": [{"kind": "place_neurons", "depth_range_um": [20, 40]}, {"kind": "cell_activity"},
                                {"kind": "optics"},
                                {"kind": "composite"}, {"kind": "sensor"}]},
             "axes": [{"zip": [
                {"path": "acquisition.duration_s", "values": [2.0, 120.0, 300.0]},
                {"path": "steps.place_neurons.density_per_mm3", "values": [25000, 1200000, 1200000]}]}],
             "output": {"stores": "STORES", "table": "TABLE"}}
            """;

    @TempDir
    Path dir;

    @Test
    void anOutOfMemoryErrorFailsItsRecordingAloneInOneLine() throws Exception {
        Path stores = dir.resolve("stores");
        Path sweep = dir.resolve("oom.json");
        Files.writeString(sweep, SWEEP.replace("STORES", stores.toString())
                .replace("TABLE", dir.resolve("cells").toString()));
        SweepPlan plan = SweepFile.read(Files.readString(sweep));
        List<String> cmd = ChildJvm.command("96m");
        cmd.addAll(List.of(RunCommand.class.getName(),
                sweep.toString(), "--master", "local[1]", "--frames-per-task", "3000", "--conf",
                MemoryCheck.CHECK_CONF + "=false", "--conf", RunLog.FILE_CONF + "=" + dir.resolve("run.log")));
        Path console = dir.resolve("console.txt");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child run did not end");
        String text = Files.readString(console);
        assertEquals(ExitStatus.FAILED, child.exitValue(), text);

        List<String> failed = text.lines().filter(l -> l.startsWith("[failed")).toList();
        assertEquals(2, failed.size(), text);
        for (int i = 1; i <= 2; i++) {
            String head = plan.recordings().get(i).cacheKey() + " point " + i + " seed 0:";
            String line = failed.stream().filter(l -> l.contains(head)).findFirst()
                    .orElseThrow(() -> new AssertionError("no failure line for " + head + " " + text));
            assertTrue(line.contains("out of memory while simulating (heap ") && line.contains("estimate ")
                    && line.contains("--driver-memory") && line.contains("--frames-per-task"), line);
        }
        assertFalse(text.contains("\tat ") || text.contains("SparkContext"), text);
        assertTrue(RecordingStoreWriter.isComplete(new FileByteStore(stores.resolve(
                plan.recordings().get(0).cacheKey() + ".zarr"))), "the small recording is committed: " + text);
        assertTrue(text.contains("1 done, 0 reused, 2 failed"), text);
    }
}
