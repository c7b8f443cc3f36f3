package org.minisim.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.testing.S3TestServer;
import org.minisim.job.testing.SharedSpark;
import org.minisim.spec.sweep.SweepFile;
import org.minisim.spec.sweep.SweepPlan;

/** The sweep job writing its stores and table to s3a (in-process S3 server): same bytes as on a local disk. */
class SweepJobS3Test {

    @TempDir
    Path dir;

    private static SweepSummary run(SparkSession spark, String stores, String table) {
        spark.conf().set(SweepJob.CHUNK_FRAMES_CONF, "8");
        try {
            SweepPlan p = SweepFile.read(SweepJobEndToEndTest.SWEEP.replace("STORES", stores).replace("TABLE", table)
                    .replace("[0.3, 0.6]", "[0.3]"));
            return SweepJob.run(spark, SweepRunOptions.of("tiny", p, p.storesUri(), p.tableUri())
                    .withFramesPerTask(16).withStreams(new PrintStream(new ByteArrayOutputStream()), System.err));
        } finally {
            spark.conf().unset(SweepJob.CHUNK_FRAMES_CONF);
        }
    }

    @Test
    void storesAndTableOnS3MatchTheLocalRun() throws Exception {
        S3TestServer s3 = S3TestServer.shared();
        SharedSpark.putHadoopConf(s3.hadoopConf());
        SparkSession spark = SharedSpark.session();
        String bucket = s3.newBucket("sweep");
        Path local = dir.resolve("local");
        SweepSummary l = run(spark, local.resolve("stores").toUri().toString(), local.resolve("cells").toUri().toString());
        SweepSummary s = run(spark, "s3a://" + bucket + "/stores", "s3a://" + bucket + "/cells");
        assertEquals(2, l.done());
        assertEquals(2, s.done());
        TreeMap<String, byte[]> files = SweepJobEndToEndTest.files(local.resolve("stores"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path object = s3.objectFile(bucket, "stores/" + e.getKey());
            assertTrue(Files.isRegularFile(object), e.getKey());
            assertArrayEquals(e.getValue(), Files.readAllBytes(object), e.getKey());
        }
        assertEquals(l.cells(), spark.read().parquet("s3a://" + bucket + "/cells").count());
        SweepSummary again = run(spark, "s3a://" + bucket + "/stores", "s3a://" + bucket + "/cells");
        assertEquals(2, again.reused());
        assertEquals(l.cells(), spark.read().parquet("s3a://" + bucket + "/cells").select("spec_cache_key", "cell_index")
                .distinct().count());
    }
}
