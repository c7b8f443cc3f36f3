package org.minisim.job;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.minisim.job.standin.StoreRoot;

/**
 * STAND-IN for branch {@code spark}'s {@code StorageCheck.verify}: fails fast on the driver when the stores
 * directory or the table root cannot be created or written.
 */
final class StorageProbe {
    private StorageProbe() {}

    static void verify(StoreRoot... roots) throws IOException {
        for (StoreRoot r : roots) {
            FileSystem fs = r.fileSystem();
            Path p = new Path(r.uri());
            try {
                fs.mkdirs(p);
                Path probe = new Path(p, "_minisim_probe");
                fs.create(probe, true).close();
                fs.delete(probe, false);
            } catch (IOException e) {
                throw new IOException("cannot write to " + r.uri() + ": " + e.getMessage(), e);
            }
        }
    }
}
