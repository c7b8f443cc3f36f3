package org.minisim.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON of zarr metadata files: pretty-printed with 4-space indent and sorted keys, like the reference. */
public final class ZarrJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final ObjectWriter WRITER;

    static {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        WRITER = MAPPER.writer(pp);
    }

    private ZarrJson() {}

    public static byte[] write(Map<String, ?> value) {
        try {
            return WRITER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise metadata " + value + ": " + e.getMessage(), e);
        }
    }

    /** @throws ZarrFormatException naming {@code key} when the content is not a JSON object */
    public static Map<String, Object> readObject(byte[] content, String key) {
        try {
            Map<String, Object> m = MAPPER.readValue(content, new TypeReference<Map<String, Object>>() {});
            if (m == null) {
                throw new ZarrFormatException("'" + key + "' is not a JSON object");
            }
            return m;
        } catch (IOException e) {
            throw new ZarrFormatException("'" + key + "' is not valid JSON: " + e.getMessage(), e);
        }
    }
}
