package org.minisim.job.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The start of a command line for a test's child JVM: this JVM's java, the module openings Spark needs, a heap. */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * @param heap the child's maximum heap, e.g. {@code "96m"}
     * @return {@code java}, this JVM's {@code --add-opens} and Spark-related flags, {@code -Xmx<heap>} and this
     *     JVM's class path ({@code -cp ...}); append the main class and its arguments
     */
    public static List<String> command(String heap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path")));
        return cmd;
    }
}
