package org.minisim.job.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system under the scheme {@code fulldisk:} (set {@code fs.fulldisk.impl} to this class) with a
 * shared budget of bytes: once {@link #REMAINING} is used up, writes fail as a full disk does — the bytes that
 * fit are written, then {@code IOException("No space left on device")}, which, like the JDK's, names no file.
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {

    /** Bytes that can still be written by every instance together. */
    public static final AtomicLong REMAINING = new AtomicLong(Long.MAX_VALUE);
    /** The scheme. */
    public static final String SCHEME = "fulldisk";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    protected OutputStream createOutputStream(Path f, boolean append) throws IOException {
        return new Budgeted(super.createOutputStream(f, append));
    }

    @Override
    protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
            throws IOException {
        return new Budgeted(super.createOutputStreamWithMode(f, append, permission));
    }

    /** Writes what the budget allows, then fails. */
    private static final class Budgeted extends FilterOutputStream {
        Budgeted(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long granted = take(len);
            out.write(b, off, (int) granted);
            if (granted < len) {
                throw new IOException("No space left on device");
            }
        }

        private static long take(long len) {
            while (true) {
                long left = REMAINING.get();
                long granted = Math.min(left, len);
                if (REMAINING.compareAndSet(left, left - granted)) {
                    return granted;
                }
            }
        }
    }
}
