package org.minisim.job.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minisim.job.testing.S3TestServer;

/** The ByteStore contract, run for a local directory and for s3a:// on the in-process S3 server. */
class HadoopByteStoreTest {

    /** Makes a fresh, empty store root for one test. */
    interface Backend {
        StoreRoot freshRoot() throws IOException;
    }

    static Stream<Named<Backend>> backends() {
        Backend local = () -> StoreRoot.of(Files.createTempDirectory("hbs-").resolve("stores").toString(), Map.of());
        Backend s3 = () -> {
            S3TestServer server = S3TestServer.shared();
            return StoreRoot.of("s3a://" + server.newBucket("contract") + "/runs/stores", server.hadoopConf());
        };
        return Stream.of(Named.of("file", local), Named.of("s3a", s3));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void putThenGetReturnsTheBytes(Backend backend) throws IOException {
        org.minisim.store.ByteStore store = backend.freshRoot().store("abc");
        byte[] chunk = new byte[100_000];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31);
        }
        store.put("observed/0.0.0", chunk);
        store.put(".zgroup", bytes("{\"zarr_format\":2}"));
        assertArrayEquals(chunk, store.get("observed/0.0.0"));
        assertArrayEquals(bytes("{\"zarr_format\":2}"), store.get(".zgroup"));
        assertArrayEquals(new byte[0], roundTripEmpty(store));
    }

    private static byte[] roundTripEmpty(org.minisim.store.ByteStore store) throws IOException {
        store.put("empty", new byte[0]);
        return store.get("empty");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void putReplacesTheWholeValue(Backend backend) throws IOException {
        org.minisim.store.ByteStore store = backend.freshRoot().store("abc");
        store.put("a/.zattrs", bytes("a much longer first value"));
        store.put("a/.zattrs", bytes("short"));
        assertArrayEquals(bytes("short"), store.get("a/.zattrs"));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void missingKeyGivesNullAndDoesNotExist(Backend backend) throws IOException {
        org.minisim.store.ByteStore store = backend.freshRoot().store("abc");
        assertNull(store.get("nothing/here"));
        assertFalse(store.exists("nothing/here"));
        store.put("x", bytes("1"));
        assertTrue(store.exists("x"));
        assertNull(store.get("y"));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void listGivesKeysUnderAPrefixRelativeToTheRoot(Backend backend) throws IOException {
        StoreRoot root = backend.freshRoot();
        org.minisim.store.ByteStore store = root.store("abc");
        assertEquals(List.of(), store.list(""));
        for (String k : List.of(".zgroup", ".zattrs", "observed/.zarray", "observed/0.0.0", "observed/1.0.0",
                "observed_extra/0", "ground_truth/planted/data/0")) {
            store.put(k, bytes(k));
        }
        root.store("other").put("observed/0.0.0", bytes("not mine"));
        assertEquals(List.of(".zattrs", ".zgroup", "ground_truth/planted/data/0", "observed/.zarray",
                "observed/0.0.0", "observed/1.0.0", "observed_extra/0"), sorted(store.list("")));
        assertEquals(List.of("observed/.zarray", "observed/0.0.0", "observed/1.0.0"), sorted(store.list("observed/")));
        assertEquals(List.of("observed/1.0.0"), sorted(store.list("observed/1.")));
        assertEquals(List.of("ground_truth/planted/data/0"), sorted(store.list("ground_truth/")));
        assertEquals(List.of(), store.list("absent/"));
        assertTrue(sorted(root.rootStore().list("")).contains("other.zarr/observed/0.0.0"));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void deleteRemovesAKeyOrAWholePrefixAndIgnoresAbsentKeys(Backend backend) throws IOException {
        org.minisim.store.ByteStore store = backend.freshRoot().store("abc");
        store.put("observed/0.0.0", bytes("0"));
        store.put("observed/1.0.0", bytes("1"));
        store.put("spec.json", bytes("{}"));
        store.delete("spec.json");
        assertNull(store.get("spec.json"));
        store.delete("observed");
        assertEquals(List.of(), store.list("observed/"));
        store.delete("never-written");
        store.put("k", bytes("v"));
        store.delete("");
        assertEquals(List.of(), store.list(""));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void locationNamesTheStoreAndBadKeysAreRejected(Backend backend) throws IOException {
        StoreRoot root = backend.freshRoot();
        org.minisim.store.ByteStore store = root.store("abc");
        assertTrue(store.location().endsWith("/stores/abc.zarr"), store.location());
        assertTrue(store.location().startsWith(root.scheme() + ":"), store.location());
        assertThrows(IllegalArgumentException.class, () -> store.put("/abs", bytes("x")));
        assertThrows(IllegalArgumentException.class, () -> store.get("a//b"));
    }

    @org.junit.jupiter.api.Test
    void localStoresHaveNoChecksumSideFiles() throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("hbs-crc-");
        org.minisim.store.ByteStore store = StoreRoot.of(dir.toString(), Map.of()).store("abc");
        store.put("observed/0.0.0", bytes("chunk"));
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
            assertEquals(List.of("abc.zarr/observed/0.0.0"), names);
        }
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }
}
