package org.minisim.job.testing;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Runs an {@link S3TestServer} as its own process (for submit/cluster-smoke and outage tests):
 * {@code S3TestServerMain DIR [--port N] BUCKET...} stores objects under DIR, listens on port N (default: any free
 * one), creates the buckets, prints {@code S3-TEST-SERVER <endpoint>} and serves until killed.
 */
public final class S3TestServerMain {

    private S3TestServerMain() {
    }

    /** @param args the base directory, then the buckets to create */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: S3TestServerMain DIR [--port N] [BUCKET...]");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        int first = 1, port = 0;
        if (args.length >= 3 && args[1].equals("--port")) {
            port = Integer.parseInt(args[2]);
            first = 3;
        }
        S3TestServer server = port > 0 ? S3TestServer.start(dir, port) : S3TestServer.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-stop"));
        for (int i = first; i < args.length; i++) {
            server.createBucket(args[i]);
        }
        System.out.println("S3-TEST-SERVER " + server.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
