package org.minisim.spec.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minisim.spec.Geometry;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecValidationException;

/** docs/spec.md#presets: the named presets and build_spec reproduce the reference's keys. */
class PresetsTest {

    private static String key(BuildSpec b) {
        return CanonicalJson.cacheKey(b.build().spec());
    }

    @Test
    void documentedKeys() {
        assertEquals("e082aa31f6baf33d", key(BuildSpec.of(Presets.MINISCOPE_V4, Presets.CA1)));
        assertEquals("e082aa31f6baf33d",
                CanonicalJson.cacheKey(BuildSpec.build(Presets.MINISCOPE_V4, Presets.CA1).spec()));
        assertEquals("69ccd144d60f2702", key(BuildSpec.of(Presets.MINISCOPE_V4, Presets.CA1).durationS(30)));
        assertEquals("17043538d18a4982", key(BuildSpec.of(Presets.MINISCOPE_V4, Presets.CORTEX_L23)));
        assertEquals("1db1c78de28af738", key(BuildSpec.of(Presets.GENERIC_1P, Presets.CA1)));
        assertEquals("128833a0b9286986", key(BuildSpec.of(Presets.MINISCOPE_V4, Presets.CA1)
                .includeNeuropil(false).includeVasculature(false).includeScopeFields(false)));
    }

    @Test
    void v4Geometry() {
        Spec s = BuildSpec.of(Presets.MINISCOPE_V4, Presets.CA1).build().spec();
        assertEquals(1.6551724137931034, s.acquisition().pixelSizeUm());
        assertEquals(1006.34, s.acquisition().fovHeightUm(), 0.005);
        assertEquals(7.758, s.acquisition().optics().resolvedDepthOfFieldUm(), 0.0005);
        assertEquals(11, Geometry.marginPx(org.minisim.spec.BrainMotion.DEFAULTS, s.acquisition().pixelSizeUm()));
        assertEquals(0L, s.seed());
    }

    @Test
    void aKindGivenTwiceFailsS1() {
        SpecValidationException e = assertThrows(SpecValidationException.class,
                () -> BuildSpec.of(Presets.GENERIC_1P, Presets.CA1).extraSteps(List.of(new Sensor(5.0))).build());
        assertEquals("S-1", e.getIssues().get(0).ruleId());
        assertTrue(e.getIssues().get(0).message().contains("sensor"));
    }

    @Test
    void jsonArgumentsMatchTheJavaBuilder() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Spec fromJson = PresetReader.build(m.readTree(
                "{\"scope\":\"miniscope_v4\",\"region\":\"ca1\",\"duration_s\":30,\"seed\":0}"), "base_preset").spec();
        assertEquals("69ccd144d60f2702", CanonicalJson.cacheKey(fromJson));
        // a Scope object equal to the preset (nested steps may omit kind) gives the same spec
        String scope = "{\"optics\":{\"na\":0.3,\"magnification\":2.9,\"field_curvature_radius_um\":2500},"
                + "\"image_sensor\":{\"n_px_height\":608,\"n_px_width\":608,\"pixel_pitch_um\":4.8},"
                + "\"illumination\":{\"falloff\":0.7},\"vignette\":{\"kind\":\"vignette\",\"falloff\":0.6},"
                + "\"leakage\":{\"level\":0.08},\"photons_per_unit\":600,\"front_working_distance_um\":700}";
        Spec viaObject = PresetReader.build(m.readTree("{\"scope\":" + scope + ",\"region\":\"ca1\","
                + "\"duration_s\":30}"), "base_preset").spec();
        assertEquals(fromJson, viaObject);
    }

    @Test
    void badArgumentsAreAllReported() throws Exception {
        ObjectMapper m = new ObjectMapper();
        SpecValidationException e = assertThrows(SpecValidationException.class, () -> PresetReader.build(m.readTree(
                "{\"scope\":\"miniscope_v5\",\"region\":{\"tissue\":{}},\"fps\":\"x\",\"colour\":1,"
                        + "\"sensor\":{\"kind\":\"vignette\"}}"), "base_preset"));
        List<String> got = e.getIssues().stream().map(i -> i.ruleId() + "@" + i.path()).toList();
        assertEquals(List.of("J-8@base_preset.scope", "J-3@base_preset.region.population",
                "J-2@base_preset.colour", "J-5@base_preset.fps", "J-11@base_preset.sensor.kind"), got);
        SpecIssue unknown = e.getIssues().get(0);
        assertTrue(unknown.message().contains("miniscope_v4, generic_1p"), unknown.message());
    }
}
