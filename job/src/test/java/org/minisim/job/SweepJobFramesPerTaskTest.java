package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.testing.SharedSpark;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;
import org.minisim.store.FileByteStore;
import org.minisim.recording.io.StoreDiff;

/**
 * Issue 6's invariance on the full 12-step chain (motion, neuropil, vessels, bleaching, sensor): a recording run
 * with {@code --frames-per-task 64 --master local[1]} has the same decoded arrays (observed and every
 * ground-truth array) as the default run on local[2]. 48 × 48 px, 320 frames in 32-frame chunks (the chunk
 * length of a 256 px movie): 5 range tasks against 2.
 */
class SweepJobFramesPerTaskTest {

    static final String SWEEP = """
            {"sweep_format": 1, "sweep_id": "fpt",
             "base": {"acquisition": {"optics": {"na": 0.45, "magnification": 8.0},
                        "image_sensor": {"n_px_height": 48, "n_px_width": 48, "pixel_pitch_um": 8.0},
                        "fps": 20.0, "duration_s": 16.0},
                      "seed": 3,
                      "steps": [
                        {"density_per_mm3": 25000.0, "soma_radius_um": 7.0, "irregularity": 0.3,
                         "morphology": "soma", "dendrite_length_um": 24.0, "dendrite_width_um": 3.0,
                         "depth_range_um": [0.0, 200.0], "min_distance_um": 0.0, "positions_um": null,
                         "kind": "place_neurons", "populations": null},
                        {"kind": "cell_activity", "spike_sim_hz": 300.0, "p_quiescent_to_active": 0.005,
                         "p_active_to_quiescent": 0.3, "active_rate_hz": 150.0, "quiescent_rate_hz": 0.6,
                         "tau_rise_s": 0.05, "tau_decay_s": 0.5, "brightness_cv": 0.3, "f0": 1.0,
                         "trace_noise": 0.0},
                        {"kind": "bleaching", "bleach_susceptibility": 6.3e-06, "turnover_tau_s": 20000.0,
                         "excitation_intensity": 1.0},
                        {"kind": "optics"},
                        {"kind": "composite"},
                        {"kind": "neuropil", "spatial_sigma_um": 40.0, "temporal_tau_s": 10.0,
                         "population_tau_s": 1.5, "amplitude": 0.5, "n_components": 3, "population_coupling": 0.7},
                        {"kind": "vasculature", "enabled": true, "layers": [{"depth_um": 30.0, "n_roots": 4,
                         "root_radius_um": 22.0, "min_radius_um": 2.0, "opacity": 0.85, "absorption_per_um": 0.04,
                         "branch_prob": 0.2, "tortuosity_deg": 8.0, "branch_angle_deg": 30.0,
                         "branch_area_main": 0.7, "step_per_radius": 1.5}]},
                        {"kind": "brain_motion", "model": "physical", "trajectory_um": null, "max_shift_um": 15.0,
                         "locomotion_freq_hz": 7.0, "motion_amplitude_um": 10.0, "locomotion_axis": "y",
                         "resonance_freq_hz": 6.0, "damping_ratio": 0.5, "locomotion_fraction": 0.25,
                         "walk_step_um": 0.3},
                        {"kind": "illumination_profile", "falloff": 0.7, "exponent": 2.0, "center_offset_um": [0.0,
                         0.0]},
                        {"kind": "vignette", "falloff": 0.5, "exponent": 2.0, "center_offset_um": [0.0, 0.0]},
                        {"kind": "leakage", "profile": "gaussian", "level": 0.1, "sigma_um": null},
                        {"kind": "sensor", "photons_per_unit": 100.0}],
                      "output": {"save_intermediates": false, "store_dtype": "float32"}},
             "output": {"stores": "STORES", "table": "TABLE"}}
            """;

    @TempDir
    Path dir;

    private Path run(SparkSession spark, String name, int framesPerTask) {
        Path out = dir.resolve(name);
        spark.conf().set(SweepJob.CHUNK_FRAMES_CONF, "32");
        try {
            SweepPlan p = SweepFile.read(SWEEP.replace("STORES", out.resolve("stores").toUri().toString())
                    .replace("TABLE", out.resolve("cells").toUri().toString()));
            SweepSummary s = SweepJob.run(spark, SweepRunOptions.of("fpt", p, p.storesUri(), p.tableUri())
                    .withFramesPerTask(framesPerTask)
                    .withStreams(new PrintStream(new ByteArrayOutputStream()), System.err));
            assertEquals(1, s.done(), s.outcomes().toString());
            assertEquals(320, s.frames());
            return out.resolve("stores").resolve(p.recordings().get(0).cacheKey() + ".zarr");
        } finally {
            spark.conf().unset(SweepJob.CHUNK_FRAMES_CONF);
        }
    }

    @Test
    void framesPerTask64OnOneCoreGivesTheDefaultRunsDecodedArrays() throws IOException {
        Path byDefault = run(SharedSpark.restart("local[2]"), "default", FrameRanges.DEFAULT_FRAMES_PER_TASK);
        Path small;
        try {
            small = run(SharedSpark.restart("local[1]"), "small", 64);
        } finally {
            SharedSpark.restart(SharedSpark.DEFAULT_MASTER);
        }
        StoreDiff.Result d = StoreDiff.compare(new FileByteStore(byDefault), new FileByteStore(small));
        assertTrue(d.identical(), d.firstDifference());
        assertTrue(d.arrays().contains("observed"), d.arrays().toString());
        assertTrue(d.arrays().contains("ground_truth/shifts")
                && d.arrays().contains("ground_truth/neuropil_temporal"), d.arrays().toString());
        assertTrue(d.groundTruthArrays() >= 15, d.arrays().toString());
    }
}
