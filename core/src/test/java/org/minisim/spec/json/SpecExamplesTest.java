package org.minisim.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.minisim.spec.Spec;
import org.minisim.spec.StepKind;

/**
 * docs/spec.md#examples and docs/spec.md#derived-quantities: the documented examples reproduce the reference's keys.
 */
class SpecExamplesTest {

    static String resource(String name) {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void quickStart() {
        ParsedSpec p = SpecReader.read(resource("quickstart.json"));
        String canon = CanonicalJson.write(p.spec());
        assertEquals(1138, canon.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("e93b6286f433d039", CanonicalJson.cacheKey(p.spec()));
        assertEquals(200, p.spec().acquisition().nFrames());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void fullSortsStepsAndReproducesKey() {
        ParsedSpec p = SpecReader.read(resource("full.json"));
        Spec s = p.spec();
        assertEquals(StepKind.SENSOR, s.steps().get(11).kind());
        assertEquals(StepKind.PLACE_NEURONS, s.steps().get(0).kind());
        assertEquals(2805, CanonicalJson.write(s).length());
        assertEquals("96f63c716f4ac750", CanonicalJson.cacheKey(s));
        assertEquals(13, s.geometry().margin());
        assertEquals(282, s.geometry().canvasHeight());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void miniscopeV4OnCa1() {
        ParsedSpec p = SpecReader.read(resource("v4-ca1.json"));
        assertEquals("69ccd144d60f2702", CanonicalJson.cacheKey(p.spec()));
        assertEquals(600, p.spec().acquisition().nFrames());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void emptyStepsKey() {
        assertEquals("e373b36cacd1fb4d", CanonicalJson.cacheKey(SpecReader.read("{\"steps\":[]}").spec()));
    }

    @Test
    void listingOrderNeverMatters() {
        String a = "{\"steps\":[{\"kind\":\"sensor\"},{\"kind\":\"place_neurons\"}]}";
        String b = "{\"steps\":[{\"kind\":\"place_neurons\"},{\"kind\":\"sensor\"}]}";
        assertEquals(SpecReader.read(a).spec(), SpecReader.read(b).spec());
        assertEquals(CanonicalJson.cacheKey(SpecReader.read(a).spec()), CanonicalJson.cacheKey(SpecReader.read(b).spec()));
    }

    @Test
    void integersOnFloatFieldsSerialiseAsFloats() {
        Spec s = SpecReader.read("{\"acquisition\":{\"fps\":30,\"duration_s\":5},\"steps\":[]}").spec();
        assertTrue(CanonicalJson.write(s).contains("\"fps\":30.0,\"duration_s\":5.0"));
        Spec t = SpecReader.read("{\"acquisition\":{\"image_sensor\":{\"n_px_height\":256.0}},\"steps\":[]}").spec();
        assertTrue(CanonicalJson.write(t).contains("\"n_px_height\":256,"));
    }

    @Test
    void prettyIsTwoSpaceIndentedCanonicalContent() {
        Spec s = SpecReader.read(resource("quickstart.json")).spec();
        String pretty = CanonicalJson.pretty(s);
        assertTrue(pretty.startsWith("{\n  \"acquisition\": {\n    \"optics\": {\n      \"na\": 0.45,"), pretty);
        assertTrue(!pretty.endsWith("\n"));
        assertEquals(CanonicalJson.write(s), CanonicalJson.write(SpecReader.read(pretty).spec()));
    }

    @Test
    void validateOfBuiltSpecAgreesWithReading() {
        Spec s = SpecReader.read(resource("full.json")).spec();
        assertEquals(s, SpecReader.validate(s).spec());
    }

    @Test
    void negativeZeroSurvivesAndKeepsItsOwnKey() {
        Spec neg = SpecReader.read("{\"acquisition\":{\"focal_depth_in_tissue_um\":-0.0},\"steps\":[]}").spec();
        Spec pos = SpecReader.read("{\"acquisition\":{\"focal_depth_in_tissue_um\":0.0},\"steps\":[]}").spec();
        assertTrue(CanonicalJson.write(neg).contains("\"focal_depth_in_tissue_um\":-0.0,"));
        assertTrue(!CanonicalJson.cacheKey(neg).equals(CanonicalJson.cacheKey(pos)));
    }
}
