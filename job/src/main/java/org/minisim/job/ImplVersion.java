package org.minisim.job;

/** The implementation version written into table rows ({@code impl_version}). */
public final class ImplVersion {
    private ImplVersion() {}

    /**
     * @return {@code minisim-spark <version>[+<commit>]}: the jar's Implementation-Version (or the build's
     *         version), plus the commit from the system property {@code minisim.commit} or the environment
     *         variable {@code MINISIM_COMMIT} when set
     */
    public static String get() {
        String v = ImplVersion.class.getPackage().getImplementationVersion();
        if (v == null) {
            v = "0.1.0-SNAPSHOT";
        }
        String commit = System.getProperty("minisim.commit", System.getenv("MINISIM_COMMIT"));
        return "minisim-spark " + v + (commit == null || commit.isBlank() ? "" : "+" + commit.trim());
    }
}
