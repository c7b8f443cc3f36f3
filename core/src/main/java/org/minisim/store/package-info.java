/**
 * The saved recording as a zarr v2 store (OUTPUT.md §1, format_version 2) over an abstract key-value
 * {@link org.minisim.store.ByteStore}: a local folder ({@link org.minisim.store.FileByteStore}), memory
 * ({@link org.minisim.store.MemoryByteStore}) or, in the job module, any Hadoop FileSystem.
 *
 * <ul>
 *   <li>{@link org.minisim.recording.io.RecordingStoreWriter} / {@link org.minisim.recording.io.RecordingStoreReader}: the
 *       recording layout, commit marker, atomic local save, load checks;</li>
 *   <li>{@link org.minisim.recording.io.ChunkWritingSink}: rendered frame blocks → whole chunks (Spark tasks);</li>
 *   <li>{@link org.minisim.store.Zarr}, {@link org.minisim.store.ZarrArrayMeta}: generic zarr v2 groups, attributes,
 *       arrays and chunks with our own encoder;</li>
 *   <li>{@link org.minisim.store.ChunkCodec}: Blosc1-LZ4 (default, pure Java + lz4-java), zlib, gzip, none;</li>
 *   <li>{@link org.minisim.store.ZarrStoreAdapter}: jzarr's {@code Store} on any ByteStore.</li>
 * </ul>
 * Only get/put/exists/delete are used by the writer and reader (never list), so object stores need no listing.
 */
package org.minisim.store;

import org.minisim.recording.io.ChunkWritingSink;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.recording.io.RecordingStoreWriter;
