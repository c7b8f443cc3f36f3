package org.minisim.spec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minisim.spec.json.SpecIssue;

/**
 * docs/sweeps.md#sweep-file-errors: every bad sample or split block is rejected before anything runs, with the
 * exact line a user sees ({@link SpecIssue#describe()}: path, message, rule id, value).
 */
class SweepSampleErrorsTest {
    static final String NA = "{\"path\":\"acquisition.optics.na\",\"uniform\":[0.3,0.6]}";

    static String sampleBlock(String block) {
        return SweepExamplesTest.sweep(",\"sample\":" + block);
    }

    /** A random sample of 4 points with these axes. */
    static String sampled(String axes) {
        return sampleBlock("{\"count\":4,\"method\":\"random\",\"seed\":7,\"axes\":[" + axes + "]}");
    }

    static String ax(String path, String dist) {
        return "{\"path\":\"" + path + "\"," + dist + "}";
    }

    static Arguments bad(String line, String file) {
        return Arguments.of(line, file);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
            // ---- SW-18: the block
            bad("sample: sample must be an object {\"count\": int, \"method\": \"random\" or \"latin_hypercube\", "
                    + "\"seed\": int, \"axes\": [...]} [SW-18] (value: [1])", sampleBlock("[1]")),
            bad("sample.size: unknown sample member 'size'; valid members: count, method, seed, axes [SW-18] (value: 4)",
                    sampleBlock("{\"count\":4,\"size\":4,\"method\":\"random\",\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("sample.count: required member sample.count is missing [SW-18]",
                    sampleBlock("{\"method\":\"random\",\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("sample.method: required member sample.method is missing [SW-18]",
                    sampleBlock("{\"count\":4,\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("sample.seed: required member sample.seed is missing [SW-18]",
                    sampleBlock("{\"count\":4,\"method\":\"random\",\"axes\":[" + NA + "]}")),
            bad("sample.axes: required member sample.axes is missing [SW-18]",
                    sampleBlock("{\"count\":4,\"method\":\"random\",\"seed\":7}")),
            bad("sample.count: sample.count must be an integer from 1 to 2147483647 [SW-18] (value: 0)",
                    sampleBlock("{\"count\":0,\"method\":\"random\",\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("sample.count: sample.count must be an integer from 1 to 2147483647 [SW-18] (value: -3)",
                    sampleBlock("{\"count\":-3,\"method\":\"random\",\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("sample.count: sample.count must be an integer from 1 to 2147483647 [SW-18] (value: 2.5)",
                    sampleBlock("{\"count\":2.5,\"method\":\"random\",\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("sample.method: sample.method must be \"random\" or \"latin_hypercube\" [SW-18] (value: \"sobol\")",
                    sampleBlock("{\"count\":4,\"method\":\"sobol\",\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("sample.seed: sample.seed must be an integer in 0 … 2^63-1 [SW-18] (value: -1)",
                    sampleBlock("{\"count\":4,\"method\":\"random\",\"seed\":-1,\"axes\":[" + NA + "]}")),
            bad("sample.axes: sample.axes must be a non-empty list of {\"path\": string, <distribution>: parameters}"
                    + " entries [SW-18] (value: [])", sampleBlock("{\"count\":4,\"method\":\"random\",\"seed\":7,"
                    + "\"axes\":[]}")),
            // ---- SW-19: an axis entry
            bad("sample.axes[0]: sample.axes[0]: a sample axis must be an object {\"path\": string, <distribution>: "
                    + "parameters} with one distribution of uniform, log_uniform, int_uniform, normal, choice [SW-19] "
                    + "(value: \"acquisition.optics.na\")", sampled("\"acquisition.optics.na\"")),
            bad("sample.axes[0].beta: sample.axes[0]: unknown distribution 'beta'; valid distributions: uniform, "
                    + "log_uniform, int_uniform, normal, choice (and weights with choice) [SW-19] (value: [1,2])",
                    sampled(ax("acquisition.optics.na", "\"beta\":[1,2]"))),
            bad("sample.axes[0].path: sample.axes[0]: required member path is missing [SW-19]",
                    sampled("{\"uniform\":[0.3,0.6]}")),
            bad("sample.axes[0].path: sample.axes[0]: path must be a string [SW-19] (value: 3)",
                    sampled("{\"path\":3,\"uniform\":[0.3,0.6]}")),
            bad("sample.axes[0]: sample.axes[0]: no distribution given; give one of uniform, log_uniform, int_uniform, "
                    + "normal, choice [SW-19] (value: {\"path\":\"acquisition.optics.na\"})",
                    sampled("{\"path\":\"acquisition.optics.na\"}")),
            bad("sample.axes[0]: sample.axes[0]: give one distribution, not uniform and normal [SW-19] (value: "
                    + "{\"path\":\"acquisition.optics.na\",\"uniform\":[0.3,0.6],\"normal\":{\"mean\":0.4,\"sd\":0.1}})",
                    sampled(ax("acquisition.optics.na", "\"uniform\":[0.3,0.6],\"normal\":{\"mean\":0.4,\"sd\":0.1}"))),
            bad("sample.axes[0].weights: sample.axes[0]: weights go only with choice [SW-19] (value: [1,2])",
                    sampled(ax("acquisition.optics.na", "\"uniform\":[0.3,0.6],\"weights\":[1,2]"))),
            // ---- paths: the grid axes' rules
            bad("acquisition.optics.nax: sample.axes[0]: 'nax' is not a field of Optics; valid fields: na, "
                    + "magnification, emission_nm, depth_of_field_um, field_curvature_radius_um [SW-8]", sampled(ax("acquisition.optics.nax", "\"uniform\":[0.3,0.6]"))),
            bad("steps.neuropil.amplitude: sample.axes[0]: the base has no neuropil step; add it to the base or sweep "
                    + "the whole step (steps.neuropil) [SW-9]",
                    sampled(ax("steps.neuropil.amplitude", "\"uniform\":[0.1,0.5]"))),
            bad("steps.neuropil: sample.axes[0] choice 1: a whole-step value for steps.neuropil must have kind "
                    + "\"neuropil\" or omit it [SW-11] (value: \"sensor\")",
                    sampled(ax("steps.neuropil", "\"choice\":[null,{\"kind\":\"sensor\"}]"))),
            bad("acquisition.optics.na: sample.axes[0]: path repeats axes[0] [SW-12]",
                    SweepExamplesTest.sweep(",\"axes\":[{\"path\":\"acquisition.optics.na\",\"values\":[0.3,0.4]}],"
                            + "\"sample\":{\"count\":4,\"method\":\"random\",\"seed\":7,\"axes\":[" + NA + "]}")),
            bad("acquisition.optics.na: sample.axes[1]: path lies inside acquisition.optics (axes[0]); one axis may "
                    + "not contain another [SW-12]", SweepExamplesTest.sweep(",\"axes\":[{\"path\":"
                    + "\"acquisition.optics\",\"values\":[{}]}],\"sample\":{\"count\":4,\"method\":\"random\","
                    + "\"seed\":7,\"axes\":[" + ax("acquisition.fps", "\"uniform\":[10,20]") + "," + NA + "]}")),
            bad("acquisition.optics.na: sample.axes[1]: path repeats sample.axes[0] [SW-12]", sampled(NA + "," + NA)),
            bad("seed: sample.axes[0]: a seed axis cannot be combined with seeds [SW-13]",
                    SweepExamplesTest.sweep(",\"seeds\":{\"start\":0,\"count\":2},\"sample\":{\"count\":4,\"method\":"
                            + "\"random\",\"seed\":7,\"axes\":[" + ax("seed", "\"int_uniform\":[0,1000]") + "]}")),
            // ---- SW-20: parameters
            bad("sample.axes[0].uniform: sample.axes[0] (acquisition.optics.na): uniform must be [lo, hi], two finite "
                    + "numbers [SW-20] (value: [0.3])", sampled(ax("acquisition.optics.na", "\"uniform\":[0.3]"))),
            bad("sample.axes[0].uniform: sample.axes[0] (acquisition.optics.na): uniform must be [lo, hi], two finite "
                    + "numbers [SW-20] (value: [\"0.3\",0.6])",
                    sampled(ax("acquisition.optics.na", "\"uniform\":[\"0.3\",0.6]"))),
            bad("sample.axes[0].uniform: sample.axes[0] (acquisition.optics.na): uniform needs lo < hi (lo 0.6, hi 0.3)"
                    + " [SW-20] (value: [0.6,0.3])", sampled(ax("acquisition.optics.na", "\"uniform\":[0.6,0.3]"))),
            bad("sample.axes[0].uniform: sample.axes[0] (acquisition.optics.na): uniform needs lo < hi (lo 0.4, hi 0.4)"
                    + " [SW-20] (value: [0.4,0.4])", sampled(ax("acquisition.optics.na", "\"uniform\":[0.4,0.4]"))),
            bad("sample.axes[0].log_uniform: sample.axes[0] (steps.place_neurons.density_per_mm3): log_uniform needs "
                    + "lo > 0 (lo 0) [SW-20] (value: [0,100000.0])",
                    sampled(ax("steps.place_neurons.density_per_mm3", "\"log_uniform\":[0,1e5]"))),
            bad("sample.axes[0].log_uniform: sample.axes[0] (acquisition.focal_depth_in_tissue_um): log_uniform needs "
                    + "lo > 0 (lo -10) [SW-20] (value: [-10,100])",
                    sampled(ax("acquisition.focal_depth_in_tissue_um", "\"log_uniform\":[-10,100]"))),
            bad("sample.axes[0].int_uniform: sample.axes[0] (acquisition.image_sensor.bit_depth): int_uniform must be "
                    + "[lo, hi], two integers from -2^53 to 2^53 [SW-20] (value: [8,12.5])",
                    sampled(ax("acquisition.image_sensor.bit_depth", "\"int_uniform\":[8,12.5]"))),
            bad("sample.axes[0].int_uniform: sample.axes[0] (acquisition.image_sensor.bit_depth): int_uniform needs "
                    + "lo < hi (lo 12, hi 8) [SW-20] (value: [12,8])",
                    sampled(ax("acquisition.image_sensor.bit_depth", "\"int_uniform\":[12,8]"))),
            bad("sample.axes[0].normal: sample.axes[0] (acquisition.image_sensor.read_noise_e): normal must be "
                    + "{\"mean\": number, \"sd\": number} with optional \"min\" and \"max\" (a truncated normal) [SW-20] "
                    + "(value: [2,0.5])", sampled(ax("acquisition.image_sensor.read_noise_e", "\"normal\":[2,0.5]"))),
            bad("sample.axes[0].normal.sigma: sample.axes[0] (acquisition.image_sensor.read_noise_e): unknown normal "
                    + "member 'sigma'; valid members: mean, sd, min, max [SW-20] (value: 0.5)",
                    sampled(ax("acquisition.image_sensor.read_noise_e", "\"normal\":{\"mean\":2,\"sigma\":0.5}"))),
            bad("sample.axes[0].normal.sd: sample.axes[0] (acquisition.image_sensor.read_noise_e): required member "
                    + "normal.sd is missing [SW-20]",
                    sampled(ax("acquisition.image_sensor.read_noise_e", "\"normal\":{\"mean\":2}"))),
            bad("sample.axes[0].normal.min: sample.axes[0] (acquisition.image_sensor.read_noise_e): normal.min must be "
                    + "a finite number [SW-20] (value: null)", sampled(ax("acquisition.image_sensor.read_noise_e",
                    "\"normal\":{\"mean\":2,\"sd\":0.5,\"min\":null}"))),
            bad("sample.axes[0].normal.sd: sample.axes[0] (acquisition.image_sensor.read_noise_e): normal.sd must be > 0"
                    + " [SW-20] (value: 0)", sampled(ax("acquisition.image_sensor.read_noise_e",
                    "\"normal\":{\"mean\":2,\"sd\":0}"))),
            bad("sample.axes[0].normal: sample.axes[0] (acquisition.image_sensor.read_noise_e): normal needs min < max "
                    + "(min 3, max 1) [SW-20] (value: {\"mean\":2,\"sd\":0.5,\"min\":3,\"max\":1})",
                    sampled(ax("acquisition.image_sensor.read_noise_e",
                            "\"normal\":{\"mean\":2,\"sd\":0.5,\"min\":3,\"max\":1}"))),
            bad("sample.axes[0].normal: sample.axes[0] (acquisition.image_sensor.read_noise_e): normal keeps only 0.0 "
                    + "of its probability between min and max (at least 1e-12 is needed); use uniform [SW-20] (value: "
                    + "{\"mean\":2,\"sd\":0.01,\"min\":20,\"max\":30})",
                    sampled(ax("acquisition.image_sensor.read_noise_e",
                            "\"normal\":{\"mean\":2,\"sd\":0.01,\"min\":20,\"max\":30}"))),
            bad("sample.axes[0].choice: sample.axes[0] (steps.brain_motion): choice must be a non-empty list of values "
                    + "[SW-20] (value: [])", sampled(ax("steps.brain_motion", "\"choice\":[]"))),
            bad("sample.axes[0].weights: sample.axes[0] (steps.brain_motion): weights has 3 number(s) for 2 choice "
                    + "value(s) [SW-20] (value: [1,1,1])",
                    sampled(ax("steps.brain_motion", "\"choice\":[null,{\"model\":\"walk\"}],\"weights\":[1,1,1]"))),
            bad("sample.axes[0].weights: sample.axes[0] (steps.brain_motion): weights must be a list of numbers >= 0, "
                    + "one per choice value [SW-20] (value: 0.5)",
                    sampled(ax("steps.brain_motion", "\"choice\":[null,{\"model\":\"walk\"}],\"weights\":0.5"))),
            bad("sample.axes[0].weights[0]: sample.axes[0] (steps.brain_motion): weights[0] must be a finite number >= 0"
                    + " [SW-20] (value: -0.3)",
                    sampled(ax("steps.brain_motion", "\"choice\":[null,{\"model\":\"walk\"}],\"weights\":[-0.3,1.3]"))),
            bad("sample.axes[0].weights: sample.axes[0] (steps.brain_motion): weights must not all be 0 [SW-20] "
                    + "(value: [0,0])",
                    sampled(ax("steps.brain_motion", "\"choice\":[null,{\"model\":\"walk\"}],\"weights\":[0,0]"))),
            bad("sample.axes[0].uniform: sample.axes[0] (steps.brain_motion): uniform draws numbers, but "
                    + "steps.brain_motion is a whole step; use choice [SW-20]",
                    sampled(ax("steps.brain_motion", "\"uniform\":[0,1]"))),
            bad("sample.axes[0].normal: sample.axes[0] (steps.place_neurons.depth_range_um): normal draws numbers, but "
                    + "steps.place_neurons.depth_range_um is not a number; use choice [SW-20]",
                    sampled(ax("steps.place_neurons.depth_range_um", "\"normal\":{\"mean\":50,\"sd\":5}"))),
            // ---- SW-21: values the spec rules reject
            bad("sample.axes[0].uniform: sample.axes[0] (acquisition.optics.na): lo -0.1 is not a valid value: "
                    + "[F:Optics.na] na must be > 0 [SW-21] (value: -0.1)",
                    sampled(ax("acquisition.optics.na", "\"uniform\":[-0.1,0.6]"))),
            bad("sample.axes[0].int_uniform: sample.axes[0] (acquisition.image_sensor.bit_depth): lo 0 is not a valid "
                    + "value: [F:ImageSensor.bit_depth] bit_depth must be > 0 [SW-21] (value: 0)",
                    sampled(ax("acquisition.image_sensor.bit_depth", "\"int_uniform\":[0,12]"))),
            bad("sample.axes[0].uniform: sample.axes[0] (acquisition.image_sensor.bit_depth): a drawn value "
                    + "9.52786404500042 is not a valid value: [J-6] bit_depth must be an integer [SW-21] "
                    + "(value: 9.52786404500042)",
                    sampled(ax("acquisition.image_sensor.bit_depth", "\"uniform\":[8,12]"))),
            bad("sample.axes[0].normal: sample.axes[0] (acquisition.image_sensor.read_noise_e): min -1.0 is not a valid "
                    + "value: [F:ImageSensor.read_noise_e] read_noise_e must be >= 0 [SW-21] (value: -1.0)",
                    sampled(ax("acquisition.image_sensor.read_noise_e",
                            "\"normal\":{\"mean\":2,\"sd\":0.5,\"min\":-1,\"max\":3}"))),
            bad("sample.axes[0].choice[1]: sample.axes[0] (steps.brain_motion): choice[1] {\"model\":\"wlk\"} is not a "
                    + "valid value: [J-8] model must be one of \"physical\", \"walk\" [SW-21] (value: {\"model\":\"wlk\"})",
                    sampled(ax("steps.brain_motion", "\"choice\":[null,{\"model\":\"wlk\"}]"))),
            // ---- the grid rules that count sample points
            bad("<document>: point 1 (sample 1, seed 0, values {acquisition.optics.na=0.5}) has the same cache key "
                    + "KEY as point 0 (seed 0): every recording of a sweep must be distinct [SW-16]",
                    sampled(ax("acquisition.optics.na", "\"choice\":[0.5]"))),
            bad("max_recordings: the sweep expands to 24 recordings (4 sample points × 3 grid points × 2 seeds), more "
                    + "than max_recordings = 20 [SW-17] (value: 20)", SweepExamplesTest.sweep(",\"axes\":[{\"path\":"
                    + "\"acquisition.fps\",\"values\":[10,20,30]}],\"seeds\":{\"start\":0,\"count\":2},"
                    + "\"max_recordings\":20,\"sample\":{\"count\":4,\"method\":\"random\",\"seed\":7,\"axes\":["
                    + NA + "]}")),
            // ---- SW-22: split
            bad("split: split must be an object {\"train\": fraction, \"validation\": fraction, \"test\": fraction} "
                    + "[SW-22] (value: 0.8)", SweepExamplesTest.sweep(",\"split\":0.8")),
            bad("split.dev: unknown split member 'dev'; valid members: train, validation, test [SW-22] (value: 0.1)",
                    SweepExamplesTest.sweep(",\"split\":{\"train\":0.8,\"validation\":0.1,\"test\":0.0,\"dev\":0.1}")),
            bad("split.test: required member split.test is missing (give all three fractions) [SW-22]",
                    SweepExamplesTest.sweep(",\"split\":{\"train\":0.9,\"validation\":0.1}")),
            bad("split.train: split.train must be a number from 0 to 1 [SW-22] (value: 1.2)",
                    SweepExamplesTest.sweep(",\"split\":{\"train\":1.2,\"validation\":-0.1,\"test\":-0.1}")),
            bad("split.validation: split.validation must be a number from 0 to 1 [SW-22] (value: \"0.1\")",
                    SweepExamplesTest.sweep(",\"split\":{\"train\":0.8,\"validation\":\"0.1\",\"test\":0.1}")),
            bad("split: split fractions must sum to 1 (they sum to 0.9) [SW-22] (value: "
                    + "{\"train\":0.7,\"validation\":0.1,\"test\":0.1})",
                    SweepExamplesTest.sweep(",\"split\":{\"train\":0.7,\"validation\":0.1,\"test\":0.1}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void eachBadBlockIsRejectedWithTheExactLine(String line, String file) {
        List<SpecIssue> got = assertThrows(SweepValidationException.class, () -> SweepFile.read(file)).getIssues();
        List<String> lines = got.stream().map(SpecIssue::describe).map(l -> l.replaceAll("cache key [0-9a-f]{16}",
                "cache key KEY")).toList();
        assertTrue(lines.contains(line), "expected\n  " + line + "\ngot\n  " + String.join("\n  ", lines));
    }

    @Test
    void theTableCoversEveryNewSwRule() {
        Set<String> rules = new TreeSet<>();
        badFiles().forEach(a -> {
            String line = (String) a.get()[0];
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(SW-[0-9]+)]").matcher(line);
            while (m.find()) {
                rules.add(m.group(1));
            }
        });
        for (int i = 18; i <= 22; i++) {
            assertTrue(rules.contains("SW-" + i), "no bad block for SW-" + i);
        }
    }

    @Test
    void everyErrorOfASampleBlockIsListedAtOnce() {
        String file = sampleBlock("{\"count\":0,\"method\":\"sobol\",\"seed\":7,\"axes\":["
                + ax("acquisition.optics.na", "\"uniform\":[0.6,0.3]") + ","
                + ax("acquisition.optics.nax", "\"uniform\":[0.3,0.6]") + ","
                + ax("steps.brain_motion", "\"choice\":[null],\"weights\":[1,2]") + "]}");
        List<String> got = assertThrows(SweepValidationException.class, () -> SweepFile.read(file)).getIssues()
                .stream().map(SpecIssue::ruleId).toList();
        assertEquals(List.of("SW-18", "SW-18", "SW-20", "SW-8", "SW-20"), got);
    }
}
