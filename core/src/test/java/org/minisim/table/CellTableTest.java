package org.minisim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minisim.scene.Scene;
import org.minisim.spec.Spec;
import org.minisim.spec.json.SpecReader;

/** The scene columns of the per-cell table, from their definitions, on the worked example and a simulation. */
class CellTableTest {

    private static final double[] TRACES = {1, 3, 2, 1, 0, 0, 0, 0};

    @Test
    void everyColumnIsDefinedOnceWithADescription() {
        Set<String> names = new HashSet<>();
        for (CellColumn c : CellTable.FIXED) {
            assertTrue(names.add(c.name()), "defined once: " + c.name());
            assertFalse(c.description().isBlank(), c.name());
            assertTrue(c.name().matches("[a-z][a-z0-9_A-Z]*"), c.name());
        }
        assertEquals(CellTable.SWEEP_COLUMNS.size() + CellTable.STORED.size(), CellTable.FIXED.size());
        assertTrue(names.contains("oracle_trace_corr") && names.contains("split") && names.contains("axes"));
    }

    @Test
    void columnsFollowTheDefinitions() {
        CellRows rows = TableFixtures.rows(2.0, TRACES);
        assertEquals(2, rows.size());
        for (int c = 0; c < CellTable.STORED.size(); c++) {
            for (int r = 0; r < 2; r++) {
                assertFalse(rows.get(c, r) instanceof Double d && d.isNaN(), "no NaN");
            }
        }
        assertEquals(2, rows.get("n_units", 0));
        assertEquals(1, rows.get("n_detectable", 0));
        assertEquals("fixed", rows.get("focus_mode", 0));
        assertEquals(0, rows.get("detectable_index", 0));
        assertNull(rows.get("detectable_index", 1));
        assertEquals(1.0, rows.get("row_px", 0));
        assertEquals(1.5, rows.get("col_px", 0));
        assertEquals(1.5, rows.get("edge_distance_px", 0));
        assertEquals(0.6, rows.get("illumination_at_cell", 0), "(0, 0) µm samples element [1, 2] (round half even)");
        assertEquals(1.0, rows.get("vignette_at_cell", 0));
        assertEquals(1.0, rows.get("vessel_transmission_at_cell", 0));
        assertEquals(1.0, rows.get("optical_brightness", 0), "no optics step");
        double g = (((1.0 * 0.6) * 1.0) * 100.0) * 0.7;
        assertEquals(g, rows.get("detection_gain_e", 0));
        assertEquals(2.0 * g / Math.sqrt(1.0 * g + 4.0), rows.get("detection_snr", 0));
        assertEquals(true, rows.get("snr_flag_consistent", 0));
        assertEquals("snr", rows.get("detect_rule", 0));
        assertEquals(2.0, rows.get("peak_dF", 0));
        assertEquals(1.0, rows.get("baseline", 0));
        assertEquals(1.0, rows.get("spike_count", 0));
        assertEquals(0.25, rows.get("active_frame_fraction", 0));
        assertEquals(1.5, rows.get("amplitude", 0));
        assertNull(rows.get("amplitude", 1), "NaN amplitude becomes null");
        assertEquals(0.0, rows.get("detection_snr", 1));
        assertEquals(1.0, rows.get("fov_visible_fraction", 0));
        assertEquals(4, rows.get("planted_area_px", 0));
        assertEquals(4.0, rows.get("observed_integral", 0), "no optics: observed = planted");
        assertEquals(4, rows.get("observed_core_area_px", 0));
        // the footprints share one pixel, (1, 2), where both are 1: <a0, a1> = 1; |a0| = 2, |a1| = 1.25
        assertEquals(1.0 / (2.0 * 1.25), (Double) rows.get("max_neighbor_cosine", 0), 1e-12);
        assertEquals(1, rows.get("n_overlapping_neighbors", 0));
        assertEquals(Math.sqrt(2.0), (Double) rows.get("nearest_neighbor_lateral_um", 0), 1e-12);
        assertEquals(Math.sqrt(18.0), (Double) rows.get("nearest_neighbor_3d_um", 0), 1e-12);
        assertNull(rows.get("focal_depth_um", 0));
        assertNull(rows.get("sigma0_um", 0));
        assertNull(rows.get("vessel_overlap_fraction", 0));
        assertNull(rows.get("bleach_final", 0));
        assertNull(rows.get("motion_rms_px", 0));
        assertNull(rows.get("oracle_trace_corr", 0), "render columns stay null");
        assertEquals(false, rows.get("has_optics", 0));
        assertEquals(true, rows.get("has_sensor", 0));
    }

    @Test
    void zeroNoiseFloorGivesInfinityAndTheCellFileRoundTrips() {
        CellRows rows = TableFixtures.rows(0.0, new double[] {0, 1, 0, 0, 0, 0, 0, 0});
        assertEquals(Double.POSITIVE_INFINITY, rows.get("detection_snr", 0));
        byte[] file = CellRowsFile.write(rows);
        String text = new String(file, StandardCharsets.UTF_8);
        assertEquals(2, text.split("\n").length);
        assertFalse(text.contains("NaN"));
        CellRows back = CellRowsFile.read(file, "test");
        for (int c = 0; c < CellTable.STORED.size(); c++) {
            for (int r = 0; r < 2; r++) {
                assertEquals(rows.get(c, r), back.get(c, r), CellTable.STORED.get(c).name());
            }
        }
        assertTrue(back.get("cell_index", 0) instanceof Integer);
    }

    /**
     * Every double of a cell file reads back to the same bits: random values over the whole range (tiny, huge,
     * subnormal, negative, integral, ±∞) in every double column.
     */
    @Test
    void cellFileDoublesRoundTripExactly() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        int n = 400;
        CellRows rows = new CellRows(n);
        for (int c = 0; c < CellTable.STORED.size(); c++) {
            if (CellTable.STORED.get(c).type() != ColumnType.DOUBLE) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                double v = switch (r % 6) {
                    case 0 -> Double.longBitsToDouble(rnd.nextLong()); // any bits (NaN: null)
                    case 1 -> rnd.nextDouble();
                    case 2 -> Double.MIN_VALUE * rnd.nextInt(1, 1 << 20); // subnormal
                    case 3 -> Math.scalb(rnd.nextDouble() - 0.5, rnd.nextInt(-1074, 1000));
                    case 4 -> (double) rnd.nextInt(-1000, 1000);
                    default -> r % 12 == 5 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                };
                rows.setDouble(c, r, v);
            }
        }
        CellRows back = CellRowsFile.read(CellRowsFile.write(rows), "test");
        for (int c = 0; c < CellTable.STORED.size(); c++) {
            for (int r = 0; r < n; r++) {
                assertEquals(rows.get(c, r), back.get(c, r), CellTable.STORED.get(c).name() + " row " + r);
            }
        }
    }

    @Test
    void rowsOfAFullSimulationReproduceItsDetectableFlags() throws Exception {
        String full = new String(CellTableTest.class.getResourceAsStream("/specs/full-64px-1s.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Spec spec = SpecReader.read(full).spec();
        Scene scene = Scene.build(spec);
        CellRows rows = CellTable.sceneRows(CellFacts.of(scene, "test"));
        assertEquals(scene.streamedTruth().nUnits(), rows.size());
        assertTrue(rows.size() > 3, "a few cells in a 64 px FOV");
        int snrRows = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < CellTable.STORED.size(); c++) {
                assertFalse(rows.get(c, r) instanceof Double d && d.isNaN(), "no NaN");
            }
            if ("snr".equals(rows.get("detect_rule", r))) {
                snrRows++;
                assertEquals(true, rows.get("snr_flag_consistent", r), "row " + r + " snr "
                        + rows.get("detection_snr", r) + " vs stored flag " + rows.get("detectable", r));
            }
            for (String c : List.of("has_motion", "has_neuropil", "has_vasculature", "has_bleaching", "has_leakage")) {
                assertEquals(true, rows.get(c, r), c);
            }
            assertTrue(rows.get("motion_rms_px", r) instanceof Double d && d > 0);
            assertTrue(rows.get("vessel_overlap_fraction", r) instanceof Double);
            assertTrue(rows.get("bleach_final", r) instanceof Double b && b > 0 && b <= 1);
            Object cos = rows.get("max_neighbor_cosine", r);
            assertTrue(cos == null || (Double) cos >= 0 && (Double) cos <= 1 + 1e-6, "cosine in [0, 1]: " + cos);
        }
        assertEquals(rows.size(), snrRows);
    }
}
