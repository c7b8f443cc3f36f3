package org.minisim.job.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** How the application's --conf entries become Spark configuration (no session is started here). */
class SparkSessionsTest {

    @Test
    void bareHadoopKeysGetTheSparkHadoopPrefix() {
        Map<String, String> keys = SparkSessions.toSparkKeys(Map.of(
                "fs.s3a.endpoint", "http://x", "spark.hadoop.fs.s3a.path.style.access", "true",
                "spark.executor.memory", "2g"));
        assertEquals(Map.of("spark.hadoop.fs.s3a.endpoint", "http://x", "spark.hadoop.fs.s3a.path.style.access",
                "true", "spark.executor.memory", "2g"), keys);
    }

    @Test
    void userEntriesWinOverDefaultsAndAMasterIsSetWhenMissing() {
        SparkConf conf = SparkSessions.sparkConf(Map.of("spark.app.name", "mine", "fs.s3a.endpoint", "http://e"));
        assertEquals("mine", conf.get("spark.app.name"));
        assertEquals("http://e", conf.get("spark.hadoop.fs.s3a.endpoint"));
        assertEquals("org.apache.spark.serializer.KryoSerializer", conf.get("spark.serializer"));
        assertEquals(SparkSessions.LOCAL_MASTER, conf.get("spark.master"));
        assertEquals("local[2]", SparkSessions.sparkConf(Map.of("spark.master", "local[2]")).get("spark.master"));
    }
}
