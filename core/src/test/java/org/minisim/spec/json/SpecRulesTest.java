package org.minisim.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule (J, F, M, S, P, W): the rule id, the path and the words a user sees. */
class SpecRulesTest {
    /** A valid small base: 64 px at 8/8 µm = 64 µm FOV, 1 s at 20 fps. */
    static final String ACQ = "\"acquisition\":{\"fps\":20,\"duration_s\":1.0,\"optics\":{\"magnification\":8},"
            + "\"image_sensor\":{\"n_px_height\":64,\"n_px_width\":64,\"pixel_pitch_um\":8}}";

    static String spec(String steps) {
        return "{" + ACQ + ",\"steps\":[" + steps + "]}";
    }

    static List<SpecIssue> issues(String text) {
        return assertThrows(SpecValidationException.class, () -> SpecReader.read(text)).getIssues();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "J-1 | <document> | trailing content | `{\"steps\":[]} {}`",
        "J-1 | <document> | malformed JSON | `{\"steps\":[`",
        "J-1 | <document> | one JSON object | `[1,2]`",
        "J-2 | acquisition.optics.nax | unknown member 'nax' of Optics; valid members: na, | `{\"acquisition\":{\"optics\":{\"nax\":1}},\"steps\":[]}`",
        "J-2 | steps.sensor.read_noise_e | unknown member 'read_noise_e' of Sensor | `{\"steps\":[{\"kind\":\"sensor\",\"read_noise_e\":1}]}`",
        "J-2 | steps.vasculature.layers[0].kind | unknown member 'kind' of VesselLayer | `{\"steps\":[{\"kind\":\"vasculature\",\"layers\":[{\"kind\":\"x\"}]}]}`",
        "J-3 | steps | required member 'steps' of Spec is missing | `{}`",
        "J-4 | acquisition | null is not allowed | `{\"acquisition\":null,\"steps\":[]}`",
        "J-4 | acquisition.focal_depth_in_tissue_um | null is not allowed | `{\"acquisition\":{\"focal_depth_in_tissue_um\":null},\"steps\":[]}`",
        "J-5 | acquisition.fps | must be a JSON number, not a string | `{\"acquisition\":{\"fps\":\"30\"},\"steps\":[]}`",
        "J-5 | acquisition.fps | must be a JSON number, not a boolean | `{\"acquisition\":{\"fps\":true},\"steps\":[]}`",
        "J-6 | acquisition.image_sensor.bit_depth | must be an integer | `{\"acquisition\":{\"image_sensor\":{\"bit_depth\":3.5}},\"steps\":[]}`",
        "J-6 | acquisition.image_sensor.bit_depth | out of the integer range | `{\"acquisition\":{\"image_sensor\":{\"bit_depth\":3000000000}},\"steps\":[]}`",
        "J-7 | output.save_intermediates | must be true or false | `{\"output\":{\"save_intermediates\":1},\"steps\":[]}`",
        "J-8 | output.store_dtype | must be one of \"float32\", \"float64\" | `{\"output\":{\"store_dtype\":\"float16\"},\"steps\":[]}`",
        "J-9 | acquisition.optics.depth_of_field_um | a number or exactly \"auto\" | `{\"acquisition\":{\"optics\":{\"depth_of_field_um\":\"AUTO\"}},\"steps\":[]}`",
        "J-10 | steps.place_neurons.depth_range_um | exactly 2 numbers | `{\"steps\":[{\"kind\":\"place_neurons\",\"depth_range_um\":[1,2,3]}]}`",
        "J-11 | steps[0] | unknown step kind \"cell_optics\" | `{\"steps\":[{\"kind\":\"cell_optics\"}]}`",
        "J-11 | steps[0] | needs a \"kind\" member | `{\"steps\":[{\"amplitude\":1}]}`",
        "J-12 | acquisition.fps | finite number | `{\"acquisition\":{\"fps\":NaN},\"steps\":[]}`",
        "J-12 | acquisition.fps | finite number | `{\"acquisition\":{\"fps\":1e400},\"steps\":[]}`",
        "J-13 | acquisition | repeated member name 'fps' | `{\"acquisition\":{\"fps\":1,\"fps\":2},\"steps\":[]}`",
        "F:Optics.na | acquisition.optics.na | na must be > 0 | `{\"acquisition\":{\"optics\":{\"na\":0}},\"steps\":[]}`",
        "F:ImageSensor.quantum_efficiency | acquisition.image_sensor.quantum_efficiency | must be in (0, 1] | `{\"acquisition\":{\"image_sensor\":{\"quantum_efficiency\":1.5}},\"steps\":[]}`",
        "F:VesselLayer.branch_area_main | steps.vasculature.layers[0].branch_area_main | in (0.5, 1) | `{\"steps\":[{\"kind\":\"vasculature\",\"layers\":[{\"branch_area_main\":0.5}]}]}`",
        "F:Neuropil.n_components | steps.neuropil.n_components | >= 1 | `{\"steps\":[{\"kind\":\"neuropil\",\"n_components\":0}]}`",
        "M-1 | acquisition.optics.depth_of_field_um | must be > 0 or \"auto\" | `{\"acquisition\":{\"optics\":{\"depth_of_field_um\":0}},\"steps\":[]}`",
        "M-2 | acquisition.optics.field_curvature_radius_um | must be > 0 or null | `{\"acquisition\":{\"optics\":{\"field_curvature_radius_um\":-5}},\"steps\":[]}`",
        "M-3 | acquisition.focal_depth_in_tissue_um | must be >= 0 | `{\"acquisition\":{\"focal_depth_in_tissue_um\":-1},\"steps\":[]}`",
        "M-4 | acquisition.front_working_distance_um | must be > 0 or null | `{\"acquisition\":{\"front_working_distance_um\":0},\"steps\":[]}`",
        "M-5 | steps.place_neurons.populations[0].depth_range_um | 0 <= lo <= hi | `{\"steps\":[{\"kind\":\"place_neurons\",\"populations\":[{\"depth_range_um\":[50,40]}]}]}`",
        "M-6 | steps.place_neurons.populations | must not be empty | `{\"steps\":[{\"kind\":\"place_neurons\",\"populations\":[]}]}`",
        "M-7 | steps.place_neurons.soma_radius_um | move soma_radius_um, positions_um into the populations | `{\"steps\":[{\"kind\":\"place_neurons\",\"soma_radius_um\":5,\"positions_um\":[],\"populations\":[{}]}]}`",
        "M-8 | steps.vasculature.layers[0].min_radius_um | must be < root_radius_um (22.0) | `{\"steps\":[{\"kind\":\"vasculature\",\"layers\":[{\"min_radius_um\":22}]}]}`",
        "M-9 | steps.brain_motion.motion_amplitude_um | must not exceed max_shift_um (15.0) | `{\"steps\":[{\"kind\":\"brain_motion\",\"motion_amplitude_um\":16}]}`",
        "S-1 | steps | duplicate step kind(s) in spec: place_neurons, sensor | `{\"steps\":[{\"kind\":\"sensor\"},{\"kind\":\"place_neurons\"},{\"kind\":\"sensor\"},{\"kind\":\"place_neurons\"}]}`",
        "S-3 | steps.place_neurons.soma_radius_um | does not fit the field of view (64.0 µm | `{" + "\"acquisition\":{\"optics\":{\"magnification\":8},\"image_sensor\":{\"n_px_height\":64,\"n_px_width\":64,\"pixel_pitch_um\":8}},\"steps\":[{\"kind\":\"place_neurons\",\"soma_radius_um\":32.5}]}`",
        "S-4 | steps.cell_activity.tau_decay_s | tau_decay_s × fps must be >= 1 | `{\"steps\":[{\"kind\":\"cell_activity\",\"tau_rise_s\":0.01,\"tau_decay_s\":0.04}]}`",
        "P-2 | seed | seed must be in 0 … 2^63-1 | `{\"seed\":-1,\"steps\":[]}`",
        "P-2 | seed | seed must be in 0 … 2^63-1 | `{\"seed\":9223372036854775808,\"steps\":[]}`",
        "P-3 | steps.cell_activity.tau_rise_s | tau_rise_s must be < tau_decay_s (0.5) | `{\"steps\":[{\"kind\":\"cell_activity\",\"tau_rise_s\":0.5}]}`",
        "P-4 | acquisition.duration_s | the recording has no frame | `{\"acquisition\":{\"duration_s\":0.01},\"steps\":[]}`",
        "P-5 | steps.brain_motion.trajectory_um | has 2 entries but the recording has 3000 frames | `{\"steps\":[{\"kind\":\"brain_motion\",\"trajectory_um\":[[0,0],[1,1]]}]}`",
        "P-6 | steps.leakage.sigma_um | sigma_um must be > 0 or null | `{\"steps\":[{\"kind\":\"leakage\",\"sigma_um\":0}]}`",
    })
    void eachRuleIsReportedWithPathAndMessage(String rule, String path, String words, String text) {
        List<SpecIssue> got = issues(text);
        String expectedPath = path.equals("<document>") ? "" : path;
        assertTrue(got.stream().anyMatch(i -> i.ruleId().equals(rule) && i.path().equals(expectedPath)
                        && i.message().contains(words)),
                "expected " + rule + " at " + path + " saying '" + words + "', got " + got);
    }

    @Test
    void everyFieldErrorIsCollectedAtOnce() {
        List<SpecIssue> got = issues("{\"acquisition\":{\"fps\":-1,\"optics\":{\"na\":\"x\"}},\"seed\":1.5,"
                + "\"steps\":[{\"kind\":\"neuropil\",\"amplitude\":0},{\"kind\":\"nope\"}],\"output\":{\"bad\":1}}");
        assertEquals(List.of("J-5", "F:Acquisition.fps", "J-6", "F:Neuropil.amplitude", "J-11", "J-2"),
                got.stream().map(SpecIssue::ruleId).collect(Collectors.toList()), got.toString());
    }

    @Test
    void modelRulesWaitForValidFields() {
        // min_radius invalid (F) ⇒ M-8 is not evaluated for that layer
        List<SpecIssue> got = issues("{\"steps\":[{\"kind\":\"vasculature\",\"layers\":[{\"min_radius_um\":-1}]}]}");
        assertEquals(List.of("F:VesselLayer.min_radius_um"), got.stream().map(SpecIssue::ruleId).toList());
    }

    @Test
    void duplicateKindsAreAddressedByPosition() {
        List<SpecIssue> got = issues("{\"steps\":[{\"kind\":\"sensor\",\"x\":1},{\"kind\":\"sensor\"}]}");
        assertEquals("steps[0].x", got.get(0).path());
    }

    @Test
    void sAndPRulesAreAllReported() {
        List<SpecIssue> got = issues("{\"seed\":0,\"acquisition\":{\"duration_s\":0.01},\"steps\":["
                + "{\"kind\":\"cell_activity\",\"tau_rise_s\":0.04,\"tau_decay_s\":0.04},"
                + "{\"kind\":\"leakage\",\"sigma_um\":-1}]}");
        assertEquals(List.of("S-4", "P-3", "P-4", "P-6"), got.stream().map(SpecIssue::ruleId).toList());
    }

    @Test
    void boundaryValuesPass() {
        // lo = hi planar layer, focal depth -0.0, tau_decay·fps = 1, soma diameter = FOV, integral float int
        SpecReader.read("{" + ACQ.replace("\"fps\":20", "\"fps\":25") + ",\"steps\":["
                + "{\"kind\":\"place_neurons\",\"soma_radius_um\":32.0,\"depth_range_um\":[50,50]},"
                + "{\"kind\":\"cell_activity\",\"tau_rise_s\":0.01,\"tau_decay_s\":0.04}]}");
        SpecReader.read("{\"acquisition\":{\"focal_depth_in_tissue_um\":-0.0,\"image_sensor\":{\"bit_depth\":12.0}},"
                + "\"steps\":[{\"kind\":\"place_neurons\",\"positions_um\":[]}]}");
    }

    @Test
    void warningsAreReportedAndDoNotChangeTheKey() {
        String base = "\"steps\":[{\"kind\":\"place_neurons\",\"depth_range_um\":[100,150]}]";
        ParsedSpec p = SpecReader.read("{\"acquisition\":{\"focal_depth_in_tissue_um\":20}," + base + "}");
        assertEquals(List.of("W-1"), p.warnings().stream().map(SpecIssue::ruleId).toList());
        assertTrue(p.warnings().get(0).message().contains("outside the cell depths [100.0, 150.0]"));
        ParsedSpec motion = SpecReader.read("{\"steps\":[{\"kind\":\"brain_motion\"}]}");
        assertEquals("W-2", motion.warnings().get(0).ruleId());
        assertEquals("steps.brain_motion", motion.warnings().get(0).path());
    }

    @Test
    void w1UsesTheResolvedPopulationsNotTheUnusedStepDefault() {
        String pops = "\"steps\":[{\"kind\":\"place_neurons\",\"populations\":[{\"depth_range_um\":[100,120]},"
                + "{\"positions_um\":[[300,0,0]]}]}]";
        assertTrue(SpecReader.read("{\"acquisition\":{\"focal_depth_in_tissue_um\":250}," + pops + "}")
                .warnings().isEmpty());
        assertEquals("W-1", SpecReader.read("{\"acquisition\":{\"focal_depth_in_tissue_um\":50}," + pops + "}")
                .warnings().get(0).ruleId());
    }
}
