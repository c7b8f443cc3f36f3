package org.minisim.job.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.minisim.job.storage.StorageCheckException.Problem;

/**
 * Checks on the driver, before any task is launched, that a storage location can be written, failing fast with one
 * clear message per cause.
 *
 * <p>For {@code s3a://} it first checks that a configured endpoint answers at all (TCP connect, one anonymous
 * {@code HEAD /}; a dead or silent endpoint fails within about 5 s), then uses a private client with short timeouts
 * and at most one retry that probes the bucket when it starts. Then, for every scheme, it
 * creates the directory (file systems only), writes a tiny probe object {@code _minisim-probe-<uuid>} under the
 * root and deletes it. Messages name the URI and the cause, never a secret, and carry no stack trace.
 */
public final class StorageCheck {

    /**
     * Keys the probe client overrides so that failures surface quickly: no SDK retries, one S3A retry, and a bucket
     * probe when the client starts. (S3A raises any network timeout below 15 s to 15 s, so a silent endpoint is
     * caught earlier by {@link EndpointProbe}.)
     */
    static final Map<String, String> FAST_FAIL = Map.of(
            "fs.s3a.attempts.maximum", "0",
            "fs.s3a.retry.limit", "1",
            "fs.s3a.retry.interval", "200ms",
            "fs.s3a.retry.throttle.limit", "1",
            "fs.s3a.bucket.probe", "2",
            "ipc.client.connect.max.retries.on.timeouts", "1",
            "ipc.client.connect.max.retries", "1");

    /** TCP connect timeout of the endpoint probe. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long the endpoint probe waits for the first byte of an answer. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private StorageCheck() {
    }

    /**
     * Verifies that {@code root} exists or can be created, and can be written.
     *
     * @param root a storage location (URI with a scheme, or a local path)
     * @param conf the job's Hadoop configuration (e.g. the Spark session's {@code hadoopConfiguration()})
     * @throws StorageCheckException with a message naming {@code root} and the cause
     */
    public static void verify(URI root, Configuration conf) {
        URI uri = StoreRoot.normalize(root.toString());
        if ("file".equals(uri.getScheme())) {
            LocalStorageCheck.verify(java.nio.file.Paths.get(uri), uri.toString());
            return;
        }
        Configuration probeConf = new Configuration(conf);
        FAST_FAIL.forEach(probeConf::set);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        probeConf.setBoolean("fs." + scheme + ".impl.disable.cache", true);
        Map<String, String> secrets = secretEntries(conf);

        if ("s3a".equals(scheme)) {
            probeEndpoint(uri, conf, secrets);
        }
        FileSystem fs;
        try {
            fs = FileSystem.newInstance(uri, probeConf);
        } catch (UnsupportedFileSystemException e) {
            throw new StorageCheckException(Problem.INVALID_LOCATION, uri + ": no file system for scheme '"
                    + scheme + "' (" + Secrets.scrub(e.getMessage(), secrets) + ")", null);
        } catch (IOException | RuntimeException e) {
            StorageCheckException failure = classify(uri, e, secrets, false);
            if (failure.problem() != Problem.ACCESS_DENIED) {
                throw failure;
            }
            // A bucket policy may deny the bucket probe (s3:ListBucket) yet allow writes under the prefix: let the
            // probe write decide (rejected credentials fail it too).
            probeConf.set("fs.s3a.bucket.probe", "0");
            try {
                fs = FileSystem.newInstance(uri, probeConf);
            } catch (IOException | RuntimeException again) {
                throw classify(uri, again, secrets, false);
            }
        }
        try {
            FileSystem target = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
            probeWrite(uri, target, scheme, secrets);
        } finally {
            try {
                fs.close();
            } catch (IOException ignored) {
                // closing a probe client cannot make the check fail
            }
        }
    }

    /** Fails fast when an explicitly configured S3 endpoint does not answer at all. */
    private static void probeEndpoint(URI uri, Configuration conf, Map<String, String> secrets) {
        String bucket = uri.getHost();
        String ep = bucket == null ? null : conf.getTrimmed("fs.s3a.bucket." + bucket + ".endpoint");
        if (ep == null || ep.isEmpty()) {
            ep = conf.getTrimmed("fs.s3a.endpoint");
        }
        if (ep == null || ep.isEmpty()) {
            return;
        }
        boolean ssl = conf.getBoolean("fs.s3a.connection.ssl.enabled", true);
        URI endpoint = URI.create(ep.contains("://") ? ep : (ssl ? "https://" : "http://") + ep);
        String problem = EndpointProbe.problem(endpoint, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        if (problem != null) {
            int port = endpoint.getPort() > 0 ? endpoint.getPort()
                    : "http".equalsIgnoreCase(endpoint.getScheme()) ? 80 : 443;
            throw new StorageCheckException(Problem.UNREACHABLE, uri + ": the storage endpoint "
                    + Secrets.scrub(ep, secrets) + " cannot be reached (" + problem + ")", uri,
                    problem + " (" + endpoint.getHost() + ":" + port + ")");
        }
    }

    private static void probeWrite(URI uri, FileSystem fs, String scheme, Map<String, String> secrets) {
        Path dir = new Path(uri);
        Path probe = new Path(dir, "_minisim-probe-" + UUID.randomUUID());
        try {
            if (!StoreRoot.isObjectStoreScheme(scheme)) {
                if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
                    throw new StorageCheckException(Problem.NOT_WRITABLE,
                            uri + ": exists and is not a directory", null);
                }
                if (!fs.mkdirs(dir)) {
                    throw new StorageCheckException(Problem.NOT_WRITABLE, uri + ": cannot create the directory",
                            null);
                }
            }
            try (FSDataOutputStream out = HadoopByteStore.createWhole(fs, probe)) {
                out.write("minisim storage probe\n".getBytes(StandardCharsets.UTF_8));
            }
            fs.delete(probe, false);
        } catch (StorageCheckException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw classify(uri, e, secrets, true);
        }
    }

    /** Turns a failure into one message naming the location and the cause. */
    static StorageCheckException classify(URI uri, Throwable e, Map<String, String> secrets, boolean writing) {
        String all = chainText(e);
        String lower = all.toLowerCase(Locale.ROOT);
        String detail = Secrets.scrub(rootCauseText(e), secrets);
        if (has(e, ConnectException.class) || has(e, UnknownHostException.class)
                || has(e, NoRouteToHostException.class) || has(e, SocketTimeoutException.class)
                || lower.contains("connection refused") || lower.contains("connect timed out")
                || lower.contains("unable to execute http request") || lower.contains("unknownhost")) {
            StorageFailure f = StorageFailure.of(e);
            return new StorageCheckException(Problem.UNREACHABLE, uri + ": the storage endpoint "
                    + endpointOf(uri, secrets) + " cannot be reached (" + detail + ")", uri,
                    f != null ? f.cause() : detail);
        }
        if (lower.contains("nosuchbucket") || lower.contains("unknownstoreexception")
                || lower.contains("bucket") && lower.contains("does not exist")) {
            return new StorageCheckException(Problem.NO_SUCH_BUCKET, uri + ": the bucket '" + uri.getHost()
                    + "' does not exist at " + endpointOf(uri, secrets), null);
        }
        if (lower.contains("noauthwithawsexception") || lower.contains("no aws credentials")
                || lower.contains("unable to load aws credentials") || lower.contains("unable to load credentials")) {
            return new StorageCheckException(Problem.NO_CREDENTIALS, uri + ": no credentials found; set "
                    + "spark.hadoop.fs.s3a.access.key/secret.key, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or an "
                    + "instance role (" + detail + ")", null);
        }
        if (lower.contains("invalidaccesskeyid") || lower.contains("signaturedoesnotmatch")
                || lower.contains("status code: 403") || has(e, AccessDeniedException.class)
                || lower.contains("forbidden") || lower.contains("access denied")) {
            String what = lower.contains("invalidaccesskeyid") || lower.contains("signaturedoesnotmatch")
                    ? "the credentials were rejected" : "access denied";
            return new StorageCheckException(Problem.ACCESS_DENIED, uri + ": " + what
                    + " (HTTP 403) — check the access key and secret (spark.hadoop.fs.s3a.access.key/secret.key)"
                    + " and the bucket policy", null);
        }
        if (!writing && (has(e, InterruptedIOException.class))) {
            return new StorageCheckException(Problem.UNREACHABLE, uri + ": the storage endpoint "
                    + endpointOf(uri, secrets) + " did not answer in time (" + detail + ")", uri, "timed out");
        }
        if (has(e, FileNotFoundException.class) && !writing) {
            return new StorageCheckException(Problem.INVALID_LOCATION, uri + ": not found (" + detail + ")", null);
        }
        StorageFailure f = StorageFailure.of(e);
        return new StorageCheckException(writing ? Problem.NOT_WRITABLE : Problem.INVALID_LOCATION,
                uri + ": " + (writing ? "cannot write a probe file" : "cannot open the file system") + " ("
                        + detail + ")", uri, f != null ? f.cause() : detail);
    }

    private static String endpointOf(URI uri, Map<String, String> conf) {
        String ep = conf.get("fs.s3a.bucket." + uri.getHost() + ".endpoint");
        if (ep == null) {
            ep = conf.get("fs.s3a.endpoint");
        }
        if (!"s3a".equalsIgnoreCase(uri.getScheme())) {
            return uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
        }
        return ep == null || ep.isEmpty() ? "(default AWS endpoint)" : ep;
    }

    /** The secret entries (to scrub from messages) plus the endpoint keys (to name the endpoint). */
    private static Map<String, String> secretEntries(Configuration conf) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            if (Secrets.isSecretKey(e.getKey()) || e.getKey().endsWith(".endpoint")) {
                out.put(e.getKey(), conf.get(e.getKey()));
            }
        }
        return out;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String chainText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String rootCauseText(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        String first = e.getMessage();
        String text = msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
        if (root != e && first != null && first.length() < 300 && !first.contains(text)) {
            text = first + "; " + text;
        }
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
