package org.minisim.store;

import java.io.IOException;
import java.util.List;

/**
 * A flat key-value view of one zarr store: keys are {@code '/'}-separated paths relative to the store root
 * (e.g. {@code "observed/.zarray"}, {@code "observed/3.0.0"}). Implementations exist for a local folder
 * (core) and for any Hadoop FileSystem — file://, s3a://, hdfs:// (job). A {@link #put} replaces the whole
 * value (one whole-object PUT on object stores); implementations never need an exists/list call per chunk.
 */
public interface ByteStore {

    /** @return the value, or null when the key does not exist */
    byte[] get(String key) throws IOException;

    /** Writes (creates or replaces) the whole value of a key; parent "directories" are implicit. */
    void put(String key, byte[] value) throws IOException;

    /** @return whether the key exists */
    boolean exists(String key) throws IOException;

    /** @return every key under {@code prefix} ("" for all), relative to the store root, in no fixed order */
    List<String> list(String prefix) throws IOException;

    /** Deletes the key (and, for a directory-like prefix, everything under it); absent keys are ignored. */
    void delete(String key) throws IOException;

    /** @return a human-readable location (URI) of the store root, for messages */
    String location();
}
