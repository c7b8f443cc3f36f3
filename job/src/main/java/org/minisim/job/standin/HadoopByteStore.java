package org.minisim.job.standin;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.minisim.store.ByteStore;

/** STAND-IN for branch {@code spark}'s {@code org.minisim.job.storage.HadoopByteStore} (deleted when it lands). */
public final class HadoopByteStore implements ByteStore {
    private final FileSystem fs;
    private final Path root;

    public HadoopByteStore(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    private Path path(String key) {
        return key.isEmpty() ? root : new Path(root, key);
    }

    @Override
    public byte[] get(String key) throws IOException {
        try (InputStream in = fs.open(path(key))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    @Override
    public void put(String key, byte[] value) throws IOException {
        try (OutputStream out = fs.create(path(key), true)) {
            out.write(value);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        return fs.exists(path(key));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        Path p = path(prefix);
        if (!fs.exists(p)) {
            return keys;
        }
        String base = fs.makeQualified(root).toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
        while (it.hasNext()) {
            String full = it.next().getPath().toUri().getPath();
            keys.add(full.substring(base.length() + 1));
        }
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        fs.delete(path(key), true);
    }

    @Override
    public String location() {
        return root.toString();
    }
}
