package org.minisim.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minisim.testing.GoldenData;

/** Every vector of {@code golden/spec-keys}: canonical bytes and key, or rejection naming the same field. */
class GoldenSpecKeysTest {

    static Path goldenDir() {
        return GoldenData.specKeys();
    }

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(goldenDir())) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no golden vectors under " + goldenDir());
        ObjectMapper m = new ObjectMapper();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            JsonNode v = m.readTree(Files.readString(f));
            String input = v.get("input").toString();
            if (v.has("cache_key")) {
                ParsedSpec ps = SpecReader.read(input);
                assertEquals(v.get("canonical_json").textValue(), CanonicalJson.write(ps.spec()));
                assertEquals(v.get("cache_key").textValue(), CanonicalJson.cacheKey(ps.spec()));
                // the canonical form reloads to the same spec (round trip)
                assertEquals(ps.spec(), SpecReader.read(CanonicalJson.write(ps.spec())).spec());
                assertEquals(ps.spec(), SpecReader.read(CanonicalJson.pretty(ps.spec())).spec());
            } else {
                SpecValidationException e = assertThrows(SpecValidationException.class, () -> SpecReader.read(input));
                String expectedField = fieldNamedBy(v.get("error").textValue());
                assertTrue(e.getIssues().stream().anyMatch(i -> (i.path() + " " + i.message()).contains(expectedField)),
                        "expected an issue naming " + expectedField + " but got " + e.getIssues());
            }
        }));
    }

    /** The reference's own {@code spec.json} files: our indented form reproduces them byte for byte. */
    @TestFactory
    Stream<DynamicTest> referenceSpecJsonFilesRoundTripByteForByte() throws IOException {
        Path stores = GoldenData.stores();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(stores)) {
            s.map(p -> p.resolve("spec.json")).filter(Files::exists).sorted().forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no reference stores under " + stores);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName().toString(), () -> {
            String text = Files.readString(f);
            assertEquals(text, CanonicalJson.pretty(SpecReader.read(text).spec()));
        }));
    }

    /** The field the reference's message names: the last path component, or the duplicated kind. */
    private static String fieldNamedBy(String error) {
        String[] parts = error.split(" \\| ");
        if (parts[1].startsWith("Value error, Duplicate step kind")) {
            int q = parts[1].indexOf("['");
            return parts[1].substring(q + 2, parts[1].indexOf("']", q));
        }
        String path = parts[1];
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
