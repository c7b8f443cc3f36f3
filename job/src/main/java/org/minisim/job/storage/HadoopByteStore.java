package org.minisim.job.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.minisim.store.ByteStore;

/**
 * A {@link ByteStore} over any Hadoop {@link FileSystem} — {@code file://}, {@code s3a://}, {@code hdfs://} — through
 * one code path. Keys are {@code '/'}-separated paths under the store root.
 *
 * <ul>
 *   <li>{@link #put} is one {@code createFile(path).overwrite(true)} whole write with the S3A option
 *       {@code fs.s3a.create.performance=true}: on S3 that is a single PUT, with no HEAD/LIST probe of the path or
 *       its parents and no directory markers; on a file system parents are created as needed.</li>
 *   <li>{@link #get} opens and reads the whole file; a missing key gives null.</li>
 *   <li>{@link #list} is one recursive {@code listFiles} (one LIST per 1000 keys on S3).</li>
 * </ul>
 *
 * For {@code file://} the raw local file system is used, so no {@code .crc} side files are written. Instances hold
 * a live (cached, shared) FileSystem client and are not serializable: ship a {@link StoreRoot} instead.
 */
public final class HadoopByteStore implements ByteStore {

    /** S3A's per-create option that skips the overwrite/parent checks (Hadoop 3.4+; ignored elsewhere). */
    static final String CREATE_PERFORMANCE = "fs.s3a.create.performance";

    private final FileSystem fs;
    private final Path root;

    /**
     * @param root the store root (a directory URI such as {@code s3a://bucket/stores/abc.zarr})
     * @param conf the Hadoop configuration used to obtain the FileSystem client
     */
    public HadoopByteStore(URI root, Configuration conf) throws IOException {
        this(fileSystem(root, conf), new Path(root));
    }

    HadoopByteStore(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = fs.makeQualified(root);
    }

    /**
     * The FileSystem client for a URI: the shared cached instance of its scheme, except that the checksummed local
     * file system is replaced by the raw one.
     */
    static FileSystem fileSystem(URI uri, Configuration conf) throws IOException {
        FileSystem fs = FileSystem.get(uri, conf);
        if (fs instanceof LocalFileSystem local) {
            return local.getRawFileSystem();
        }
        return fs;
    }

    /** @return the FileSystem client this store writes through */
    public FileSystem fileSystem() {
        return fs;
    }

    /** @return the qualified root path */
    public Path root() {
        return root;
    }

    @Override
    public byte[] get(String key) throws IOException {
        Path p = path(key);
        try (FSDataInputStream in = fs.open(p)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw named("reading", p, e);
        }
    }

    @Override
    public void put(String key, byte[] value) throws IOException {
        Path p = path(key);
        try (FSDataOutputStream out = createWhole(fs, p)) {
            out.write(value);
        } catch (IOException e) {
            throw named("writing", p, e);
        }
    }

    /**
     * @return the failure with the operation and the full path in its message (a file system's "No space left on
     *     device" names no file), unless it already is one
     */
    static IOException named(String operation, Path p, IOException e) {
        return e instanceof StorageIOException ? e : new StorageIOException(operation, p.toString(), e);
    }

    /**
     * Opens a whole-object write that replaces any existing file: parents are created on file systems; on S3A the
     * create-performance option skips the HEAD/LIST probes, so closing the stream issues exactly one PUT (for values
     * below the multipart threshold).
     */
    static FSDataOutputStream createWhole(FileSystem fs, Path p) throws IOException {
        FSDataOutputStreamBuilder<?, ?> builder = fs.createFile(p);
        builder.overwrite(true);
        builder.recursive();
        builder.opt(CREATE_PERFORMANCE, "true");
        return builder.build();
    }

    @Override
    public boolean exists(String key) throws IOException {
        Path p = path(key);
        try {
            return fs.exists(p);
        } catch (IOException e) {
            throw named("checking", p, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code prefix} is a plain key prefix, as on an object store: {@code "observed/"} gives every key in that
     * directory, {@code "observed/3."} the chunks of time index 3. Only the directory part of the prefix is listed.
     */
    @Override
    public List<String> list(String prefix) throws IOException {
        String dir = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
        Path start = dir.isEmpty() ? root : path(dir);
        List<String> keys = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it;
        try {
            it = fs.listFiles(start, true);
            while (it.hasNext()) {
                String key = relativize(it.next().getPath());
                if (key.startsWith(prefix)) {
                    keys.add(key);
                }
            }
        } catch (FileNotFoundException e) {
            return keys;
        } catch (IOException e) {
            throw named("listing", start, e);
        }
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        Path p = key.isEmpty() ? root : path(key);
        try {
            fs.delete(p, true);
        } catch (IOException e) {
            throw named("deleting", p, e);
        }
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public String toString() {
        return "HadoopByteStore[" + location() + "]";
    }

    /** @return the path of a key ({@code '/'}-separated, relative to the root) */
    public Path path(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("//")) {
            throw new IllegalArgumentException("invalid store key '" + key + "' in " + location());
        }
        return new Path(root, key);
    }

    private String relativize(Path p) {
        String rootStr = root.toUri().getPath();
        String path = p.toUri().getPath();
        if (!path.startsWith(rootStr)) {
            throw new IllegalStateException("listed " + p + " outside the store root " + root);
        }
        String rel = path.substring(rootStr.length());
        return rel.startsWith("/") ? rel.substring(1) : rel;
    }
}
