package org.minisim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store's writes: a put replaces a value whole, leaves no temporary file behind, works from many threads
 * and from two stores on one folder at once, and after the store was deleted underneath it.
 */
class FileByteStoreTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long temporaryFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".tmp-")).count();
        }
    }

    @Test
    void aPutReplacesTheValueAndLeavesNoTemporaryFile() throws IOException {
        FileByteStore s = new FileByteStore(dir.resolve("a.zarr"));
        s.put("g/x/.zarray", bytes("one"));
        s.put("g/x/.zarray", bytes("two, longer"));
        assertArrayEquals(bytes("two, longer"), s.get("g/x/.zarray"));
        assertEquals(List.of("g/x/.zarray"), s.list(""));
        assertEquals(0, temporaryFiles());
    }

    @Test
    void manyThreadsAndTwoStoresOnOneFolderWriteEveryValue() throws Exception {
        FileByteStore a = new FileByteStore(dir.resolve("s")), b = new FileByteStore(dir.resolve("s"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                FileByteStore s = t % 2 == 0 ? a : b;
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        s.put("c/" + (i % 10), bytes(thread + ":" + i)); // the same keys from every thread
                        s.put("own/" + thread + "/" + i, bytes("v" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 200; i++) {
                assertArrayEquals(bytes("v" + i), a.get("own/" + t + "/" + i));
            }
        }
        for (int k = 0; k < 10; k++) {
            String v = new String(a.get("c/" + k), StandardCharsets.UTF_8);
            assertTrue(v.matches("[0-3]:\\d+") && Integer.parseInt(v.substring(2)) % 10 == k, v);
        }
        assertEquals(0, temporaryFiles());
    }

    @Test
    void aPutAfterTheStoreWasDeletedMakesItsFoldersAgain() throws IOException {
        FileByteStore s = new FileByteStore(dir.resolve("d.zarr"));
        s.put("observed/0.0.0", bytes("chunk"));
        FileByteStore.deleteRecursively(dir.resolve("d.zarr"));
        s.put("observed/0.0.0", bytes("again"));
        assertArrayEquals(bytes("again"), s.get("observed/0.0.0"));
        assertEquals(0, temporaryFiles());
    }
}
