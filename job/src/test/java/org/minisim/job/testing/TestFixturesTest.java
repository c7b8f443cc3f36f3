package org.minisim.job.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Checks the shared test fixtures themselves: the S3 server stores and counts, the shared session restarts. */
class TestFixturesTest {

    @Test
    void s3ServerStoresObjectsAsFilesAndCountsRequests() throws Exception {
        S3TestServer s3 = S3TestServer.shared();
        String bucket = s3.newBucket("fixture");
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        FileSystem fs = FileSystem.get(URI.create("s3a://" + bucket + "/"), s3.configuration());
        try (FSDataOutputStream out = fs.create(new Path("s3a://" + bucket + "/a/b.bin"), true)) {
            out.write(bytes);
        }
        assertArrayEquals(bytes, Files.readAllBytes(s3.objectFile(bucket, "a/b.bin")));
        assertEquals(1, s3.count(bucket, S3Request.PUT_OBJECT), () -> s3.counts(bucket).toString());
        assertTrue(s3.countByMethod(bucket, "PUT") >= 1);
        s3.resetCounts();
        assertEquals(0, s3.count(bucket, S3Request.PUT_OBJECT));
    }

    @Test
    void sharedSessionIsReusedAndRestartsWithAnotherMaster() {
        SparkSession first = SharedSpark.session();
        assertSame(first, SharedSpark.session());
        assertEquals(10, SharedSpark.context().parallelize(Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 3).count());
        SparkSession second = SharedSpark.restart("local[1]");
        assertEquals("local[1]", second.sparkContext().master());
        assertEquals(3, second.range(3).count());
        SharedSpark.restart(SharedSpark.DEFAULT_MASTER);
    }
}
