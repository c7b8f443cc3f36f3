package org.minisim.run;

import java.io.Serializable;
import org.minisim.store.ByteStore;

/**
 * Where a sweep's recordings are stored: the zarr store of each cache key, {@code <root>/<key>.zarr}.
 * Serializable, so a task carries it to whichever JVM runs it; implementations exist for a local folder and for
 * any Hadoop file system (the job module).
 */
public interface StoreLocator extends Serializable {

    /** @return the store of a recording (its root need not exist yet) */
    ByteStore store(String cacheKey);

    /** @return the URI of a recording's store, for the table and messages (never holding a secret) */
    String location(String cacheKey);
}
