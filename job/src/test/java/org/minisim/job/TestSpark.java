package org.minisim.job;

import org.apache.spark.sql.SparkSession;

/**
 * STAND-IN for branch {@code spark}'s {@code org.minisim.job.testing.SharedSpark}: one local session per test
 * JVM, bound to 127.0.0.1; {@link #restart} switches the master.
 */
final class TestSpark {
    private static SparkSession session;
    private static String master;

    private TestSpark() {}

    static synchronized SparkSession get() {
        return session != null ? session : restart("local[2]");
    }

    static synchronized SparkSession restart(String m) {
        if (session != null && m.equals(master)) {
            return session;
        }
        if (session != null) {
            session.stop();
        }
        session = SparkSession.builder().master(m).appName("minisim-job-tests")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        master = m;
        return session;
    }
}
