package org.minisim.job.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.job.storage.HadoopByteStore;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.testing.S3TestServer;
import org.minisim.job.testing.SharedSpark;

/**
 * Spark's {@code local-cluster} mode: a Worker inside the test JVM launches a real executor JVM through a
 * SPARK_HOME assembled from the test classpath. Tasks there write through a shipped StoreRoot to s3a and to a
 * local directory; the driver reads back. Proves the description, not a live client, crosses the JVM boundary.
 */
class LocalClusterTest {

    @AfterAll
    static void backToLocalMode() {
        SharedSpark.restart(SharedSpark.DEFAULT_MASTER);
    }

    /**
     * Fills the SPARK_HOME the build gives the test JVM (job/pom.xml) with what the launcher needs: RELEASE, jars/
     * (links to the classpath's jars) and the Scala build marker.
     */
    private static Path sparkHome() throws IOException {
        String env = System.getenv("SPARK_HOME");
        assertTrue(env != null && !env.isBlank(), "SPARK_HOME must be set for the test JVM (see job/pom.xml)");
        Path dir = Paths.get(env);
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Files.createDirectories(dir.resolve("launcher/target/scala-2.13"));
        Files.writeString(dir.resolve("RELEASE"), "Spark 4.2.0 (test layout)\n");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Paths.get(entry);
            Path link = jars.resolve(p.getFileName());
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, p.toAbsolutePath());
            }
        }
        return dir;
    }

    private static byte[] payload(int t) {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (t * 11 + i);
        }
        return b;
    }

    @Test
    void executorsInTheirOwnJvmWriteThroughShippedStoreRoots(@TempDir Path tmp) throws IOException {
        S3TestServer s3 = S3TestServer.shared();
        SharedSpark.putHadoopConf(s3.hadoopConf());
        Path home = sparkHome();
        SparkSession spark = SharedSpark.restart("local-cluster[1,1,1024]", Map.of(
                "spark.home", home.toString(),
                "spark.executor.memory", "512m",
                "spark.executor.extraClassPath", System.getProperty("java.class.path")));

        String bucket = s3.newBucket("local-cluster");
        List<StoreRoot> roots = List.of(
                StoreRoot.of("s3a://" + bucket + "/stores", SparkSessions.hadoopConf(spark)),
                StoreRoot.of(tmp.resolve("out/stores").toString(), SparkSessions.hadoopConf(spark)));
        long driverPid = ProcessHandle.current().pid();
        for (StoreRoot root : roots) {
            List<Long> pids = SharedSpark.context().parallelize(IntStream.range(0, 4).boxed().toList(), 4).map(t -> {
                root.store("rec").put("observed/" + t + ".0.0", payload(t));
                return ProcessHandle.current().pid();
            }).collect();
            assertFalse(pids.contains(driverPid), "tasks ran in the driver JVM: " + pids);
            org.minisim.store.ByteStore store = root.store("rec");
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(payload(t), store.get("observed/" + t + ".0.0"), root + " chunk " + t);
            }
            assertEquals(4, store.list("observed/").size());
        }
    }
}
