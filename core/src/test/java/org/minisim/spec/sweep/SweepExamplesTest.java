package org.minisim.spec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minisim.spec.Neuropil;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.SpecReader;

/** docs/sweeps.md#examples: expansion order, seeds, keys, axes map and ax_ columns. */
class SweepExamplesTest {

    static String resource(String name) {
        try (InputStream in = SweepExamplesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String QS = resource("quickstart.json");

    /**
     * A sweep on the quick-start base (docs/spec.md#quick-start) with the given extra top-level members (each starting
     * with a comma).
     */
    static String sweep(String members) {
        return "{\"sweep_format\":1,\"sweep_id\":\"t-1\",\"base\":" + QS
                + ",\"output\":{\"stores\":\"file:///s\",\"table\":\"file:///t\"}" + members + "}";
    }

    @Test
    void depthByNaWithSharedSeeds() {
        SweepPlan plan = SweepFile.read(resource("depth-x-na.json"));
        assertEquals("depth-x-na-v1", plan.sweepId());
        assertEquals("file:///data/minisim/stores", plan.storesUri());
        assertEquals("file:///data/minisim/cells", plan.tableUri());
        assertEquals(9, plan.pointCount());
        List<SweepRecording> r = plan.recordings();
        assertEquals(27, r.size());
        for (int i = 0; i < r.size(); i++) {
            assertEquals(i / 3, r.get(i).pointIndex(), "point-major");
            assertEquals(i % 3, r.get(i).seed(), "seed-minor, shared seeds");
        }
        assertEquals("3b84bd1a254112e6", r.get(0).cacheKey());
        assertEquals("59a5e90ddd161d1b", r.get(1).cacheKey());
        assertEquals("9a388b652eb97dfd", r.get(26).cacheKey());
        Set<String> keys = new HashSet<>();
        r.forEach(x -> keys.add(x.cacheKey()));
        assertEquals(27, keys.size());

        LinkedHashMap<String, String> axes = r.get(0).axesJson();
        assertEquals(List.of("acquisition.optics.na", "steps.place_neurons.depth_range_um",
                "acquisition.focal_depth_in_tissue_um"), List.copyOf(axes.keySet()));
        assertEquals("0.3", axes.get("acquisition.optics.na"));
        assertEquals("[0.0,20.0]", axes.get("steps.place_neurons.depth_range_um"));
        assertEquals("10.0", axes.get("acquisition.focal_depth_in_tissue_um"));
        Map<String, Double> cols = r.get(0).axColumns();
        assertEquals(0.3, cols.get("ax_acquisition__optics__na"));
        assertEquals(0.0, cols.get("ax_steps__place_neurons__depth_range_um_lo"));
        assertEquals(20.0, cols.get("ax_steps__place_neurons__depth_range_um_hi"));
        assertEquals(10.0, cols.get("ax_acquisition__focal_depth_in_tissue_um"));
        // point 4 = (na index 1, zip index 1): the middle of both
        assertEquals("0.45", r.get(12).axesJson().get("acquisition.optics.na"));
        assertEquals("[50.0,70.0]", r.get(12).axesJson().get("steps.place_neurons.depth_range_um"));
        assertTrue(plan.invalidPoints().isEmpty());
    }

    @Test
    void v4Ca1VesselContrastTimesNeuropilToggle() {
        SweepPlan plan = SweepFile.read(resource("v4-ca1-confounds.json"));
        List<String> keys = plan.recordings().stream().map(SweepRecording::cacheKey).toList();
        assertEquals(List.of("a420ab79ab8cea8b", "b61b024ff024aa51", "2f9194c8e7f706f8", "69ccd144d60f2702",
                "36775dbed14b05d1", "a7b2b5cfce54bafa"), keys);
        SweepRecording removed = plan.recordings().get(0);
        assertEquals(0L, removed.seed());
        assertEquals("null", removed.axesJson().get("steps.neuropil"));
        assertEquals("0.3", removed.axesJson().get("steps.vasculature.layers[0].opacity"));
        assertEquals(0.3, removed.axColumns().get("ax_steps__vasculature__layers_0__opacity"));
        assertEquals(List.of("ax_steps__vasculature__layers_0__opacity"), List.copyOf(removed.axColumns().keySet()));
        assertTrue(removed.spec().step(Neuropil.class).isEmpty());
        SweepRecording inserted = plan.recordings().get(1);
        assertEquals("{\"kind\":\"neuropil\",\"spatial_sigma_um\":40.0,\"temporal_tau_s\":10.0,"
                + "\"population_tau_s\":1.5,\"amplitude\":0.4,\"n_components\":3,\"population_coupling\":0.7}",
                inserted.axesJson().get("steps.neuropil"));
    }

    @Test
    void noAxesMeansTheBaseOnce() {
        SweepPlan plan = SweepFile.read(sweep(""));
        assertEquals(1, plan.recordings().size());
        assertEquals(0, plan.recordings().get(0).pointIndex());
        assertEquals("e93b6286f433d039", plan.recordings().get(0).cacheKey());
        assertTrue(plan.recordings().get(0).axesJson().isEmpty());
    }

    @Test
    void distinctSeedsNeverRepeatAcrossPoints() {
        SweepPlan plan = SweepFile.read(sweep(",\"axes\":[{\"path\":\"acquisition.optics.na\",\"values\":[0.3,0.4]}],"
                + "\"seeds\":{\"start\":10,\"count\":2},\"seed_mode\":\"distinct\""));
        assertEquals(List.of(10L, 11L, 12L, 13L), plan.recordings().stream().map(SweepRecording::seed).toList());
        assertEquals(List.of(0, 0, 1, 1), plan.recordings().stream().map(SweepRecording::pointIndex).toList());
    }

    @Test
    void seedListAndSeedAxis() {
        SweepPlan listed = SweepFile.read(sweep(",\"seeds\":{\"list\":[7,3]}"));
        assertEquals(List.of(7L, 3L), listed.recordings().stream().map(SweepRecording::seed).toList());
        SweepPlan axis = SweepFile.read(sweep(",\"axes\":[{\"path\":\"seed\",\"values\":[5,6]}]"));
        assertEquals(6L, axis.recordings().get(1).seed());
        assertEquals("6", axis.recordings().get(1).axesJson().get("seed"));
        assertEquals(6.0, axis.recordings().get(1).axColumns().get("ax_seed"));
    }

    @Test
    void validatedValuesAreRecordedNotRawOnes() {
        SweepPlan plan = SweepFile.read(sweep(",\"axes\":[{\"path\":\"acquisition.focal_depth_in_tissue_um\","
                + "\"values\":[\"auto\",250]}]"));
        assertEquals("\"auto\"", plan.recordings().get(0).axesJson().get("acquisition.focal_depth_in_tissue_um"));
        assertNull(plan.recordings().get(0).axColumns().get("ax_acquisition__focal_depth_in_tissue_um"));
        assertTrue(plan.recordings().get(0).axColumns().containsKey("ax_acquisition__focal_depth_in_tissue_um"));
        assertEquals("250.0", plan.recordings().get(1).axesJson().get("acquisition.focal_depth_in_tissue_um"));
        assertEquals("W-1", plan.recordings().get(1).warnings().get(0).ruleId(), "focal 250 µm is below the cells");
    }

    @Test
    void objectValuesReplaceWholeSubtreesWithDefaultsNotBaseValues() {
        SweepPlan plan = SweepFile.read(sweep(",\"axes\":[{\"path\":\"acquisition.image_sensor\","
                + "\"values\":[{\"n_px_height\":128}]}]"));
        // base pitch 8.0 is not kept: the default 3.0 fills the omitted member
        assertEquals(3.0, plan.recordings().get(0).spec().acquisition().imageSensor().pixelPitchUm());
        assertEquals(256, plan.recordings().get(0).spec().acquisition().imageSensor().nPxWidth());
    }

    @Test
    void indexedPathsAndSkipMode() {
        SweepPlan plan = SweepFile.read(sweep(",\"axes\":[{\"path\":\"steps.place_neurons.depth_range_um[1]\","
                + "\"values\":[300,-1,250]}],\"on_invalid_point\":\"skip\""));
        assertEquals(List.of(0, 2), plan.recordings().stream().map(SweepRecording::pointIndex).toList());
        assertEquals(1, plan.invalidPoints().size());
        SweepInvalidPoint bad = plan.invalidPoints().get(0);
        assertEquals(1, bad.pointIndex());
        assertEquals(0L, bad.seed());
        assertEquals("-1", bad.axesJson().get("steps.place_neurons.depth_range_um[1]"));
        assertEquals(List.of("M-5"), bad.ruleIds());
        assertEquals(300.0, plan.recordings().get(0).axColumns().get("ax_steps__place_neurons__depth_range_um_1"));
    }

    @Test
    void sweptSpecHashesLikeThePlainSpec() {
        SweepPlan plan = SweepFile.read(sweep(",\"axes\":[{\"path\":\"acquisition.optics.na\",\"values\":[0.6]}]"));
        String plain = QS.replace("\"na\": 0.45", "\"na\": 0.6");
        assertEquals(CanonicalJson.cacheKey(SpecReader.read(plain).spec()), plan.recordings().get(0).cacheKey());
    }

    @Test
    void skippedPointWithAnUnusableSweptSeed() {
        SweepPlan plan = SweepFile.read(sweep(",\"axes\":[{\"path\":\"seed\",\"values\":[-1,3]}],"
                + "\"on_invalid_point\":\"skip\""));
        assertEquals(1, plan.recordings().size());
        assertEquals(1, plan.recordings().get(0).pointIndex());
        SweepInvalidPoint bad = plan.invalidPoints().get(0);
        assertEquals(-1L, bad.seed());
        assertEquals(List.of("P-2"), bad.ruleIds());
        assertEquals(OnInvalidPoint.SKIP, plan.onInvalidPoint());
    }

    @Test
    void readUnlessOverExpandsOnlyTheRecordingsItTakesToPassTheThreshold() {
        String text = resource("depth-x-na.json"); // 27 recordings
        List<Long> seen = new java.util.ArrayList<>();
        assertNull(SweepFile.readUnlessOver(text, spec -> {
            seen.add(spec.seed());
            return 1.0;
        }, 2.5));
        SweepPlan all = SweepFile.read(text);
        assertEquals(List.of(all.recordings().get(0).seed(), all.recordings().get(1).seed(),
                all.recordings().get(2).seed()), seen, "the first three in expansion order, no more");
        SweepPlan below = SweepFile.readUnlessOver(text, spec -> 1.0, 27.0);
        assertEquals(all.recordings(), below.recordings(), "27 recordings of 1 do not pass 27: the whole plan");
        assertNull(SweepFile.readUnlessOver(text, spec -> 1.0, 26.5));
        org.junit.jupiter.api.Assertions.assertThrows(SweepValidationException.class,
                () -> SweepFile.readUnlessOver("{\"sweep_format\": 2}", spec -> 1.0, -1.0), "errors as read");
        org.junit.jupiter.api.Assertions.assertThrows(SweepValidationException.class,
                () -> SweepFile.readUnlessOver("not json", spec -> 1.0, -1.0));
    }
}
