package org.minisim.job.exec;

/** One-line descriptions of failures for users (no stack traces). */
public final class Failures {
    private Failures() {}

    /** @return the most useful single line of a failure, e.g. the executor's exception inside a Spark abort */
    public static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int failure = msg.indexOf("most recent failure:");
        if (failure >= 0) {
            int colon = msg.indexOf("): ", failure);
            String rest = colon >= 0 ? msg.substring(colon + 3) : msg.substring(failure);
            return firstLine(rest);
        }
        if (root != t && root.getMessage() != null) {
            return root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
        }
        return (t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": ")
                + (t.getMessage() == null ? "" : firstLine(t.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }
}
