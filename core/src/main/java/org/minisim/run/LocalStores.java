package org.minisim.run;

import java.nio.file.Path;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;

/**
 * The stores of a sweep in a local folder: {@code <root>/<key>.zarr}.
 *
 * @param root the folder (created on the first write)
 */
public record LocalStores(String root) implements StoreLocator {

    /** @return the locator of a folder */
    public static LocalStores of(Path root) {
        return new LocalStores(root.toAbsolutePath().normalize().toString());
    }

    @Override
    public ByteStore store(String cacheKey) {
        return new FileByteStore(Path.of(root).resolve(cacheKey + ".zarr"));
    }

    @Override
    public String location(String cacheKey) {
        return Path.of(root).resolve(cacheKey + ".zarr").toUri().toString();
    }
}
