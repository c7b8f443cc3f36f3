package org.minisim.job.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The storage client settings a sweep runs with unless the user sets them (docs/failures.md#settings): S3A's
 * retries bounded to a few seconds per request instead of minutes, so that a storage outage
 * surfaces quickly and the driver can decide (probe the location, retry the recording once, or stop the sweep).
 * Its own retry of a whole recording covers the transient failures S3A's longer retries would have ridden out.
 *
 * <p>Measured against a stopped S3 server (connection refused): about 2.5–4.5 s per failing request with these
 * settings, 2 minutes with S3A's defaults. A server that accepts connections but never answers is bounded by the
 * timeouts (S3A raises any below 15 s to 15 s): about 45 s per request.
 */
public final class StorageDefaults {

    /** The settings and their values, in the order the documentation lists them. */
    public static final Map<String, String> S3A;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fs.s3a.attempts.maximum", "1");
        m.put("fs.s3a.retry.limit", "2");
        m.put("fs.s3a.retry.interval", "500ms");
        m.put("fs.s3a.connection.establish.timeout", "15s");
        m.put("fs.s3a.connection.timeout", "15s");
        m.put("fs.s3a.connection.request.timeout", "60s");
        S3A = java.util.Collections.unmodifiableMap(m);
    }

    private StorageDefaults() {
    }

    /**
     * @return a copy of {@code conf} with each of {@link #S3A} set where the user did not set the key (its value is
     *     unset or comes from Hadoop's own defaults)
     */
    public static Configuration applied(Configuration conf) {
        Configuration out = new Configuration(conf);
        S3A.forEach((k, v) -> {
            if (!userSet(conf, k)) {
                out.set(k, v, "minisim default (docs/failures.md)");
            }
        });
        return out;
    }

    /** @return whether the key has a value that does not come from Hadoop's default resources */
    static boolean userSet(Configuration conf, String key) {
        if (conf.getRaw(key) == null) {
            return false;
        }
        String[] sources = conf.getPropertySources(key);
        if (sources == null || sources.length == 0) {
            return true;
        }
        for (String s : sources) {
            if (!s.endsWith("-default.xml")) {
                return true;
            }
        }
        return false;
    }
}
