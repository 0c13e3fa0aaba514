package io.chargeplane.device.it;

import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A client of the SSE status stream that collects the {@code data} of every {@code status} event. */
final class StatusStream implements AutoCloseable {

    private final HttpResponse<java.io.InputStream> response;
    private final List<String> statusEvents = new CopyOnWriteArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;

    private StatusStream(HttpResponse<java.io.InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream as {@code user} and waits for its {@code ready} event. */
    static StatusStream open(String user) throws Exception {
        StatusStream stream = connect(user);
        if (stream.status() != 200 || !stream.ready.await(10, TimeUnit.SECONDS)) {
            stream.close();
            throw new AssertionError("stream of " + user + " not ready: HTTP " + stream.status());
        }
        return stream;
    }

    /** Connects without waiting for anything beyond the response headers. */
    static StatusStream connect(String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/status/stream"))
                .header("Authorization", "Bearer " + Api.token(user)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).GET().build();
        return new StatusStream(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    List<String> statusEvents() {
        return statusEvents;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                    if (event.equals("ready")) {
                        ready.countDown();
                    }
                } else if (line.startsWith("data:") && "status".equals(event)) {
                    statusEvents.add(line.substring(5).strip());
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }

    @Override
    public void close() throws Exception {
        response.body().close();
        reader.interrupt();
    }
}
