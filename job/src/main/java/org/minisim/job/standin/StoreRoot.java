package org.minisim.job.standin;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** STAND-IN for branch {@code spark}'s {@code StoreRoot} (deleted when it lands). */
public record StoreRoot(String uri, LinkedHashMap<String, String> hadoopConf) implements Serializable {

    public static StoreRoot of(String uri, Configuration conf) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : conf) {
            if (e.getKey().startsWith("fs.")) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return new StoreRoot(uri, m);
    }

    public Configuration configuration() {
        Configuration c = new Configuration();
        hadoopConf.forEach(c::set);
        c.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        c.setBoolean("fs.file.impl.disable.cache", true);
        return c;
    }

    public String storeUri(String name) {
        return uri.endsWith("/") ? uri + name + ".zarr" : uri + "/" + name + ".zarr";
    }

    public HadoopByteStore store(String name) {
        try {
            Path p = new Path(URI.create(storeUri(name)));
            return new HadoopByteStore(p.getFileSystem(configuration()), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FileSystem fileSystem() throws IOException {
        return new Path(URI.create(uri)).getFileSystem(configuration());
    }
}
