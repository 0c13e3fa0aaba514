package io.chargeplane.tools.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Health probes by address: {@code http://...} must answer 200 (Quarkus and Keycloak readiness endpoints),
 * {@code tcp://host:port} must accept a connection (engines without an HTTP health endpoint).
 */
public final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Outcome of one probe; {@code detail} says why it is down. */
    public record Result(boolean up, String detail) {
        public String label() {
            return up ? "UP" : "DOWN (" + detail + ")";
        }
    }

    private Health() {
    }

    public static Result probe(String address) {
        URI uri = URI.create(address);
        return switch (uri.getScheme()) {
            case "tcp" -> tcp(uri.getHost(), uri.getPort());
            case "http", "https" -> http(uri);
            default -> throw new IllegalArgumentException("Unknown health probe: " + address);
        };
    }

    static Result tcp(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return new Result(true, "listening");
        } catch (IOException e) {
            return new Result(false, "nothing listens on " + port);
        }
    }

    static Result http(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? new Result(true, "200") : new Result(false, "HTTP " + status);
        } catch (IOException e) {
            return new Result(false, "no answer from " + uri.getHost() + ":" + uri.getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}
