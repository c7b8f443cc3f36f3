package org.minisim.job.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.minisim.job.storage.StorageCheckException.Problem;

/**
 * The check of a local output directory (java.nio, no Hadoop): it exists or can be created, and a probe file can
 * be written and deleted in it.
 */
final class LocalStorageCheck {

    private LocalStorageCheck() {}

    /** @param uri the location as the user's messages name it */
    static void verify(Path dir, String uri) {
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw new StorageCheckException(Problem.NOT_WRITABLE, uri + ": cannot create the directory ("
                    + reason(e) + ")", null);
        } catch (IOException e) {
            throw new StorageCheckException(Problem.NOT_WRITABLE, uri + ": cannot create the directory ("
                    + e.getMessage() + ")", null);
        }
        Path probe = dir.resolve("_minisim-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException e) {
            throw new StorageCheckException(Problem.NOT_WRITABLE, uri + ": not writable (" + reason(e) + ")", null);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() != null ? ": " + f.getFile() : "");
        }
        return e.getMessage();
    }
}
