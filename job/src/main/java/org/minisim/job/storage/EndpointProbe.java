package org.minisim.job.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A raw network probe of an object-store endpoint, run before the S3 client: the client's own timeouts have a floor
 * of 15 s per attempt, so a silent endpoint would take half a minute to report. This opens a TCP connection and,
 * for plain {@code http}, sends one anonymous {@code HEAD /} and waits for the first byte of any answer. No
 * credentials are sent.
 */
final class EndpointProbe {

    private EndpointProbe() {
    }

    /**
     * @param endpoint e.g. {@code http://127.0.0.1:9000} or {@code https://s3.example.com}
     * @return null when the endpoint answers, else the cause in a few words
     */
    static String problem(URI endpoint, Duration connectTimeout, Duration answerTimeout) {
        String scheme = endpoint.getScheme() == null ? "https" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String host = endpoint.getHost();
        if (host == null) {
            return null;
        }
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : scheme.equals("http") ? 80 : 443;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            if (!scheme.equals("http")) {
                return null;
            }
            socket.setSoTimeout((int) answerTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            if (in.read() < 0) {
                return "the connection was closed without an answer";
            }
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        } catch (ConnectException e) {
            return "connection refused";
        } catch (SocketTimeoutException e) {
            return "no answer within " + answerTimeout.toSeconds() + " s";
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
