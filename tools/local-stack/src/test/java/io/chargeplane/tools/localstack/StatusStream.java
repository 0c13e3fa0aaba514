package io.chargeplane.tools.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A caller's SSE stream {@code GET /api/v1/status/stream}: every {@code status} event with the time it arrived. */
final class StatusStream implements AutoCloseable {

    /** One status event as received: its JSON {@code StatusChange} and {@link System#nanoTime()} on arrival. */
    record Received(JsonNode change, long arrivedNanos) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    StatusStream(String deviceService, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(deviceService + "/api/v1/status/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            if (r.statusCode() != 200) {
                ready.completeExceptionally(new IOException("status stream answered " + r.statusCode()));
                return;
            }
            lines = r.body();
            Thread reader = new Thread(this::read, "status-stream");
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void read() {
        String event = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                    if (event.equals("ready")) {
                        ready.complete(null);
                    }
                } else if (line.startsWith("data:") && "status".equals(event)) {
                    received.add(new Received(StackApi.JSON.readTree(line.substring(5).trim()), System.nanoTime()));
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream closed
        }
    }

    /** Waits for the stream's {@code ready} event, so nothing sent afterwards is missed. */
    void awaitReady(java.time.Duration timeout) throws Exception {
        ready.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The first event received at or after {@code sinceNanos} that matches, waiting up to the timeout. */
    Received await(Predicate<JsonNode> match, long sinceNanos, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : received) {
                if (r.arrivedNanos() >= sinceNanos && match.test(r.change())) {
                    return r;
                }
            }
            Thread.sleep(5);
        }
        return null;
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        response.cancel(true);
    }
}
