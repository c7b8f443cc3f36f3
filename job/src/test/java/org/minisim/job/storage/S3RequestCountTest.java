package org.minisim.job.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minisim.job.testing.S3Request;
import org.minisim.job.testing.S3TestServer;

/** Writing chunks to S3 costs one PUT each and no per-chunk existence probe or listing. */
class S3RequestCountTest {

    @Test
    void writingNChunksIssuesNPutsAndNoHeadOrList() throws IOException {
        S3TestServer s3 = S3TestServer.shared();
        String bucket = s3.newBucket("counts");
        StoreRoot root = StoreRoot.of("s3a://" + bucket + "/stores", s3.hadoopConf());
        HadoopByteStore store = (HadoopByteStore) root.store("rec");
        int n = 25;
        for (int t = 0; t < n; t++) {
            store.put("observed/" + t + ".0.0", new byte[1000 + t]);
        }
        store.put("observed/0.0.0", new byte[7]);
        Map<S3Request, Long> counts = s3.counts(bucket);
        assertEquals(n + 1, s3.count(bucket, S3Request.PUT_OBJECT), counts::toString);
        assertEquals(0, s3.count(bucket, S3Request.HEAD_OBJECT), counts::toString);
        assertEquals(0, s3.count(bucket, S3Request.LIST_OBJECTS), counts::toString);
        assertEquals(0, s3.countByMethod(bucket, "HEAD"), counts::toString);
        assertEquals(0, s3.countByMethod(bucket, "DELETE"), counts::toString);
        assertEquals(0, s3.countByMethod(bucket, "POST"), counts::toString);
        assertArrayEquals(new byte[7], java.nio.file.Files.readAllBytes(
                s3.objectFile(bucket, "stores/rec.zarr/observed/0.0.0")));
    }

    /** Guards the test above against a blind counter: a plain FileSystem.create does probe the path first. */
    @Test
    void aPlainCreateIsSeenProbingThePath() throws IOException {
        S3TestServer s3 = S3TestServer.shared();
        String bucket = s3.newBucket("counts-plain");
        HadoopByteStore store = (HadoopByteStore) StoreRoot.of("s3a://" + bucket + "/stores", s3.hadoopConf()).store("rec");
        try (org.apache.hadoop.fs.FSDataOutputStream out = store.fileSystem().create(store.path("observed/0.0.0"),
                true)) {
            out.write(new byte[10]);
        }
        Map<S3Request, Long> counts = s3.counts(bucket);
        assertEquals(1, s3.count(bucket, S3Request.PUT_OBJECT), counts::toString);
        org.junit.jupiter.api.Assertions.assertTrue(
                s3.count(bucket, S3Request.HEAD_OBJECT) + s3.count(bucket, S3Request.LIST_OBJECTS) > 0,
                counts::toString);
    }

    /** Reading a key is one GET plus at most one HEAD (S3A learns the length first); a missing key costs no GET. */
    @Test
    void readingAKeyCostsOneGetAndAtMostOneHead() throws IOException {
        S3TestServer s3 = S3TestServer.shared();
        String bucket = s3.newBucket("counts-read");
        HadoopByteStore store = (HadoopByteStore) StoreRoot.of("s3a://" + bucket + "/stores", s3.hadoopConf()).store("rec");
        int n = 10;
        for (int t = 0; t < n; t++) {
            store.put("observed/" + t + ".0.0", new byte[100 + t]);
        }
        s3.resetCounts();
        for (int t = 0; t < n; t++) {
            assertEquals(100 + t, store.get("observed/" + t + ".0.0").length);
        }
        Map<S3Request, Long> counts = s3.counts(bucket);
        assertEquals(n, s3.count(bucket, S3Request.GET_OBJECT), counts::toString);
        org.junit.jupiter.api.Assertions.assertTrue(s3.count(bucket, S3Request.HEAD_OBJECT) <= n, counts::toString);
        assertEquals(0, s3.count(bucket, S3Request.LIST_OBJECTS), counts::toString);
    }
}
