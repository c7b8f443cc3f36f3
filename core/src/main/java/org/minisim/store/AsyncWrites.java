package org.minisim.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store whose {@link #put}s return at once and run on a few shared writer threads, so a recording's task keeps
 * computing while its files are created (docs/store-format.md#asynchronous-writes). Creating a file is a metadata
 * operation of the file system or a request to an object store; a tiny recording writes ~33 of them, and on a busy
 * disk each can take a few hundred µs — time a task otherwise spends waiting.
 *
 * <p>Guarantees: puts of one key are applied in the order they were made; every other operation ({@link #get},
 * {@link #exists}, {@link #list}, {@link #delete}) first waits for the puts made so far, so a reader sees its own
 * writes; {@link #flush} returns when every put made so far is applied and throws the first one's failure
 * (the put's own exception, checked or not: its message names the key). A caller writes a commit marker only after a
 * flush, so the marker is still last. Memory: at most {@link #MAX_PENDING_BYTES} of values wait (a larger value
 * waits alone).
 */
public final class AsyncWrites implements ByteStore {

    /** Bytes of values queued at most per store before {@link #put} waits. */
    public static final long MAX_PENDING_BYTES = 16L << 20;
    /** Writer threads per JVM (I/O-bound: they mostly wait for the storage). */
    private static final int WRITERS = 4;

    private static final AtomicInteger WRITER_ID = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(WRITERS, r -> {
        Thread t = new Thread(r, "minisim-store-writer-" + WRITER_ID.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final ByteStore inner;
    /** Guarded by {@code this}: puts queued or running, their bytes, the latest put per key, the first failure. */
    private int pending;
    private long pendingBytes;
    private final Map<String, Object> latest = new HashMap<>();
    /** An {@link IOException} or a {@link RuntimeException}, as the put threw it. */
    private Exception failure;

    /** @param inner the store the puts go to (thread-safe for puts of different keys) */
    public AsyncWrites(ByteStore inner) {
        this.inner = inner;
    }

    @Override
    public void put(String key, byte[] value) throws IOException {
        Object token = new Object();
        synchronized (this) {
            throwFailure();
            // one put per key at a time (applied in order); bounded bytes in the queue
            while (latest.containsKey(key) || (pending > 0 && pendingBytes + value.length > MAX_PENDING_BYTES)) {
                await();
                throwFailure();
            }
            pending++;
            pendingBytes += value.length;
            latest.put(key, token);
        }
        POOL.execute(() -> {
            Exception failed = null;
            try {
                inner.put(key, value);
            } catch (IOException | RuntimeException e) {
                failed = e;
            } catch (Error e) {
                failed = new IOException("writing " + key + " to " + inner.location() + ": " + e, e);
            }
            synchronized (this) {
                pending--;
                pendingBytes -= value.length;
                latest.remove(key, token);
                if (failed != null && failure == null) {
                    failure = failed;
                }
                notifyAll();
            }
        });
    }

    /**
     * Waits until every put made so far is applied.
     *
     * @throws IOException the first failed put's own exception (later puts were still attempted); a put's
     *     unchecked exception is thrown as it is
     */
    public void flush() throws IOException {
        synchronized (this) {
            while (pending > 0) {
                await();
            }
            throwFailure();
        }
    }

    /** Waits for the queued puts without reporting their failure (after the task already failed). */
    public void drain() {
        synchronized (this) {
            boolean interrupted = false;
            while (pending > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing to " + inner.location());
        }
    }

    private void throwFailure() throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        flush();
        return inner.get(key);
    }

    @Override
    public boolean exists(String key) throws IOException {
        flush();
        return inner.exists(key);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        flush();
        return inner.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
        flush();
        inner.delete(key);
    }

    @Override
    public String location() {
        return inner.location();
    }
}
