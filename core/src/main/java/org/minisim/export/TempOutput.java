package org.minisim.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written under a temporary name beside its target ({@code .<name>.<random>.part}) and renamed onto
 * the target only when complete, so a failed export leaves no partial file behind.
 */
final class TempOutput {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path target;
    private final Path temp;
    private final boolean overwrite;

    private TempOutput(Path target, Path temp, boolean overwrite) {
        this.target = target;
        this.temp = temp;
        this.overwrite = overwrite;
    }

    /**
     * Checks the target (its directory exists; it is not a directory; it does not exist unless {@code overwrite})
     * without creating anything.
     *
     * @throws ExportException naming the path
     */
    static Path check(Path target, boolean overwrite) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ExportException("cannot write " + target + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new ExportException("cannot write " + target + ": it is a directory");
        }
        if (Files.exists(abs) && !overwrite) {
            throw new ExportException(target + " already exists (use --overwrite to replace it)");
        }
        return abs;
    }

    /** Creates the temporary file beside {@code target} (checked first). */
    static TempOutput create(Path target, boolean overwrite) throws IOException {
        Path abs = check(target, overwrite);
        // createFile (not createTempFile, which makes it owner-only) so the result has the usual permissions
        for (int attempt = 0; ; attempt++) {
            String tag = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
            Path temp = abs.resolveSibling("." + abs.getFileName() + "." + tag + ".part");
            try {
                Files.createFile(temp);
                return new TempOutput(abs, temp, overwrite);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    /** @return the temporary file to write */
    Path temp() {
        return temp;
    }

    /** @return the final file */
    Path target() {
        return target;
    }

    /** Renames the temporary file onto the target. */
    void commit() throws IOException {
        if (!overwrite && Files.exists(target)) {
            throw new ExportException(target + " appeared while exporting (use --overwrite to replace it)");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary file (after a failure); never throws. */
    void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the name marks it as a leftover
        }
    }
}
