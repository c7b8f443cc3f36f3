package org.minisim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Puts that return at once keep the store's meaning (docs/store-format.md#asynchronous-writes): the last put of a key
 * wins, a read sees every earlier put, a flush returns after every put and throws the first failure as it was
 * thrown, and the bytes waiting stay bounded.
 */
class AsyncWritesTest {

    @Test
    void lastPutOfAKeyWinsAndReadsSeeEarlierPuts() throws IOException {
        MemoryByteStore inner = new MemoryByteStore("mem");
        AsyncWrites s = new AsyncWrites(inner);
        for (int i = 0; i < 500; i++) {
            s.put("k", new byte[] {(byte) i});
            s.put("other/" + i, new byte[] {(byte) i, 1});
        }
        assertArrayEquals(new byte[] {(byte) 499}, s.get("k"), "puts of one key applied in order");
        assertTrue(s.exists("other/499"));
        assertEquals(501, s.list("").size());
        s.flush();
        assertArrayEquals(new byte[] {(byte) 7, 1}, inner.get("other/7"));
    }

    @Test
    void flushThrowsTheFirstFailureAsItWasThrown() throws IOException {
        IOException full = new IOException("No space left on device: a/b");
        IllegalStateException stopped = new IllegalStateException("storage stopped");
        MemoryByteStore inner = new MemoryByteStore("mem");
        ByteStore failing = new Delegating(inner) {
            @Override
            public void put(String key, byte[] value) throws IOException {
                if (key.equals("bad")) {
                    throw full;
                }
                if (key.equals("stop")) {
                    throw stopped;
                }
                super.put(key, value);
            }
        };
        AsyncWrites s = new AsyncWrites(failing);
        s.put("a", new byte[1]);
        s.put("bad", new byte[1]);
        assertSame(full, assertThrows(IOException.class, s::flush));
        assertThrows(IOException.class, () -> s.put("c", new byte[1]), "a later put reports the failure too");
        assertTrue(inner.exists("a"));

        AsyncWrites t = new AsyncWrites(failing);
        t.put("stop", new byte[1]);
        assertSame(stopped, assertThrows(IllegalStateException.class, t::flush), "unchecked stays unchecked");
    }

    @Test
    void bytesWaitingStayBounded() throws Exception {
        AtomicLong inFlight = new AtomicLong(), most = new AtomicLong();
        CountDownLatch slow = new CountDownLatch(1);
        MemoryByteStore inner = new MemoryByteStore("mem");
        ByteStore slowStore = new Delegating(inner) {
            @Override
            public void put(String key, byte[] value) throws IOException {
                most.accumulateAndGet(inFlight.addAndGet(value.length), Math::max);
                try {
                    slow.await(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.put(key, value);
                inFlight.addAndGet(-value.length);
            }
        };
        AsyncWrites s = new AsyncWrites(slowStore);
        int size = (int) (AsyncWrites.MAX_PENDING_BYTES / 5);
        for (int i = 0; i < 20; i++) {
            s.put("chunk/" + i, new byte[size]);
        }
        s.put("huge", new byte[(int) AsyncWrites.MAX_PENDING_BYTES + 1]); // alone, but it goes
        s.flush();
        assertTrue(most.get() <= AsyncWrites.MAX_PENDING_BYTES + 1, "at most the bound in flight: " + most.get());
        assertEquals(List.of("chunk/0", "chunk/1"), inner.list("chunk/").subList(0, 2));
        assertEquals(21, inner.list("").size());
    }

    /** A store that passes everything to another (tests override put). */
    private static class Delegating implements ByteStore {
        private final ByteStore inner;

        Delegating(ByteStore inner) {
            this.inner = inner;
        }

        @Override
        public byte[] get(String key) throws IOException {
            return inner.get(key);
        }

        @Override
        public void put(String key, byte[] value) throws IOException {
            inner.put(key, value);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return inner.exists(key);
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            return inner.list(prefix);
        }

        @Override
        public void delete(String key) throws IOException {
            inner.delete(key);
        }

        @Override
        public String location() {
            return inner.location();
        }
    }
}
