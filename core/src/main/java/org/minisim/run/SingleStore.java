package org.minisim.run;

import java.nio.file.Path;
import org.minisim.MinisimException;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;

/**
 * The store of exactly one recording at a chosen local folder (any name, e.g. {@code OUT.zarr}), for simulating a
 * single spec outside a sweep: the same {@link RecordingTask.Whole} a sweep runs, written somewhere else.
 *
 * @param cacheKey the recording's cache key (the only key this locator knows)
 * @param path     the store's folder, absolute
 */
public record SingleStore(String cacheKey, String path) implements StoreLocator {

    /** @return the locator of {@code folder} for the recording {@code cacheKey} */
    public static SingleStore of(String cacheKey, Path folder) {
        return new SingleStore(cacheKey, folder.toAbsolutePath().normalize().toString());
    }

    @Override
    public ByteStore store(String key) {
        return new FileByteStore(Path.of(path(key)));
    }

    @Override
    public String location(String key) {
        return Path.of(path(key)).toUri().toString();
    }

    private String path(String key) {
        if (!cacheKey.equals(key)) {
            throw new MinisimException("the store " + path + " is for recording " + cacheKey + ", not " + key);
        }
        return path;
    }
}
