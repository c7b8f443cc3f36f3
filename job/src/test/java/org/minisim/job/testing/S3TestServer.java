package org.minisim.job.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/**
 * An S3 server (s3proxy) running inside the test JVM on 127.0.0.1 with an ephemeral port, storing objects as plain
 * files ({@code <baseDir>/<bucket>/<key>}) so tests can inspect them, and counting every request by bucket and
 * {@link S3Request kind} (hence by HTTP method).
 *
 * <p>Most tests should use {@link #shared()} (one server per JVM, stopped at exit) with a fresh bucket from
 * {@link #newBucket(String)}: Hadoop caches one S3A client per bucket name, so a bucket name must not be reused
 * across servers in one JVM. Counts are per bucket, so tests on different buckets do not disturb each other.
 */
public final class S3TestServer implements AutoCloseable {

    /** Access key the server accepts. */
    public static final String ACCESS_KEY = "access";
    /** Secret key the server accepts. */
    public static final String SECRET_KEY = "secret";
    /** Region the S3A client is told to use. */
    public static final String REGION = "us-east-1";

    private static final AtomicInteger BUCKET_SEQ = new AtomicInteger();
    private static S3TestServer shared;

    private final Path baseDir;
    private final boolean ownsBaseDir;
    private final CountingBlobStore blobStore;
    private final S3Proxy proxy;

    private S3TestServer(Path baseDir, boolean ownsBaseDir) throws Exception {
        this(baseDir, ownsBaseDir, 0);
    }

    private S3TestServer(Path baseDir, boolean ownsBaseDir, int port) throws Exception {
        this.baseDir = baseDir;
        this.ownsBaseDir = ownsBaseDir;
        this.blobStore = new CountingBlobStore(new FilesystemNio2BlobStore(baseDir.toString()));
        this.proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                throw new IllegalStateException("s3proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
    }

    /** Starts a new server storing its objects in a fresh temporary directory (deleted by {@link #close()}). */
    public static S3TestServer start() {
        try {
            return new S3TestServer(Files.createTempDirectory("s3proxy-"), true);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy: " + e, e);
        }
    }

    /** Starts a new server storing its objects under {@code baseDir} (left in place by {@link #close()}). */
    public static S3TestServer start(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            return new S3TestServer(baseDir, false);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy: " + e, e);
        }
    }

    /**
     * Starts a new server on a given port storing its objects under {@code baseDir} (left in place by
     * {@link #close()}): stopping a server and starting another on the same port and directory is a storage outage
     * and its end, as clients see it.
     */
    public static S3TestServer start(Path baseDir, int port) {
        try {
            Files.createDirectories(baseDir);
            return new S3TestServer(baseDir, false, port);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy on port " + port + ": " + e, e);
        }
    }

    /** @return the server shared by the whole test JVM, started on first use and stopped at JVM exit */
    public static synchronized S3TestServer shared() {
        if (shared == null) {
            shared = start();
            S3TestServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "s3proxy-stop"));
        }
        return shared;
    }

    /** Creates a bucket (no-op if it exists). @return the name */
    public String createBucket(String name) {
        try {
            blobStore.createContainer(CreateBucketRequest.builder().bucket(name).build());
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException e) {
            // already there (a server restarted on the same directory)
        }
        return name;
    }

    /**
     * Creates a bucket with a name unique in this JVM, built from {@code prefix} (lower-cased, letters, digits and
     * '-' kept). @return the name
     */
    public String newBucket(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (clean.length() > 40) {
            clean = clean.substring(0, 40);
        }
        return createBucket(clean + "-" + ProcessHandle.current().pid() + "-" + BUCKET_SEQ.incrementAndGet());
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** @return the port the server listens on */
    public int port() {
        return proxy.getPort();
    }

    /** @return the directory holding one sub-directory per bucket */
    public Path baseDir() {
        return baseDir;
    }

    /** @return the file that holds object {@code key} of {@code bucket} */
    public Path objectFile(String bucket, String key) {
        return baseDir.resolve(bucket).resolve(key);
    }

    /**
     * The S3A keys (the storage settings of README.md#run-on-a-cluster) that point a Hadoop client at this server:
     * endpoint, region, path-style access, plain HTTP, {@code SimpleAWSCredentialsProvider} with
     * {@link #ACCESS_KEY}/{@link #SECRET_KEY}.
     *
     * @return a new mutable map, keys without the {@code spark.hadoop.} prefix
     */
    public Map<String, String> hadoopConf() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fs.s3a.endpoint", endpoint().toString());
        m.put("fs.s3a.endpoint.region", REGION);
        m.put("fs.s3a.path.style.access", "true");
        m.put("fs.s3a.connection.ssl.enabled", "false");
        m.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        m.put("fs.s3a.access.key", ACCESS_KEY);
        m.put("fs.s3a.secret.key", SECRET_KEY);
        return m;
    }

    /** @return {@link #hadoopConf()} with each key prefixed by {@code spark.hadoop.}, for a SparkConf */
    public Map<String, String> sparkConf() {
        Map<String, String> m = new LinkedHashMap<>();
        hadoopConf().forEach((k, v) -> m.put("spark.hadoop." + k, v));
        return m;
    }

    /** @return a new Hadoop Configuration (defaults loaded) with {@link #hadoopConf()} set */
    public Configuration configuration() {
        Configuration conf = new Configuration();
        hadoopConf().forEach(conf::set);
        return conf;
    }

    /** @return how many requests of this kind reached {@code bucket} */
    public long count(String bucket, S3Request kind) {
        return blobStore.count(bucket, kind);
    }

    /** @return how many requests of this kind reached the server, all buckets together */
    public long count(S3Request kind) {
        return blobStore.count(kind);
    }

    /** @return how many requests with this HTTP method ("GET", "PUT", "HEAD", "DELETE", "POST") reached the bucket */
    public long countByMethod(String bucket, String method) {
        long n = 0;
        for (S3Request kind : S3Request.values()) {
            if (kind.method().equals(method)) {
                n += blobStore.count(bucket, kind);
            }
        }
        return n;
    }

    /** @return the non-zero counts of one bucket by kind (for assertion messages) */
    public Map<S3Request, Long> counts(String bucket) {
        return blobStore.snapshot(bucket);
    }

    /** Sets every counter to zero. */
    public void resetCounts() {
        blobStore.reset();
    }

    /** Stops the server; deletes its temporary directory if {@link #start()} created it. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy: " + e, e);
        } finally {
            if (ownsBaseDir) {
                deleteTree(baseDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
