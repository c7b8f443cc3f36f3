package org.minisim.job.testing;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Runs an {@link S3TestServer} as its own process (for submit/cluster-smoke): {@code S3TestServerMain DIR BUCKET...}
 * stores objects under DIR, creates the buckets, prints {@code S3-TEST-SERVER <endpoint>} and serves until killed.
 */
public final class S3TestServerMain {

    private S3TestServerMain() {
    }

    /** @param args the base directory, then the buckets to create */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: S3TestServerMain DIR [BUCKET...]");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        S3TestServer server = S3TestServer.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-stop"));
        for (int i = 1; i < args.length; i++) {
            server.createBucket(args[i]);
        }
        System.out.println("S3-TEST-SERVER " + server.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
