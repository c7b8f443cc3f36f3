package org.minisim.job.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the job's SparkSession from the launcher's configuration.
 *
 * <p>Under {@code spark-submit} the master, deploy mode and every {@code --conf} come from Spark itself (system
 * properties, {@code spark-defaults.conf}) and are kept. Run directly ({@code java ... RunCommand}), no master is
 * set: the session then runs {@code local[*]} bound to 127.0.0.1. Application {@code --conf k=v} entries are added
 * on top; bare Hadoop keys ({@code fs.*}, {@code dfs.*}, {@code hadoop.*}) are accepted and become
 * {@code spark.hadoop.<key>}, so {@code --conf fs.s3a.endpoint=...} and {@code --conf spark.hadoop.fs.s3a.endpoint=...}
 * mean the same. When no S3A credentials are configured, S3A's default provider chain applies (environment
 * variables {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, which Spark also copies into the Hadoop
 * configuration, then instance/container roles).
 */
public final class SparkSessions {

    /** Master used when nothing (spark-submit, system property, --conf) sets one. */
    public static final String LOCAL_MASTER = "local[*]";

    /** Defaults applied unless the user or spark-submit set the key. */
    static final Map<String, String> DEFAULTS = Map.of(
            "spark.app.name", "minisim",
            "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
            "spark.ui.showConsoleProgress", "false",
            "spark.sql.parquet.compression.codec", "zstd");

    private SparkSessions() {
    }

    /**
     * @param appConf the application's {@code --conf} entries (Spark keys, or bare Hadoop keys)
     * @return the SparkConf the session is built from: Spark's own settings, then {@code appConf}, then defaults
     */
    public static SparkConf sparkConf(Map<String, String> appConf) {
        SparkConf conf = new SparkConf(true);
        toSparkKeys(appConf).forEach(conf::set);
        DEFAULTS.forEach(conf::setIfMissing);
        if (!conf.contains("spark.master")) {
            conf.setMaster(LOCAL_MASTER);
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }

    /** @return the session built from {@link #sparkConf(Map)} (or the running one, reconfigured where allowed) */
    public static SparkSession getOrCreate(Map<String, String> appConf) {
        return SparkSession.builder().config(sparkConf(appConf)).getOrCreate();
    }

    /** @return the Hadoop configuration of a session (its {@code spark.hadoop.*} keys applied) */
    public static Configuration hadoopConf(SparkSession session) {
        return session.sparkContext().hadoopConfiguration();
    }

    /** @return whether the session runs all tasks in the driver JVM ({@code local}, {@code local[n]}, ...) */
    public static boolean isLocal(SparkSession session) {
        return session.sparkContext().isLocal();
    }

    /** @return the entries with bare Hadoop keys prefixed by {@code spark.hadoop.} */
    public static Map<String, String> toSparkKeys(Map<String, String> appConf) {
        Map<String, String> out = new LinkedHashMap<>();
        appConf.forEach((k, v) -> out.put(isBareHadoopKey(k) ? "spark.hadoop." + k : k, v));
        return out;
    }

    private static boolean isBareHadoopKey(String key) {
        return key.startsWith("fs.") || key.startsWith("dfs.") || key.startsWith("hadoop.")
                || key.startsWith("mapreduce.");
    }
}
