package org.minisim.job.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minisim.job.storage.HadoopByteStore;
import org.minisim.job.storage.StoreRoot;
import org.minisim.job.testing.S3Request;
import org.minisim.job.testing.S3TestServer;
import org.minisim.job.testing.SharedSpark;

/** Spark tasks write through a shipped StoreRoot to s3a, and Spark writes and reads Parquet on s3a. */
class SparkOnS3Test {

    private static S3TestServer s3;

    @BeforeAll
    static void pointSparkAtTheTestServer() {
        s3 = S3TestServer.shared();
        SharedSpark.putHadoopConf(s3.hadoopConf());
    }

    private static byte[] chunk(int task, int i) {
        byte[] b = new byte[4096 + task];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (task * 7 + i * 13 + k);
        }
        return b;
    }

    @Test
    void tasksWriteThroughAShippedStoreRootAndTheDriverReadsBack() throws IOException {
        SparkSession spark = SharedSpark.session();
        String bucket = s3.newBucket("spark-bytes");
        StoreRoot root = StoreRoot.of("s3a://" + bucket + "/sweep/stores", SparkSessions.hadoopConf(spark));
        assertEquals("secret", root.entries().get("fs.s3a.secret.key"), "credentials are shipped");
        assertFalse(root.toString().contains("=secret"), root.toString());
        assertEquals(root, roundTrip(root));

        int tasks = 6;
        int chunksPerTask = 3;
        JavaRDD<Integer> ids = SharedSpark.context().parallelize(
                IntStream.range(0, tasks).boxed().toList(), tasks);
        long written = ids.map(task -> {
            org.minisim.store.ByteStore store = root.store("rec" + (task % 2));
            for (int i = 0; i < chunksPerTask; i++) {
                store.put("observed/" + (task / 2 * chunksPerTask + i) + ".0.0", chunk(task, i));
            }
            return chunksPerTask;
        }).reduce(Integer::sum);
        assertEquals(tasks * chunksPerTask, written);

        for (int task = 0; task < tasks; task++) {
            org.minisim.store.ByteStore store = root.store("rec" + (task % 2));
            for (int i = 0; i < chunksPerTask; i++) {
                assertArrayEquals(chunk(task, i), store.get("observed/" + (task / 2 * chunksPerTask + i) + ".0.0"));
            }
        }
        List<String> keys = new ArrayList<>(root.store("rec0").list("observed/"));
        assertEquals(tasks / 2 * chunksPerTask, keys.size(), keys::toString);
        assertEquals(tasks * chunksPerTask, s3.count(bucket, S3Request.PUT_OBJECT), () -> s3.counts(bucket).toString());
        assertTrue(Files.isRegularFile(s3.objectFile(bucket, "sweep/stores/rec1.zarr/observed/0.0.0")));
    }

    @Test
    void sparkWritesAndReadsParquetOnS3() {
        SparkSession spark = SharedSpark.session();
        String bucket = s3.newBucket("spark-parquet");
        StructType schema = new StructType()
                .add("recording", DataTypes.StringType, false)
                .add("cell", DataTypes.IntegerType, false)
                .add("snr", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(RowFactory.create("rec" + (i % 5), i, i * 0.5));
        }
        String table = "s3a://" + bucket + "/sweep/metrics.parquet";
        spark.createDataFrame(rows, schema).repartition(2).write().mode("overwrite").parquet(table);

        Dataset<Row> back = spark.read().parquet(table);
        assertEquals(50, back.count());
        assertEquals(50 * 49 / 2 * 0.5, back.agg(org.apache.spark.sql.functions.sum("snr")).first().getDouble(0),
                1e-9);
        assertEquals(5, back.select("recording").distinct().count());
        assertTrue(Files.isRegularFile(s3.objectFile(bucket, "sweep/metrics.parquet/_SUCCESS")));
    }

    private static StoreRoot roundTrip(StoreRoot root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(root);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StoreRoot) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
