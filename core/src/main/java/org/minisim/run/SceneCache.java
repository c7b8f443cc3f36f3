package org.minisim.run;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.minisim.scene.Scene;


/**
 * The per-JVM cache of scenes (phase A), keyed by cache key: a range task and the truth task of one
 * recording running in the same executor share one build. Concurrent requests for a key wait on the same
 * in-flight build (one future per key); at most {@link #capacity()} plans are kept, least recently used
 * evicted first. A failed build is not cached (a retry builds again).
 */
public final class SceneCache<T> {

    private static final SceneCache<Scene> SHARED = new SceneCache<>(Integer.getInteger("minisim.sceneCache.capacity", 2));

    private int capacity;
    private final LinkedHashMap<String, CompletableFuture<T>> entries =
            new LinkedHashMap<>(16, 0.75f, true);
    private long builds;

    public SceneCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("plan cache capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    /** @return this JVM's cache of recording plans */
    public static SceneCache<Scene> shared() {
        return SHARED;
    }

    public synchronized int capacity() {
        return capacity;
    }

    /** Raises the capacity to at least {@code n} (a driver running n recordings at once in this JVM). */
    public synchronized void ensureCapacity(int n) {
        capacity = Math.max(capacity, n);
    }

    /**
     * @param key     the recording's cache key
     * @param builder builds the plan (called at most once per key while it stays cached)
     * @return the plan
     */
    public T get(String key, Supplier<T> builder) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing;
        synchronized (this) {
            existing = entries.get(key);
            if (existing == null) {
                entries.put(key, mine);
                builds++;
                evict();
            }
        }
        if (existing != null) {
            return join(existing);
        }
        try {
            mine.complete(builder.get());
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        return join(mine);
    }

    /** @return how many builds this cache started (for tests and the benchmark) */
    public synchronized long builds() {
        return builds;
    }

    /** Drops every entry. */
    public synchronized void clear() {
        entries.clear();
    }

    private void evict() {
        Iterator<Map.Entry<String, CompletableFuture<T>>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a recording plan", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
