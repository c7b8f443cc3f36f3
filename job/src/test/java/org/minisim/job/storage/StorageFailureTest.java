package org.minisim.job.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.MinisimException;
import org.minisim.job.testing.FullDiskFileSystem;

/**
 * The storage failure class: recognised from exception chains and from the text of messages, its one line read back
 * by {@link StorageFailure#parse}, failures named by their path, and the bounded S3A settings applied only where the
 * user set nothing.
 */
class StorageFailureTest {

    @TempDir
    Path dir;

    @Test
    void connectionRefusedIsUnreachableWithTheEndpointAndThePath() {
        IOException s3a = new ConnectException("getFileStatus on s3a://b/k.zarr/.zarray: "
                + "software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: "
                + "Connect to 127.0.0.1:41489 [/127.0.0.1] failed: Connection refused");
        Throwable chain = new UncheckedIOException(new StorageIOException("reading", "s3a://b/k.zarr/.zarray", s3a));
        StorageFailure f = StorageFailure.of(chain);
        assertNotNull(f);
        assertEquals(StorageFailure.Kind.UNREACHABLE, f.kind());
        assertEquals("connection refused (127.0.0.1:41489)", f.cause());
        assertEquals("reading s3a://b/k.zarr/.zarray", f.path());
        String line = f.line("s3a://b/stores");
        assertEquals("storage s3a://b/stores unreachable: connection refused (127.0.0.1:41489), reading "
                + "s3a://b/k.zarr/.zarray", line);
        assertEquals(f, StorageFailure.parse(line), "the line reads back");
        assertEquals(f, StorageFailure.parse("recording abc frames [0, 8): " + line), "inside a longer message");
        assertEquals("s3a://b/stores", StorageFailure.location("Task failed: recording x: " + line));
    }

    @Test
    void everyKindIsRecognisedAndOtherFailuresAreNot() {
        assertEquals(StorageFailure.Kind.TIMEOUT, StorageFailure.of(new SocketTimeoutException("Read timed out"))
                .kind());
        assertEquals(StorageFailure.Kind.NO_SPACE, StorageFailure.of(new IOException("No space left on device"))
                .kind());
        assertEquals(StorageFailure.Kind.NO_SPACE, StorageFailure.parse("write failed: Disk quota exceeded").kind());
        assertEquals(StorageFailure.Kind.SERVER_ERROR, StorageFailure.parse("AWSStatus500Exception: ... "
                + "(Service: S3, Status Code: 503, Request ID: x)").kind());
        assertEquals("server error (HTTP 503)", StorageFailure.parse("Status Code: 503").cause());
        assertEquals(StorageFailure.Kind.UNREACHABLE, StorageFailure.parse("java.net.SocketException: Connection "
                + "reset").kind());
        assertNull(StorageFailure.of(new MinisimException("spec field x: value 3 out of range")));
        assertNull(StorageFailure.parse("does not fit in memory: a task needs about 3.2 GiB (footprints 512 MiB)"));
        assertNull(StorageFailure.parse("IllegalStateException: test hook: first attempt fails on purpose"));
    }

    @Test
    void aFullLocalDiskNamesTheFileThatFailed() throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs." + FullDiskFileSystem.SCHEME + ".impl", FullDiskFileSystem.class.getName());
        Path root = dir.resolve("store");
        HadoopByteStore store = new HadoopByteStore(java.net.URI.create(FullDiskFileSystem.SCHEME + "://" + root),
                conf);
        try {
            store.put("a/ok", new byte[10]);
            FullDiskFileSystem.REMAINING.set(4);
            IOException e = assertThrows(IOException.class, () -> store.put("a/big", new byte[100]));
            assertTrue(e.getMessage().startsWith("writing " + store.root() + "/a/big: No space left on device"),
                    e.getMessage());
            StorageFailure f = StorageFailure.of(e);
            assertEquals(StorageFailure.Kind.NO_SPACE, f.kind());
            assertEquals("writing " + store.root() + "/a/big", f.path());
            assertTrue(Files.size(root.resolve("a/big")) < 100, "what a full disk leaves: a short file");
        } finally {
            FullDiskFileSystem.REMAINING.set(Long.MAX_VALUE);
        }
    }

    @Test
    void boundedRetriesAreDefaultsTheUserOverrides() {
        Configuration user = new Configuration();
        user.set("fs.s3a.retry.limit", "9");
        Configuration applied = StorageDefaults.applied(user);
        assertEquals("9", applied.get("fs.s3a.retry.limit"), "the user's value is kept");
        StorageDefaults.S3A.forEach((k, v) -> {
            if (!k.equals("fs.s3a.retry.limit")) {
                assertEquals(v, applied.get(k), k);
            }
        });
        assertEquals("7", new Configuration().get("fs.s3a.retry.limit"), "Hadoop's default, for comparison");
        assertEquals("5", user.get("fs.s3a.attempts.maximum"), "the input is not changed");
    }
}
