package org.minisim.job.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One local {@link SparkSession} shared by every test in a test JVM.
 *
 * <p>The first {@link #session()} call starts {@code local[2]} bound to 127.0.0.1 with the UI off, few shuffle
 * partitions and Kryo (about 5 s); later calls return the same session. {@link #restart(String)} stops it and
 * starts another master ({@code local[1]}, {@code local[2,2]} for task retries, ...) in about 0.2 s. Hadoop
 * configuration keys added with {@link #putHadoopConf(Map)} are set on the running session and carried into
 * every later restart (as {@code spark.hadoop.*}). The session is stopped by a JVM shutdown hook; tests must
 * not stop it themselves (use {@link #restart(String)}).
 */
public final class SharedSpark {

    /** The master the first session uses. */
    public static final String DEFAULT_MASTER = "local[2]";

    private static final Map<String, String> HADOOP_CONF = new LinkedHashMap<>();
    private static SparkSession session;
    private static String master = DEFAULT_MASTER;
    private static boolean hookInstalled;

    private SharedSpark() {
    }

    /** @return the shared session, started on first use with {@link #DEFAULT_MASTER} */
    public static synchronized SparkSession session() {
        if (session == null) {
            session = start(master, Map.of());
        }
        return session;
    }

    /** @return the Java view of the shared session's SparkContext */
    public static synchronized JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /** @return the master URL of the current (or next) session */
    public static synchronized String master() {
        return master;
    }

    /**
     * Stops the shared session (if any) and starts a new one with another master, keeping the Hadoop keys added so
     * far.
     *
     * @param newMaster e.g. {@code local[1]}, {@code local[2]}, {@code local[2,2]} (2 threads, 2 attempts per task)
     * @return the new session
     */
    public static synchronized SparkSession restart(String newMaster) {
        return restart(newMaster, Map.of());
    }

    /**
     * Like {@link #restart(String)}, with extra Spark settings for this session only (e.g. {@code spark.home} and
     * {@code spark.executor.extraClassPath} for {@code local-cluster[...]}); the next restart drops them.
     */
    public static synchronized SparkSession restart(String newMaster, Map<String, String> sessionConf) {
        stopCurrent();
        master = newMaster;
        session = start(newMaster, sessionConf);
        return session;
    }

    /**
     * Adds Hadoop configuration keys (without the {@code spark.hadoop.} prefix, e.g. {@code fs.s3a.endpoint}) to the
     * running session's {@code hadoopConfiguration()} and remembers them for later restarts.
     *
     * @return the shared session
     */
    public static synchronized SparkSession putHadoopConf(Map<String, String> hadoopKeys) {
        HADOOP_CONF.putAll(hadoopKeys);
        SparkSession s = session();
        hadoopKeys.forEach((k, v) -> s.sparkContext().hadoopConfiguration().set(k, v));
        return s;
    }

    /** @return a copy of the Hadoop keys added through {@link #putHadoopConf(Map)} */
    public static synchronized Map<String, String> hadoopConf() {
        return new LinkedHashMap<>(HADOOP_CONF);
    }

    /** Stops the shared session now; the next {@link #session()} starts a fresh one with the last master. */
    public static synchronized void stop() {
        stopCurrent();
    }

    private static void stopCurrent() {
        if (session != null) {
            session.stop();
            session = null;
        }
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    private static SparkSession start(String masterUrl, Map<String, String> sessionConf) {
        installHook();
        SparkSession.Builder b = SparkSession.builder()
                .master(masterUrl)
                .appName("minisim-test")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.sql.adaptive.enabled", "false");
        HADOOP_CONF.forEach((k, v) -> b.config("spark.hadoop." + k, v));
        sessionConf.forEach(b::config);
        return b.getOrCreate();
    }

    private static void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(SharedSpark::stop, "shared-spark-stop"));
        }
    }
}
