package org.minisim.job.storage;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;

/**
 * A serializable description of a directory of zarr stores: its URI plus the Hadoop configuration entries an
 * executor needs to reach it (those that differ from Hadoop's defaults, typically {@code fs.s3a.*}). Ship this in
 * Spark closures — never a live FileSystem client — and call {@link #store(String)} in the task.
 *
 * <p>The entries may hold credentials: {@link #toString()} masks them (see {@link Secrets}) and nothing here writes
 * them anywhere. When no credentials are configured, S3A's default chain applies on every JVM (environment
 * variables, instance/container roles).
 *
 * <p>Stores share Hadoop's cached FileSystem client per scheme, bucket/host and user within a JVM: two roots on the
 * same bucket with different credentials or endpoints in one JVM would share the first client.
 */
public final class StoreRoot implements org.minisim.run.StoreLocator {

    private static final long serialVersionUID = 1L;

    /** Schemes of object stores, where a directory rename is a copy (write in place, marker last). */
    private static final Set<String> OBJECT_STORE_SCHEMES = Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb",
            "wasbs", "oss", "cos", "cosn", "obs");

    private final String uri;
    private final TreeMap<String, String> entries;
    private transient Configuration conf;

    private StoreRoot(String uri, Map<String, String> entries) {
        this.uri = uri;
        this.entries = new TreeMap<>(entries);
    }

    /**
     * Describes {@code root} with the entries of {@code conf} that differ from a default Hadoop configuration.
     *
     * @param root a directory URI or a plain local path (made absolute, {@code file://})
     */
    public static StoreRoot of(String root, Configuration conf) {
        URI u = normalize(root);
        // a local directory is served by java.nio: it needs no Hadoop entries (and comparing a configuration with
        // Hadoop's defaults costs a parse of its XML files)
        return new StoreRoot(u.toString(), "file".equals(u.getScheme()) ? Map.of() : nonDefaultEntries(conf));
    }

    /** Describes {@code root} with exactly the given Hadoop entries (keys without {@code spark.hadoop.}). */
    public static StoreRoot of(String root, Map<String, String> hadoopEntries) {
        return new StoreRoot(normalize(root).toString(), hadoopEntries);
    }

    /**
     * @return the URI for a root given by the user: URIs with a scheme are kept (a trailing '/' removed); a plain
     *     path is made absolute against the working directory and given the {@code file} scheme
     */
    public static URI normalize(String root) {
        Objects.requireNonNull(root, "root");
        String r = root.trim();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("empty storage location");
        }
        URI u;
        if (r.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !r.matches("^[A-Za-z]:\\\\.*")) {
            u = URI.create(r);
            if (u.getScheme().equals("file")) {
                u = Paths.get(u).toAbsolutePath().normalize().toUri();
            }
        } else {
            u = Paths.get(r).toAbsolutePath().normalize().toUri();
        }
        String path = u.getPath() == null ? "" : u.getPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(u.getScheme(), u.getAuthority(), path, null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("invalid storage location '" + root + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> nonDefaultEntries(Configuration conf) {
        Configuration defaults = new Configuration();
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : conf) {
            String def = defaults.getRaw(e.getKey());
            if (!Objects.equals(def, e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** @return the root URI */
    public URI uri() {
        return URI.create(uri);
    }

    /** @return the URI scheme, lower case */
    public String scheme() {
        return uri().getScheme().toLowerCase(Locale.ROOT);
    }

    /**
     * @return whether the root is on an object store (s3a, gs, abfs, ...), where a directory rename copies every
     *     object: write stores in place and make the commit marker the last object
     *     (docs/store-format.md#writing-and-the-commit-marker)
     */
    public boolean isObjectStore() {
        return isObjectStoreScheme(scheme());
    }

    /** @return whether a URI scheme (any case) names an object store such as s3a, gs or abfs */
    public static boolean isObjectStoreScheme(String scheme) {
        return OBJECT_STORE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /** @return the shipped Hadoop entries (unmodifiable; may contain secrets — never print them unmasked) */
    public Map<String, String> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** @return a Hadoop configuration: defaults plus the shipped entries (built once per JVM copy) */
    public synchronized Configuration configuration() {
        if (conf == null) {
            Configuration c = new Configuration(!isLocal());
            entries.forEach(c::set);
            conf = c;
        }
        return conf;
    }

    /** @return the URI of store {@code name}: {@code <root>/<name>.zarr} */
    public URI storeUri(String name) {
        return resolve(name + ".zarr");
    }

    /** @return {@code <root>/<relative>} */
    public URI resolve(String relative) {
        if (relative.isEmpty() || relative.startsWith("/")) {
            throw new IllegalArgumentException("invalid relative path '" + relative + "' under " + uri);
        }
        return URI.create((uri.endsWith("/") ? uri : uri + "/") + relative);
    }

    @Override
    public String location(String cacheKey) {
        return storeUri(cacheKey).toString();
    }

    /** @return a byte store for the zarr store {@code <root>/<name>.zarr} */
    @Override
    public ByteStore store(String name) {
        return storeAt(name + ".zarr");
    }

    /** @return a byte store rooted at {@code <root>/<relative>} (e.g. a temporary sibling {@code <name>.zarr.tmp}) */
    public ByteStore storeAt(String relative) {
        return open(resolve(relative));
    }

    /** @return a byte store over the whole root (to list stores or read markers) */
    public ByteStore rootStore() {
        return open(uri());
    }

    /** @return whether the root is a local directory ({@code file://}): its stores are read and written by java.nio */
    public boolean isLocal() {
        return "file".equals(scheme());
    }

    /**
     * Renames {@code <root>/<from>} to {@code <root>/<to>}, deleting an existing target first (the last step of the
     * local/HDFS atomic save, docs/store-format.md#writing-and-the-commit-marker). On object stores this copies every
     * object; avoid it there.
     */
    public void rename(String from, String to) throws IOException {
        FileSystem fs = HadoopByteStore.fileSystem(uri(), configuration());
        Path src = new Path(resolve(from));
        Path dst = new Path(resolve(to));
        fs.delete(dst, true);
        if (!fs.rename(src, dst)) {
            throw new IOException("cannot rename " + src + " to " + dst);
        }
    }

    /**
     * A local directory is served by java.nio ({@link FileByteStore}: the same bytes, without Hadoop's local file
     * system, which starts a shell process for permission calls); everything else by a Hadoop file system.
     */
    private ByteStore open(URI u) {
        if ("file".equals(u.getScheme())) {
            return new FileByteStore(Paths.get(u));
        }
        try {
            return new HadoopByteStore(u, configuration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + u + ": " + Secrets.scrub(e.getMessage(), entries), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreRoot other && uri.equals(other.uri) && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, entries);
    }

    /** @return the URI and the entries, with secret values masked */
    @Override
    public String toString() {
        return "StoreRoot[" + uri + ", " + Secrets.masked(entries) + "]";
    }
}
