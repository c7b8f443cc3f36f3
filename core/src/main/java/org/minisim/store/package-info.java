/**
 * Zarr v2 over an abstract key-value {@link org.minisim.store.ByteStore} (docs/store-format.md#array-encoding):
 * a local folder ({@link org.minisim.store.FileByteStore}), memory ({@link org.minisim.store.MemoryByteStore}) or,
 * in the job module, any Hadoop file system.
 *
 * <ul>
 *   <li>{@link org.minisim.store.Zarr}, {@link org.minisim.store.ZarrArrayMeta}: generic zarr v2 groups, attributes,
 *       arrays and chunks with our own encoder;</li>
 *   <li>{@link org.minisim.store.ChunkCodec}: Blosc1-LZ4 (default, pure Java + lz4-java), zlib, gzip, none;</li>
 *   <li>{@link org.minisim.store.ZarrStoreAdapter}: jzarr's {@code Store} on any ByteStore.</li>
 * </ul>
 * A recording's layout on top of it (observed, ground truth, snapshots, commit marker) is
 * {@code org.minisim.recording.io}; this package knows nothing of recordings.
 */
package org.minisim.store;
