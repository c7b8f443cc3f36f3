package org.minisim.job.storage;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure of the storage class — the location is unreachable, does not answer in time, answers with server
 * errors, or is full — as opposed to a failure of the recording itself (docs/failures.md). Recognised from an
 * exception chain (types and messages) or, where only text crossed (a Spark task's failure, a task result), from
 * that text. Its {@link #line(String)} is the one-line form every failure message of the kind uses:
 * {@code storage <location> unreachable: connection refused (127.0.0.1:9000), writing <path>}, which
 * {@link #parse} reads back.
 *
 * @param kind  what happened
 * @param cause the cause in a few words, e.g. {@code connection refused (127.0.0.1:9000)}, {@code no space left on
 *              device}
 * @param path  the file or object that failed, with its operation ({@code writing s3a://b/k.zarr/observed/0.0.0}),
 *              or null when unknown
 */
public record StorageFailure(Kind kind, String cause, String path) {

    /** The kinds of storage failure. */
    public enum Kind {
        /** Connection refused or reset, unknown host, no route. */
        UNREACHABLE("unreachable"),
        /** A connection or a request timed out. */
        TIMEOUT("not answering"),
        /** The server answered with HTTP 5xx (internal error, service unavailable, throttling). */
        SERVER_ERROR("failing"),
        /** No space left on the device, or a quota reached. */
        NO_SPACE("full");

        private final String state;

        Kind(String state) {
            this.state = state;
        }

        /** @return the state of the location in the one-line form: unreachable, not answering, failing, full */
        public String state() {
            return state;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "\\bstorage (\\S+) (unreachable|not answering|failing|full): (.*?)(?:, ((?:reading|writing|listing|deleting|"
                    + "checking) \\S+))?$");
    private static final Pattern PATH = Pattern.compile(
            "\\b((?:reading|writing|listing|deleting|checking) [a-zA-Z][a-zA-Z0-9+.-]*:/\\S*?):? ");
    private static final Pattern HOST_PORT = Pattern.compile("(?i)connect to ([\\w.\\-\\[\\]:]+?:\\d+)");
    private static final Pattern HTTP_5XX = Pattern.compile("(?i)(?:status code:? |\\bHTTP )(5\\d\\d)\\b");

    /** @return the failure of a chain, or null when it is not of the storage class */
    public static StorageFailure of(Throwable t) {
        if (t == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        String path = null;
        boolean connect = false, timeout = false, unknownHost = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            text.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
            if (path == null && c instanceof StorageIOException s) {
                path = s.operation() + " " + s.path();
            }
            connect |= c instanceof ConnectException || c instanceof NoRouteToHostException;
            unknownHost |= c instanceof UnknownHostException;
            timeout |= c instanceof SocketTimeoutException
                    || c instanceof InterruptedIOException && !(c instanceof java.nio.channels.ClosedByInterruptException)
                    && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("time");
        }
        StorageFailure f = fromText(text.toString(), connect, timeout, unknownHost);
        if (f == null) {
            return null;
        }
        return path != null ? new StorageFailure(f.kind, f.cause, path) : f;
    }

    /**
     * @param message a failure message: a line made by {@link #line(String)}, or any text (such as a Spark task
     *                failure) whose words show a storage failure
     * @return the failure, or null when the text shows none
     */
    public static StorageFailure parse(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = LINE.matcher(message.trim());
        if (m.find()) {
            for (Kind k : Kind.values()) {
                if (k.state.equals(m.group(2))) {
                    return new StorageFailure(k, m.group(3), m.group(4));
                }
            }
        }
        return fromText(message, false, false, false);
    }

    /** @return the location named by a line made by {@link #line(String)}, or null */
    public static String location(String message) {
        Matcher m = message == null ? null : LINE.matcher(message.trim());
        return m != null && m.find() ? m.group(1) : null;
    }

    private static StorageFailure fromText(String text, boolean connect, boolean timeout, boolean unknownHost) {
        String lower = text.toLowerCase(Locale.ROOT);
        String path = null;
        Matcher pm = PATH.matcher(text);
        if (pm.find()) {
            path = pm.group(1);
        }
        if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")
                || lower.contains("enospc") || lower.contains("edquot")) {
            return new StorageFailure(Kind.NO_SPACE, lower.contains("quota") ? "disk quota exceeded"
                    : "no space left on device", path);
        }
        if (unknownHost || lower.contains("unknownhostexception")) {
            return new StorageFailure(Kind.UNREACHABLE, "unknown host", path);
        }
        if (connect || lower.contains("connection refused") || lower.contains("connectexception")
                || lower.contains("no route to host")) {
            Matcher hp = HOST_PORT.matcher(text);
            String where = hp.find() ? " (" + hp.group(1) + ")" : "";
            return new StorageFailure(Kind.UNREACHABLE, (lower.contains("no route to host") ? "no route to host"
                    : "connection refused") + where, path);
        }
        if (lower.contains("connection reset") || lower.contains("broken pipe") || lower.contains("nohttpresponse")
                || lower.contains("failed to respond") || lower.contains("remotely closed")
                || lower.contains("premature end of content")) {
            return new StorageFailure(Kind.UNREACHABLE, "connection reset", path);
        }
        if (timeout || lower.contains("sockettimeoutexception") || lower.contains("read timed out")
                || lower.contains("connect timed out") || lower.contains("apicalltimeoutexception")
                || lower.contains("did not complete before")) {
            return new StorageFailure(Kind.TIMEOUT, "timed out", path);
        }
        Matcher h = HTTP_5XX.matcher(text);
        if (lower.contains("awsstatus500exception") || lower.contains("serviceunavailable")
                || lower.contains("internalerror") || lower.contains("slowdown") || lower.contains("503 slow down")
                || h.find()) {
            String code = h.find(0) ? h.group(1) : lower.contains("serviceunavailable") || lower.contains("slowdown")
                    ? "503" : "500";
            return new StorageFailure(Kind.SERVER_ERROR, "server error (HTTP " + code + ")", path);
        }
        return null;
    }

    /**
     * @param location the storage location (a stores directory or table root URI)
     * @return {@code storage <location> <state>: <cause>[, <operation> <path>]}
     */
    public String line(String location) {
        return "storage " + location + " " + kind.state() + ": " + cause + (path == null ? "" : ", " + path);
    }
}
