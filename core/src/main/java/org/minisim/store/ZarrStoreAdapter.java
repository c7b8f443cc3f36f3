package org.minisim.store;

import com.bc.zarr.storage.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lets jzarr's {@link Store} sit on any {@link ByteStore} (local folder, Hadoop FileSystem, …), so jzarr's
 * group and attribute API ({@code ZarrGroup.open(new ZarrStoreAdapter(bs))}) works on every backend. An
 * output stream buffers in memory and performs one {@link ByteStore#put} on close.
 */
public final class ZarrStoreAdapter implements Store {

    private final ByteStore store;

    /** @param store the backing key-value store */
    public ZarrStoreAdapter(ByteStore store) {
        this.store = store;
    }

    /** @return the backing key-value store */
    public ByteStore byteStore() {
        return store;
    }

    private static String norm(String key) {
        String k = key;
        while (k.startsWith("/")) {
            k = k.substring(1);
        }
        return k;
    }

    @Override
    public InputStream getInputStream(String key) throws IOException {
        byte[] b = store.get(norm(key));
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public OutputStream getOutputStream(String key) {
        String k = norm(key);
        return new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    store.put(k, toByteArray());
                }
            }
        };
    }

    @Override
    public void delete(String key) throws IOException {
        store.delete(norm(key));
    }

    @Override
    public TreeSet<String> getArrayKeys() throws IOException {
        return parentsOf(".zarray");
    }

    @Override
    public TreeSet<String> getGroupKeys() throws IOException {
        return parentsOf(".zgroup");
    }

    private TreeSet<String> parentsOf(String leaf) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (String k : store.list("")) {
            if (k.equals(leaf)) {
                out.add("");
            } else if (k.endsWith("/" + leaf)) {
                out.add(k.substring(0, k.length() - leaf.length() - 1));
            }
        }
        return out;
    }

    @Override
    public TreeSet<String> getKeysEndingWith(String suffix) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (String k : store.list("")) {
            if (k.endsWith(suffix)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public Stream<String> getRelativeLeafKeys(String key) throws IOException {
        String prefix = norm(key);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        final String p = prefix;
        return store.list(p).stream().filter(k -> k.startsWith(p)).map(k -> k.substring(p.length()));
    }
}
