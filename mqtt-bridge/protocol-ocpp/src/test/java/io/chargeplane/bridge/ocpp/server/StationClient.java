package io.chargeplane.bridge.ocpp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A charging station as the adapter sees one: a real OCPP-J WebSocket client (the JDK's), with Basic
 * authentication and subprotocol offer, that sends CALLs and reads whatever frames arrive.
 */
final class StationClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> parked = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();

    private StationClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    static StationClient connect(int port, String station, String password, String... subprotocols) {
        return new StationClient(builder(HTTP, station, password, subprotocols), uri("ws", port, station));
    }

    /** Over TLS (security profile 2), trusting the given server certificates. */
    static StationClient connectTls(javax.net.ssl.SSLContext trust, int port, String station, String password,
                                    String subprotocol) {
        HttpClient client = HttpClient.newBuilder().sslContext(trust).build();
        return new StationClient(builder(client, station, password, subprotocol), uri("wss", port, station));
    }

    /** The HTTP status the upgrade was refused with, or 101 when it succeeded (the socket is then closed). */
    static int handshakeStatus(int port, String station, String password, String... subprotocols) {
        try {
            StationClient client = connect(port, station, password, subprotocols);
            client.close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static WebSocket.Builder builder(HttpClient http, String station, String password,
                                             String... subprotocols) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((station + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        return builder;
    }

    private static URI uri(String scheme, int port, String station) {
        return URI.create(scheme + "://127.0.0.1:" + port + "/ocpp/" + station);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a CALL and returns the answer frame with the same id (CALLRESULT or CALLERROR). */
    JsonNode call(String action, String payloadJson) {
        String id = "m" + ids.incrementAndGet();
        sendRaw("[2,\"" + id + "\",\"" + action + "\"," + payloadJson + "]");
        return awaitFrame(id, Duration.ofSeconds(10));
    }

    void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next frame with this message id, received earlier or within the timeout. */
    JsonNode awaitFrame(String messageId, Duration timeout) {
        return await(frame -> frame.get(1).asText().equals(messageId), timeout, "frame " + messageId);
    }

    /** The next CALL the central system sends with this action. */
    JsonNode awaitCall(String action, Duration timeout) {
        return await(frame -> frame.get(0).asInt() == 2 && frame.get(2).asText().equals(action), timeout,
                "CALL " + action);
    }

    void answer(JsonNode call, String payloadJson) {
        sendRaw("[3,\"" + call.get(1).asText() + "\"," + payloadJson + "]");
    }

    private JsonNode await(java.util.function.Predicate<JsonNode> match, Duration timeout, String what) {
        synchronized (parked) {
            for (JsonNode frame : parked) {
                if (match.test(frame)) {
                    parked.remove(frame);
                    return frame;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + what + " within " + timeout + "; parked " + parked);
                }
                if (match.test(next)) {
                    return next;
                }
                synchronized (parked) {
                    parked.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Nothing arrives for the whole duration. */
    void assertNoFrame(Duration duration) throws InterruptedException {
        JsonNode next = frames.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
        if (next != null) {
            throw new AssertionError("unexpected frame " + next);
        }
    }

    /** The close code the server sent, waiting up to the timeout. */
    int awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    static ObjectNode payload(JsonNode frame) {
        return (ObjectNode) frame.get(frame.get(0).asInt() == 3 ? 2 : 3);
    }

    static String errorCode(JsonNode frame) {
        if (frame.get(0).asInt() != 4) {
            throw new AssertionError("expected a CALLERROR, got " + frame);
        }
        return frame.get(2).asText();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add((ArrayNode) JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("server sent non-JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
