package org.minisim.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link ByteStore} over a local directory (java.nio). A {@link #put} writes a uniquely named temporary file
 * in the target's directory and then atomically moves it over the target, so a concurrent reader sees either
 * the old value or the new one, never a half-written file. Temporary files start with {@code .tmp-} and are
 * never listed.
 */
public final class FileByteStore implements ByteStore {

    private static final String TMP_PREFIX = ".tmp-";
    /**
     * This JVM's part of a temporary file's name: random once per JVM (so two JVMs writing to one shared folder
     * never pick the same name), then a counter. {@link Files#createTempFile} draws a secure random name per
     * file instead, which cost ~100 µs a file, a third of a tiny recording's store writing.
     */
    private static final String TMP_JVM = Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36);
    private static final java.util.concurrent.atomic.AtomicLong TMP_COUNT =
            new java.util.concurrent.atomic.AtomicLong();

    private final Path root;

    /** @param root the store root directory (created on the first put when absent) */
    public FileByteStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return the store root directory */
    public Path root() {
        return root;
    }

    private Path resolve(String key) {
        if (key.startsWith("/") || key.contains("\\") || key.contains("//")) {
            throw new IllegalArgumentException("store key must be a relative '/'-separated path: '" + key + "'");
        }
        Path p = key.isEmpty() ? root : root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("store key '" + key + "' escapes the store root " + root);
        }
        return p;
    }

    @Override
    public byte[] get(String key) throws IOException {
        Path p = resolve(key);
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (Files.isDirectory(p)) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void put(String key, byte[] value) throws IOException {
        Path target = resolve(key);
        Path dir = target.getParent();
        if (!madeDirs.contains(dir)) {
            Files.createDirectories(dir);
            madeDirs.add(dir);
        }
        Path tmp;
        try {
            tmp = writeTemporary(dir, value);
        } catch (java.nio.file.NoSuchFileException e) {
            // the directory went away since it was made (a delete of the store): make it again
            madeDirs.clear();
            Files.createDirectories(dir);
            madeDirs.add(dir);
            tmp = writeTemporary(dir, value);
        }
        boolean moved = false;
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes {@code value} to a new temporary file of this JVM in {@code dir}; @return the file */
    private static Path writeTemporary(Path dir, byte[] value) throws IOException {
        while (true) {
            Path tmp = dir.resolve(TMP_PREFIX + TMP_JVM + "-" + TMP_COUNT.incrementAndGet() + ".part");
            try {
                Files.write(tmp, value, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return tmp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // left behind by a killed run of a JVM that drew the same random part: take the next name
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }
    }

    /** Directories this instance made or found, so a put needs no directory calls (cleared by a delete). */
    private final java.util.Set<Path> madeDirs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    /** Lists the keys starting with {@code prefix} (a plain string prefix, as on an object store). */
    @Override
    public List<String> list(String prefix) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path base = resolve(slash < 0 ? "" : prefix.substring(0, slash));
        List<String> keys = new ArrayList<>();
        if (Files.isRegularFile(base)) {
            String k = key(base);
            if (k.startsWith(prefix)) {
                keys.add(k);
            }
            return keys;
        }
        if (!Files.isDirectory(base)) {
            return keys;
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(TMP_PREFIX))
                    .map(this::key)
                    .filter(k -> k.startsWith(prefix))
                    .forEach(keys::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return keys;
    }

    private String key(Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    @Override
    public void delete(String key) throws IOException {
        madeDirs.clear();
        deleteRecursively(resolve(key));
    }

    /** Deletes a file or a directory tree; an absent path is ignored. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.deleteIfExists(q);
                    } catch (DirectoryNotEmptyException e) {
                        throw new IOException("cannot delete " + q + ": directory not empty (concurrent writer?)", e);
                    }
                }
            }
        } else {
            Files.deleteIfExists(p);
        }
    }

    @Override
    public String location() {
        String u = root.toUri().toString();
        return u.endsWith("/") && u.length() > "file:///".length() ? u.substring(0, u.length() - 1) : u;
    }

    @Override
    public String toString() {
        return "FileByteStore[" + root + "]";
    }
}
