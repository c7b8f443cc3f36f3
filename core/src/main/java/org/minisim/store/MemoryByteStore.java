package org.minisim.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** A thread-safe in-memory {@link ByteStore} (tests, and recordings that never touch disk). Values are copied. */
public final class MemoryByteStore implements ByteStore {

    private final ConcurrentSkipListMap<String, byte[]> map = new ConcurrentSkipListMap<>();
    private final String name;

    /** @param name shown by {@link #location()} */
    public MemoryByteStore(String name) {
        this.name = name;
    }

    public MemoryByteStore() {
        this("memory");
    }

    @Override
    public byte[] get(String key) {
        byte[] v = map.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public void put(String key, byte[] value) {
        map.put(key, value.clone());
    }

    @Override
    public boolean exists(String key) {
        return map.containsKey(key);
    }

    @Override
    public List<String> list(String prefix) {
        if (prefix.isEmpty()) {
            return new ArrayList<>(map.keySet());
        }
        String dir = prefix.endsWith("/") ? prefix : prefix + "/";
        List<String> out = new ArrayList<>();
        if (map.containsKey(prefix)) {
            out.add(prefix);
        }
        out.addAll(map.subMap(dir, dir + Character.MAX_VALUE).keySet());
        return out;
    }

    @Override
    public void delete(String key) {
        map.remove(key);
        String dir = key.endsWith("/") ? key : key + "/";
        map.subMap(dir, dir + Character.MAX_VALUE).clear();
    }

    @Override
    public String location() {
        return "memory:" + name;
    }
}
