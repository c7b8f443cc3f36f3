package org.minisim.job.spark;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.minisim.job.storage.HadoopByteStore;
import org.minisim.job.storage.StorageCheck;
import org.minisim.job.storage.StoreRoot;

/**
 * A tiny job that proves a cluster can run minisim code: it checks the storage root on the driver, has every task
 * write one chunk through a shipped {@link StoreRoot} (so executors load minisim and S3A classes from
 * the application jar), then reads the chunks back on the driver and prints {@code CLUSTER-SMOKE OK}.
 *
 * <p>Usage: {@code spark-submit --class org.minisim.job.spark.ClusterSmoke minisim-cluster.jar ROOT_URI [TASKS]}
 */
public final class ClusterSmoke {

    private ClusterSmoke() {
    }

    /** @param args the storage root URI, and optionally the number of tasks (default 4) */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ClusterSmoke ROOT_URI [TASKS]");
            System.exit(2);
        }
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        SparkSession spark = SparkSessions.getOrCreate(Map.of());
        try {
            run(spark, args[0], tasks);
        } finally {
            spark.stop();
        }
    }

    static void run(SparkSession spark, String rootUri, int tasks) throws IOException {
        URI root = StoreRoot.normalize(rootUri);
        StorageCheck.verify(root, SparkSessions.hadoopConf(spark));
        StoreRoot storeRoot = StoreRoot.of(root.toString(), SparkSessions.hadoopConf(spark));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> written = sc.parallelize(IntStream.range(0, tasks).boxed().toList(), tasks).map(t -> {
            org.minisim.store.ByteStore store = storeRoot.store("smoke");
            store.put("chunks/" + t, payload(t));
            return java.net.InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        }).collect();
        org.minisim.store.ByteStore store = storeRoot.store("smoke");
        for (int t = 0; t < tasks; t++) {
            if (!Arrays.equals(payload(t), store.get("chunks/" + t))) {
                throw new IllegalStateException("chunk " + t + " read back wrong from " + store.location());
            }
        }
        long executorsSeen = written.stream().distinct().count();
        System.out.println("CLUSTER-SMOKE OK master=" + spark.sparkContext().master() + " tasks=" + tasks
                + " executor-jvms=" + executorsSeen + " driver-pid=" + ProcessHandle.current().pid()
                + " executors=" + written.stream().distinct().toList() + " store=" + store.location());
    }

    private static byte[] payload(int t) {
        byte[] b = new byte[1024];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (t * 17 + i);
        }
        return b;
    }
}
