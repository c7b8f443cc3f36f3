package org.minisim.job.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.storage.StorageCheckException.Problem;
import org.minisim.job.testing.S3TestServer;

/** The driver-side storage check fails fast with one clear message per cause. */
class StorageCheckTest {

    private static final long FAST_MS = 8_000;

    /** Loads the S3A client classes once (seconds on a busy machine), so the timings below measure the check. */
    @BeforeAll
    static void warmUpTheS3Client() {
        S3TestServer s3 = S3TestServer.shared();
        StorageCheck.verify(URI.create("s3a://" + s3.newBucket("check-warm") + "/x"), s3.configuration());
    }

    private static Configuration conf(Map<String, String> entries) {
        Configuration c = new Configuration();
        entries.forEach(c::set);
        return c;
    }

    private static StorageCheckException failing(URI root, Configuration conf) {
        long t0 = System.nanoTime();
        StorageCheckException e = assertThrows(StorageCheckException.class, () -> StorageCheck.verify(root, conf));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < FAST_MS, "check took " + ms + " ms: " + e.getMessage());
        assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "no stack trace in the report");
        return e;
    }

    @Test
    void aWritableBucketPassesAndLeavesNoProbeBehind() throws IOException {
        S3TestServer s3 = S3TestServer.shared();
        String bucket = s3.newBucket("check-ok");
        StorageCheck.verify(URI.create("s3a://" + bucket + "/out/stores"), s3.configuration());
        try (var files = Files.walk(s3.baseDir().resolve(bucket))) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void anUnreachableEndpointFailsInSeconds() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> entries = S3TestServer.shared().hadoopConf();
        entries.put("fs.s3a.endpoint", "http://127.0.0.1:" + closedPort);
        URI root = URI.create("s3a://unreachable-bucket/stores");
        StorageCheckException e = failing(root, conf(entries));
        assertEquals(Problem.UNREACHABLE, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
        assertEquals("storage " + root + " unreachable: connection refused (127.0.0.1:" + closedPort + ")", e.line());
    }

    @Test
    void aSilentEndpointFailsWithinTheProbeTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> entries = S3TestServer.shared().hadoopConf();
            entries.put("fs.s3a.endpoint", "http://127.0.0.1:" + silent.getLocalPort());
            URI root = URI.create("s3a://silent-bucket/stores");
            StorageCheckException e = failing(root, conf(entries));
            assertEquals(Problem.UNREACHABLE, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("no answer within"), e.getMessage());
        }
    }

    @Test
    void aMissingBucketIsNamed() {
        S3TestServer s3 = S3TestServer.shared();
        URI root = URI.create("s3a://no-such-bucket-" + ProcessHandle.current().pid() + "/stores");
        StorageCheckException e = failing(root, s3.configuration());
        assertEquals(Problem.NO_SUCH_BUCKET, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void wrongCredentialsAreReportedWithoutTheSecret() {
        S3TestServer s3 = S3TestServer.shared();
        String bucket = s3.newBucket("check-creds");
        Map<String, String> entries = s3.hadoopConf();
        entries.put("fs.s3a.secret.key", "wrong-secret-value-42");
        URI root = URI.create("s3a://" + bucket + "/stores");
        StorageCheckException e = failing(root, conf(entries));
        assertEquals(Problem.ACCESS_DENIED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("403"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret-value-42"), e.getMessage());
    }

    @Test
    void aLocalDirectoryIsCreated(@TempDir Path tmp) {
        Path dir = tmp.resolve("a/b/stores");
        StorageCheck.verify(dir.toUri(), new Configuration());
        assertTrue(Files.isDirectory(dir));
        assertEquals(0, dir.toFile().list().length, "probe file removed");
    }

    @Test
    void aLocalPathUnderAFileIsNotWritable(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        URI root = file.resolve("stores").toUri();
        StorageCheckException e = failing(StoreRoot.normalize(root.toString()), new Configuration());
        assertEquals(Problem.NOT_WRITABLE, e.problem(), e.getMessage());
    }

    @Test
    void anUnknownSchemeIsAnInvalidLocation() {
        URI root = URI.create("nosuchfs://x/y");
        StorageCheckException e = failing(root, new Configuration());
        assertEquals(Problem.INVALID_LOCATION, e.problem(), e.getMessage());
    }
}
