package org.minisim.spec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minisim.random.Purpose;
import org.minisim.random.RandomStreams;
import org.minisim.spec.BrainMotion;
import org.minisim.spec.json.SpecIssue;

/** docs/sweeps.md#sampled-sweeps and docs/sweeps.md#training-splits: expansion, order, determinism, columns, splits. */
class SweepSampleTest {
    /** The sample block of the issue: five axes, one of each distribution. */
    static final String FIVE_AXES = "[{\"path\":\"acquisition.optics.na\",\"uniform\":[0.3,0.6]},"
            + "{\"path\":\"steps.place_neurons.density_per_mm3\",\"log_uniform\":[1e4,1e5]},"
            + "{\"path\":\"acquisition.image_sensor.bit_depth\",\"int_uniform\":[8,12]},"
            + "{\"path\":\"acquisition.image_sensor.read_noise_e\",\"normal\":{\"mean\":2,\"sd\":0.5,\"min\":1,\"max\":3}},"
            + "{\"path\":\"steps.brain_motion\",\"choice\":[null,{\"model\":\"walk\"}],\"weights\":[0.3,0.7]}]";

    static String sampleSweep(String method, int count, String axes, String more) {
        return SweepExamplesTest.sweep(",\"sample\":{\"count\":" + count + ",\"method\":\"" + method
                + "\",\"seed\":7,\"axes\":" + axes + "}" + more);
    }

    /** What identifies a recording: index, seed, key, values, columns, split. */
    static List<String> identity(SweepPlan plan) {
        return plan.recordings().stream().map(r -> r.pointIndex() + " " + r.seed() + " " + r.cacheKey() + " "
                + r.axesJson() + " " + r.axColumns() + " " + r.split()).toList();
    }

    @Test
    void theSameFileExpandsToTheSameKeysOnEveryRead() {
        for (String method : List.of("random", "latin_hypercube")) {
            String file = sampleSweep(method, 30, FIVE_AXES, ",\"seeds\":{\"start\":0,\"count\":2}");
            SweepPlan a = SweepFile.read(file);
            SweepPlan b = SweepFile.read(file);
            assertEquals(60, a.recordings().size());
            assertEquals(identity(a), identity(b), method);
            Set<String> keys = new HashSet<>();
            a.recordings().forEach(r -> keys.add(r.cacheKey()));
            assertEquals(60, keys.size(), "every drawn point is a distinct recording");
        }
    }

    @Test
    void randomPointValuesDependOnlyOnTheSampleSeedAndTheIndex() {
        // the documented draw: u = (top 53 bits of the first word of stream (SWEEP_SAMPLE, i, j) + 1/2) / 2^53,
        // uniform [lo, hi] → (1 − u)·lo + u·hi: fixed by the addressed streams alone, so the same on every run
        SweepPlan plan = SweepFile.read(sampleSweep("random", 20, "[{\"path\":\"acquisition.optics.na\","
                + "\"uniform\":[0.3,0.6]}]", ""));
        RandomStreams streams = new RandomStreams(7);
        for (SweepRecording r : plan.recordings()) {
            double u = ((streams.stream(Purpose.SWEEP_SAMPLE, r.pointIndex(), 0).nextLong() >>> 11) + 0.5) * 0x1.0p-53;
            assertEquals((1 - u) * 0.3 + u * 0.6, r.axColumns().get("ax_acquisition__optics__na"), 0.0,
                    "point " + r.pointIndex());
        }
        // and another seed draws other values
        SweepPlan other = SweepFile.read(sampleSweep("random", 20, "[{\"path\":\"acquisition.optics.na\","
                + "\"uniform\":[0.3,0.6]}]", "").replace("\"seed\":7", "\"seed\":8"));
        assertNotEquals(identity(plan), identity(other));
    }

    @Test
    void growingARandomCountKeepsTheEarlierPointsValuesAndKeys() {
        String grid = ",\"axes\":[{\"path\":\"acquisition.fps\",\"values\":[10,20]}],"
                + "\"seeds\":{\"start\":0,\"count\":2},\"seed_mode\":\"distinct\"";
        List<String> small = identity(SweepFile.read(sampleSweep("random", 6, FIVE_AXES, grid)));
        List<String> large = identity(SweepFile.read(sampleSweep("random", 15, FIVE_AXES, grid)));
        assertEquals(6 * 2 * 2, small.size());
        assertEquals(15 * 2 * 2, large.size());
        assertEquals(small, large.subList(0, small.size()));
    }

    @Test
    void latinHypercubeRestratifiesWhenTheCountChanges() {
        // documented: a Latin hypercube of another count is another design, not an extension
        String axes = "[{\"path\":\"acquisition.optics.na\",\"uniform\":[0.3,0.6]}]";
        List<String> small = identity(SweepFile.read(sampleSweep("latin_hypercube", 6, axes, "")));
        List<String> large = identity(SweepFile.read(sampleSweep("latin_hypercube", 7, axes, "")));
        assertNotEquals(small, large.subList(0, small.size()));
    }

    @Test
    void sampleCrossedWithAGridAxisAndSeedsIsSampleMajorThenGridThenSeed() {
        SweepPlan plan = SweepFile.read(sampleSweep("latin_hypercube", 4, FIVE_AXES,
                ",\"axes\":[{\"path\":\"acquisition.fps\",\"values\":[10,20,30]}],\"seeds\":{\"list\":[5,9]}"));
        assertEquals(4 * 3 * 2, plan.recordings().size());
        assertEquals(12, plan.pointCount());
        assertEquals(4, plan.sampleCount());
        assertEquals(List.of("acquisition.fps", "acquisition.optics.na", "steps.place_neurons.density_per_mm3",
                "acquisition.image_sensor.bit_depth", "acquisition.image_sensor.read_noise_e", "steps.brain_motion"),
                plan.axisPaths());
        String[] fps = {"10.0", "20.0", "30.0"};
        for (int k = 0; k < plan.recordings().size(); k++) {
            SweepRecording r = plan.recordings().get(k);
            int point = k / 2;
            assertEquals(point, r.pointIndex(), "point-major");
            assertEquals(k % 2 == 0 ? 5L : 9L, r.seed(), "seed-minor");
            assertEquals(fps[point % 3], r.axesJson().get("acquisition.fps"), "grid point = point mod 3");
            SweepRecording firstOfSample = plan.recordings().get(point / 3 * 6);
            for (String path : plan.axisPaths().subList(1, 6)) {
                assertEquals(firstOfSample.axesJson().get(path), r.axesJson().get(path),
                        "sample point = point / 3 shares its drawn values");
            }
        }
        assertNotEquals(plan.recordings().get(0).axesJson().get("acquisition.optics.na"),
                plan.recordings().get(6).axesJson().get("acquisition.optics.na"));
    }

    @Test
    void drawnValuesAreRecordedLikeGridValues() {
        SweepPlan plan = SweepFile.read(sampleSweep("random", 40, FIVE_AXES, ""));
        boolean removed = false;
        boolean walking = false;
        for (SweepRecording r : plan.recordings()) {
            Map<String, String> axes = r.axesJson();
            assertEquals(List.of("acquisition.optics.na", "steps.place_neurons.density_per_mm3",
                    "acquisition.image_sensor.bit_depth", "acquisition.image_sensor.read_noise_e", "steps.brain_motion"),
                    List.copyOf(axes.keySet()));
            assertEquals(List.of("ax_acquisition__optics__na", "ax_steps__place_neurons__density_per_mm3",
                    "ax_acquisition__image_sensor__bit_depth", "ax_acquisition__image_sensor__read_noise_e"),
                    List.copyOf(r.axColumns().keySet()), "numbers get ax_ columns, a whole step none");
            double na = r.axColumns().get("ax_acquisition__optics__na");
            assertEquals(r.spec().acquisition().optics().na(), na);
            assertTrue(na >= 0.3 && na <= 0.6);
            int bits = r.spec().acquisition().imageSensor().bitDepth();
            assertEquals(String.valueOf(bits), axes.get("acquisition.image_sensor.bit_depth"));
            assertEquals(bits, r.axColumns().get("ax_acquisition__image_sensor__bit_depth"));
            double noise = r.axColumns().get("ax_acquisition__image_sensor__read_noise_e");
            assertTrue(noise >= 1 && noise <= 3);
            boolean moving = r.spec().step(BrainMotion.class).isPresent();
            assertEquals(moving ? "walk" : null, moving ? r.spec().step(BrainMotion.class).get().model().jsonName()
                    : null);
            assertEquals(!moving, axes.get("steps.brain_motion").equals("null"));
            removed |= !moving;
            walking |= moving;
        }
        assertTrue(removed && walking, "both choices drawn in 40 points");
    }

    @Test
    void aDrawnPointTheSpecRulesRejectIsSkippedOrFailsTheSweep() {
        // depth_range_um[1] below the base's lower end 0 breaks M-5 (lo <= hi): a rule relating two fields,
        // so it is judged per point
        String axes = "[{\"path\":\"steps.place_neurons.depth_range_um[1]\",\"uniform\":[-40,60]}]";
        SweepPlan plan = SweepFile.read(sampleSweep("latin_hypercube", 10, axes, ",\"on_invalid_point\":\"skip\""));
        assertEquals(4, plan.invalidPoints().size(), "the strata below 0: 4 of 10");
        assertEquals(6, plan.recordings().size());
        for (SweepInvalidPoint p : plan.invalidPoints()) {
            assertEquals(List.of("M-5"), p.ruleIds());
            assertTrue(Double.parseDouble(p.axesJson().get("steps.place_neurons.depth_range_um[1]")) < 0);
        }
        List<SpecIssue> errors = assertThrows(SweepValidationException.class,
                () -> SweepFile.read(sampleSweep("latin_hypercube", 10, axes, ""))).getIssues();
        assertEquals(4, errors.size());
        for (int k = 0; k < 4; k++) {
            SweepInvalidPoint p = plan.invalidPoints().get(k);
            assertEquals("SW-15", errors.get(k).ruleId());
            assertTrue(errors.get(k).message().startsWith("point " + p.pointIndex() + " (sample " + p.pointIndex()
                    + ", seed 0, values {steps.place_neurons.depth_range_um[1]="), errors.get(k).message());
            assertTrue(errors.get(k).message().contains("fails validation [M-5]"), errors.get(k).message());
        }
    }

    @Test
    void theSeedItselfCanBeSampled() {
        SweepPlan plan = SweepFile.read(sampleSweep("random", 5, "[{\"path\":\"seed\",\"int_uniform\":[0,1000000]}]",
                ""));
        for (SweepRecording r : plan.recordings()) {
            assertEquals(String.valueOf(r.seed()), r.axesJson().get("seed"));
        }
    }

    @Test
    void theSplitIsAHashOfTheCacheKeyAgainstTheFractions() {
        SweepPlan plan = SweepFile.read(sampleSweep("random", 50, FIVE_AXES, ""));
        assertEquals(SplitFractions.DEFAULT, plan.split());
        for (SweepRecording r : plan.recordings()) {
            assertEquals(SplitFractions.DEFAULT.of(r.cacheKey()), r.split());
        }
        SweepPlan allTrain = SweepFile.read(sampleSweep("random", 50, FIVE_AXES,
                ",\"split\":{\"train\":1,\"validation\":0,\"test\":0}"));
        assertTrue(allTrain.recordings().stream().allMatch(r -> r.split().equals("train")));
        SweepPlan noTrain = SweepFile.read(sampleSweep("random", 50, FIVE_AXES,
                ",\"split\":{\"train\":0,\"validation\":0.5,\"test\":0.5}"));
        assertFalse(noTrain.recordings().stream().anyMatch(r -> r.split().equals("train")));
        assertTrue(noTrain.recordings().stream().anyMatch(r -> r.split().equals("validation")));
        assertTrue(noTrain.recordings().stream().anyMatch(r -> r.split().equals("test")));
        // the same recording keeps its label in another sweep file (same spec, same key)
        SweepPlan grid = SweepFile.read(SweepExamplesTest.sweep(""));
        assertEquals(SplitFractions.DEFAULT.of(grid.recordings().get(0).cacheKey()), grid.recordings().get(0).split());
    }

    @Test
    void splitLabelsFollowTheFractions() {
        // 20 000 distinct keys; chi-square at α = 0.001 with 2 degrees of freedom (critical value 13.816)
        SplitFractions f = new SplitFractions(0.7, 0.2, 0.1);
        int n = 20_000;
        long[] counts = new long[3];
        for (int i = 0; i < n; i++) {
            String label = f.of(String.format("%016x", i * 0x9E3779B97F4A7C15L));
            counts[List.of("train", "validation", "test").indexOf(label)]++;
        }
        double chi = SampleDistributionsTest.chiSquare(counts, new double[] {0.7, 0.2, 0.1});
        assertTrue(chi < 13.816, "chi-square " + chi + ", counts " + java.util.Arrays.toString(counts));
    }

    @Test
    void withoutASampleBlockNothingChanges() {
        SweepPlan plan = SweepFile.read(SweepExamplesTest.resource("depth-x-na.json"));
        assertEquals(0, plan.sampleCount());
        assertEquals("3b84bd1a254112e6", plan.recordings().get(0).cacheKey());
        assertEquals(9, plan.pointCount());
    }
}
