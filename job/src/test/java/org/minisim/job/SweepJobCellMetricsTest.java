package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintStack;
import org.minisim.job.table.CellMetrics;
import org.minisim.job.table.CellRowsJson;
import org.minisim.job.table.CellTableSchema;
import org.minisim.recording.GroundTruth;
import org.minisim.spec.Acquisition;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.CellActivity;
import org.minisim.spec.Composite;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Optics;
import org.minisim.spec.Output;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Tissue;

/** The F columns of the per-cell table, on a hand-made 3 × 4 px recording with two overlapping cells. */
class SweepJobCellMetricsTest {

    static Spec spec(double readNoise) {
        Acquisition acq = new Acquisition(new Optics(0.45, 8.0, 525.0, AutoDouble.AUTO, null),
                new ImageSensor(3, 4, 8.0, 0.7, readNoise, 1.0, 8), Tissue.DEFAULTS, 20.0, 0.2, AutoDouble.of(50.0),
                null);
        return new Spec(acq, 0, List.of(PlaceNeurons.DEFAULTS, CellActivity.DEFAULTS, Composite.DEFAULTS,
                new Sensor(100.0)), Output.DEFAULTS);
    }

    static GroundTruth truth(double[] c) {
        Footprint a = new Footprint(0, 1, 2, 2, new float[] {1, 1, 1, 1}, 3, 4);
        Footprint b = new Footprint(1, 2, 2, 2, new float[] {1, 0.5f, 0.5f, 0.25f}, 3, 4);
        double[] illum = new double[12];
        for (int k = 0; k < 12; k++) {
            illum[k] = k / 10.0;
        }
        return new GroundTruth(new FootprintStack(List.of(a, b), 3, 4), 0, 0, 3, 4, 4, c,
                new double[] {0, 1, 0, 0, 0, 0, 0, 0}, new double[] {10, 0, 0, 14, 1, 1},
                new double[] {1.5, Double.NaN}, new boolean[] {true, false}, new boolean[] {true, false}, null, null,
                null, illum, null, null, null, 0, null, null, null, null, null, null);
    }

    @Test
    void columnsFollowTheDefinitions() {
        List<LinkedHashMap<String, Object>> rows = CellMetrics.compute(spec(2.0),
                truth(new double[] {1, 3, 2, 1, 0, 0, 0, 0}), "test");
        assertEquals(2, rows.size());
        Map<String, Object> r0 = rows.get(0), r1 = rows.get(1);
        for (Map<String, Object> r : rows) {
            assertEquals(CellTableSchema.storedColumns().stream().map(CellTableSchema.Column::name).toList(),
                    List.copyOf(r.keySet()), "every stored column, in schema order");
            r.values().forEach(v -> assertFalse(v instanceof Double d && d.isNaN(), "no NaN"));
        }
        assertEquals(2, r0.get("n_units"));
        assertEquals(1, r0.get("n_detectable"));
        assertEquals("fixed", r0.get("focus_mode"));
        assertEquals(0, r0.get("detectable_index"));
        assertNull(r1.get("detectable_index"));
        assertEquals(1.0, r0.get("row_px"));
        assertEquals(1.5, r0.get("col_px"));
        assertEquals(1.5, r0.get("edge_distance_px"));
        assertEquals(0.6, r0.get("illumination_at_cell"), "(0, 0) µm samples element [1, 2] (round half even)");
        assertEquals(1.0, r0.get("vignette_at_cell"));
        assertEquals(1.0, r0.get("vessel_transmission_at_cell"));
        assertEquals(1.0, r0.get("optical_brightness"), "no optics step");
        double g = (((1.0 * 0.6) * 1.0) * 100.0) * 0.7;
        assertEquals(g, r0.get("detection_gain_e"));
        assertEquals(2.0 * g / Math.sqrt(1.0 * g + 4.0), r0.get("detection_snr"));
        assertEquals(true, r0.get("snr_flag_consistent"));
        assertEquals("snr", r0.get("detect_rule"));
        assertEquals(2.0, r0.get("peak_dF"));
        assertEquals(1.0, r0.get("baseline"));
        assertEquals(1.0, r0.get("spike_count"));
        assertEquals(0.25, r0.get("active_frame_fraction"));
        assertEquals(1.5, r0.get("amplitude"));
        assertNull(r1.get("amplitude"), "NaN amplitude becomes null");
        assertEquals(0.0, r1.get("detection_snr"));
        assertEquals(1.0, r0.get("fov_visible_fraction"));
        assertEquals(4, r0.get("planted_area_px"));
        assertEquals(4.0, r0.get("observed_integral"), "no optics arrays: observed = planted");
        assertEquals(4, r0.get("observed_core_area_px"));
        assertEquals(0.4, (Double) r0.get("max_neighbor_cosine"), 1e-12);
        assertEquals(1, r0.get("n_overlapping_neighbors"));
        assertEquals(Math.sqrt(2.0), (Double) r0.get("nearest_neighbor_lateral_um"), 1e-12);
        assertEquals(Math.sqrt(18.0), (Double) r0.get("nearest_neighbor_3d_um"), 1e-12);
        assertNull(r0.get("focal_depth_um"));
        assertNull(r0.get("sigma0_um"));
        assertNull(r0.get("vessel_overlap_fraction"));
        assertNull(r0.get("bleach_final"));
        assertNull(r0.get("motion_rms_px"));
        assertNull(r0.get("oracle_trace_corr"), "R columns stay null");
        assertEquals(false, r0.get("has_optics"));
        assertEquals(true, r0.get("has_sensor"));
    }

    @Test
    void zeroNoiseFloorGivesInfinityAndTheCellFileRoundTrips() {
        List<LinkedHashMap<String, Object>> rows = CellMetrics.compute(spec(0.0),
                truth(new double[] {0, 1, 0, 0, 0, 0, 0, 0}), "test");
        assertEquals(Double.POSITIVE_INFINITY, rows.get(0).get("detection_snr"));
        String text = CellRowsJson.write(rows);
        assertEquals(2, text.split("\n").length);
        assertFalse(text.contains("NaN"));
        List<LinkedHashMap<String, Object>> back = CellRowsJson.read(text);
        assertEquals(rows, back);
        assertTrue(back.get(0).get("cell_index") instanceof Integer);
    }
    @Test
    void rowsOfAFullSimulationReproduceItsDetectableFlags() throws Exception {
        String full = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("user.dir"))
                .getParent().resolve("conf/bench/full-256.json"));
        String tiny = full.replace("\"n_px_height\": 256, \"n_px_width\": 256", "\"n_px_height\": 64, \"n_px_width\": 64")
                .replace("\"duration_s\": 10.0", "\"duration_s\": 1.0");
        Spec spec = org.minisim.spec.json.SpecReader.read(tiny).spec();
        GroundTruth gt = org.minisim.scene.Scene.build(spec).groundTruth();
        List<LinkedHashMap<String, Object>> rows = CellMetrics.compute(spec, gt, "test");
        assertEquals(gt.nUnits(), rows.size());
        assertTrue(rows.size() > 3, "a few cells in a 64 px FOV");
        int snrRows = 0;
        for (Map<String, Object> r : rows) {
            r.values().forEach(v -> assertFalse(v instanceof Double d && d.isNaN(), "no NaN"));
            if ("snr".equals(r.get("detect_rule"))) {
                snrRows++;
                assertEquals(true, r.get("snr_flag_consistent"), "row " + r.get("cell_index") + " snr "
                        + r.get("detection_snr") + " vs stored flag " + r.get("detectable"));
            }
            for (String c : List.of("has_motion", "has_neuropil", "has_vasculature", "has_bleaching", "has_leakage")) {
                assertEquals(true, r.get(c), c);
            }
            assertTrue(r.get("motion_rms_px") instanceof Double d && d > 0);
            assertTrue(r.get("vessel_overlap_fraction") instanceof Double);
            assertTrue(r.get("bleach_final") instanceof Double b && b > 0 && b <= 1);
        }
        assertEquals(rows.size(), snrRows);
    }
}
