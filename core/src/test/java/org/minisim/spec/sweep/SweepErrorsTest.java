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

/** docs/sweeps.md#sweep-file-errors: every SW rule, each with the path, position and words a user sees. */
class SweepErrorsTest {
    static final String QS = SweepExamplesTest.QS;
    static final String OUT = "\"output\":{\"stores\":\"file:///s\",\"table\":\"file:///t\"}";

    static String sweep(String members) {
        return SweepExamplesTest.sweep(members);
    }

    static String axes(String axes) {
        return sweep(",\"axes\":[" + axes + "]");
    }

    static String axis(String path, String values) {
        return "{\"path\":\"" + path + "\",\"values\":" + values + "}";
    }

    static Arguments bad(String rule, String path, String words, String file) {
        return Arguments.of(rule, path, words, file);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
            bad("SW-1", "", "malformed JSON", "{\"sweep_format\":1,"),
            bad("SW-1", "", "one JSON object", "[1]"),
            bad("SW-1", "", "repeated member name 'sweep_id'", "{\"sweep_id\":\"a\",\"sweep_id\":\"b\"}"),
            bad("SW-1", "", "trailing content", sweep("") + " {}"),
            bad("SW-2", "colour", "unknown sweep file member 'colour'", sweep(",\"colour\":1")),
            bad("SW-2", "sweep_format", "only 1 is known", sweep("").replace("\"sweep_format\":1", "\"sweep_format\":2")),
            bad("SW-2", "sweep_id", "1 to 64 characters", sweep("").replace("\"t-1\"", "\"t 1\"")),
            bad("SW-2", "sweep_id", "required member sweep_id is missing", sweep("").replace("\"sweep_id\":\"t-1\",", "")),
            bad("SW-2", "output.table", "non-empty URI string", sweep("").replace(",\"table\":\"file:///t\"", "")),
            bad("SW-2", "on_invalid_point", "\"fail\" or \"skip\"", sweep(",\"on_invalid_point\":\"ignore\"")),
            bad("SW-2", "max_recordings", "integer from 1", sweep(",\"max_recordings\":0")),
            bad("SW-3", "", "neither is given", "{\"sweep_format\":1,\"sweep_id\":\"x\"," + OUT + "}"),
            bad("SW-3", "", "not both", sweep(",\"base_preset\":{\"scope\":\"generic_1p\",\"region\":\"ca1\"}")),
            bad("SW-3", "base.acquisition.optics.na", "invalid base: [F:Optics.na] na must be > 0",
                    sweep("").replace("\"na\": 0.45", "\"na\": -1")),
            bad("SW-3", "base_preset.region", "unknown region preset", "{\"sweep_format\":1,\"sweep_id\":\"x\","
                    + "\"base_preset\":{\"scope\":\"generic_1p\",\"region\":\"ca3\"}," + OUT + "}"),
            bad("SW-4", "axes[0]", "must be exactly {\"path\": string, \"values\": [...]}",
                    axes("{\"path\":\"seed\",\"values\":[1],\"unit\":\"none\"}")),
            bad("SW-4", "axes[0]", "must be exactly", axes("\"acquisition.fps\"")),
            bad("SW-4", "acquisition.fps", "values must be a JSON array", axes(axis("acquisition.fps", "20"))),
            bad("SW-5", "acquisition.fps", "values must not be empty", axes(axis("acquisition.fps", "[]"))),
            bad("SW-5", "axes[0].zip", "zip must not be empty", axes("{\"zip\":[]}")),
            bad("SW-6", "axes[0].zip", "acquisition.fps: 3, seed: 2", axes("{\"zip\":["
                    + axis("acquisition.fps", "[10,20,30]") + "," + axis("seed", "[1,2]") + "]}")),
            bad("SW-7", "Acquisition.fps", "grammar", axes(axis("Acquisition.fps", "[1]"))),
            bad("SW-7", "acquisition..fps", "grammar", axes(axis("acquisition..fps", "[1]"))),
            bad("SW-7", "steps[0].amplitude", "by its kind", axes(axis("steps[0].amplitude", "[1]"))),
            bad("SW-8", "acquisition.optics.nax", "'nax' is not a field of Optics; valid fields: na, magnification",
                    axes(axis("acquisition.optics.nax", "[1]"))),
            bad("SW-9", "steps.neuropil.amplitude", "the base has no neuropil step",
                    axes(axis("steps.neuropil.amplitude", "[1]"))),
            bad("SW-9", "steps.cell_optics", "'cell_optics' is not a step kind", axes(axis("steps.cell_optics", "[null]"))),
            bad("SW-10", "steps.place_neurons.populations[0].soma_radius_um", "cannot index steps.place_neurons.populations",
                    axes(axis("steps.place_neurons.populations[0].soma_radius_um", "[5]"))),
            bad("SW-10", "acquisition.fps.hz", "nothing may follow acquisition.fps",
                    axes(axis("acquisition.fps.hz", "[1]"))),
            bad("SW-10", "acquisition.optics[0]", "not an array", axes(axis("acquisition.optics[0]", "[1]"))),
            bad("SW-10", "steps.place_neurons.depth_range_um[2]", "out of range",
                    axes(axis("steps.place_neurons.depth_range_um[2]", "[1]"))),
            bad("SW-11", "steps.sensor.kind", "kind is not addressable", axes(axis("steps.sensor.kind", "[\"sensor\"]"))),
            bad("SW-11", "steps", "bare steps", axes(axis("steps", "[[]]"))),
            bad("SW-11", "steps.neuropil", "must have kind \"neuropil\"",
                    axes(axis("steps.neuropil", "[null,{\"kind\":\"sensor\"}]"))),
            bad("SW-12", "acquisition.optics.na", "lies inside acquisition.optics",
                    axes(axis("acquisition.optics", "[{}]") + "," + axis("acquisition.optics.na", "[0.3]"))),
            bad("SW-12", "seed", "path repeats axes[0]", axes(axis("seed", "[1]") + "," + axis("seed", "[2]"))),
            bad("SW-13", "seed", "cannot be combined with seeds",
                    sweep(",\"axes\":[" + axis("seed", "[1,2]") + "],\"seeds\":{\"start\":0,\"count\":2}")),
            bad("SW-14", "seeds.count", "integer >= 1", sweep(",\"seeds\":{\"start\":0,\"count\":0}")),
            bad("SW-14", "seeds.start", "0 … 2^63-1", sweep(",\"seeds\":{\"start\":-1,\"count\":2}")),
            bad("SW-14", "seeds.list[1]", "listed twice", sweep(",\"seeds\":{\"list\":[4,4]}")),
            bad("SW-14", "seeds.list", "non-empty", sweep(",\"seeds\":{\"list\":[]}")),
            bad("SW-14", "seed_mode", "not a list", sweep(",\"seeds\":{\"list\":[1]},\"seed_mode\":\"distinct\"")),
            bad("SW-14", "seed_mode", "seed_mode needs seeds", sweep(",\"seed_mode\":\"shared\"")),
            bad("SW-14", "seeds", "exceeds 2^63-1", sweep(",\"seeds\":{\"start\":9223372036854775807,\"count\":2}")),
            bad("SW-15", "acquisition.optics.na", "point 0 (seed 0, values {acquisition.optics.na=-1.0}) fails "
                    + "validation [F:Optics.na]", axes(axis("acquisition.optics.na", "[-1.0]"))),
            bad("SW-15", "acquisition.optics.na", "[J-5]", axes(axis("acquisition.optics.na", "[\"0.3\"]"))),
            bad("SW-15", "steps.brain_motion.trajectory_um", "[P-5]",
                    axes(axis("steps.brain_motion", "[{\"trajectory_um\":[[0,0]]}]"))),
            bad("SW-16", "", "same cache key", axes(axis("seed", "[1,1]"))),
            bad("SW-16", "", "point 1 (seed 0, values {acquisition.fps=20.0}) has the same cache key",
                    axes(axis("acquisition.fps", "[20,20.0]"))),
            bad("SW-17", "max_recordings", "expands to 6 recordings (3 points × 2 seeds)",
                    sweep(",\"axes\":[" + axis("acquisition.fps", "[10,20,30]") + "],\"seeds\":{\"start\":0,\"count\":2},"
                            + "\"max_recordings\":5")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFiles")
    void eachBadFileIsRejectedNamingTheRule(String rule, String path, String words, String file) {
        List<SpecIssue> got = assertThrows(SweepValidationException.class, () -> SweepFile.read(file)).getIssues();
        assertTrue(got.stream().anyMatch(i -> i.ruleId().equals(rule) && i.path().equals(path)
                && i.message().contains(words)), "expected " + rule + " at '" + path + "' saying '" + words
                + "', got " + got);
    }

    @Test
    void theTableCoversEverySwRule() {
        Set<String> rules = new TreeSet<>();
        badFiles().forEach(a -> rules.add((String) a.get()[0]));
        for (int i = 1; i <= 17; i++) {
            assertTrue(rules.contains("SW-" + i), "no bad file for SW-" + i);
        }
        assertTrue(badFiles().count() >= 30);
    }

    @Test
    void everyErrorOfAFileIsListedAtOnce() {
        String file = "{\"sweep_format\":1,\"sweep_id\":\"bad id\",\"base\":" + QS + "," + OUT + ",\"colour\":2,"
                + "\"axes\":[" + axis("acquisition.optics.nax", "[1]") + "," + axis("steps.neuropil.amplitude", "[1]")
                + ",{\"zip\":[" + axis("acquisition.fps", "[1,2]") + "," + axis("seed", "[1]") + "]},"
                + axis("acquisition.duration_s", "[]") + "],\"seeds\":{\"start\":0,\"count\":0}}";
        List<String> got = assertThrows(SweepValidationException.class, () -> SweepFile.read(file)).getIssues()
                .stream().map(SpecIssue::ruleId).toList();
        assertEquals(List.of("SW-2", "SW-2", "SW-8", "SW-9", "SW-6", "SW-5", "SW-14"), got);
    }

    @Test
    void everyInvalidPointIsListedWithItsIndex() {
        String file = axes(axis("acquisition.optics.na", "[-1, 0.3, 0]") + "," + axis("acquisition.fps", "[20, \"x\"]"));
        List<SpecIssue> got = assertThrows(SweepValidationException.class, () -> SweepFile.read(file)).getIssues();
        // points 0,1 (na -1), 3 (fps "x"), 4,5 (na 0): five failing points, each named
        assertEquals(5, got.size(), got.toString());
        assertTrue(got.get(2).message().startsWith("point 3 (seed 0, values {acquisition.optics.na=0.3, "
                + "acquisition.fps=\"x\"})"), got.get(2).message());
    }

    @Test
    void wholeStepKindMatchingOrOmittedIsFine() {
        SweepPlan plan = SweepFile.read(axes(axis("steps.sensor", "[{\"kind\":\"sensor\",\"photons_per_unit\":5},"
                + "{\"photons_per_unit\":6}]")));
        assertEquals(2, plan.recordings().size());
    }
}
