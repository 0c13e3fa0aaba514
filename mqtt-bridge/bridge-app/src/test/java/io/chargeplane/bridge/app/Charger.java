package io.chargeplane.bridge.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A real OCPP-J 1.6 client (the JDK's WebSocket) with Basic authentication as a charger sends it. */
final class Charger {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Charger() {
    }

    /** Connects: the upgrade's status (101 when it succeeded) and, on success, the open socket. */
    static CompletableFuture<Connection> connect(int port, String station, String password) {
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .subprotocols("ocpp1.6");
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((station + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ocpp/" + station), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            firstFrame.complete(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                })
                .handle((socket, failure) -> {
                    if (failure == null) {
                        return new Connection(101, socket, firstFrame);
                    }
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof WebSocketHandshakeException refused) {
                        return new Connection(refused.getResponse().statusCode(), null, firstFrame);
                    }
                    throw new CompletionException(cause);
                });
    }

    /** Connects and closes again: the upgrade's status. */
    static int handshakeStatus(int port, String station, String password) {
        Connection connection = connect(port, station, password).orTimeout(30, TimeUnit.SECONDS).join();
        connection.close();
        return connection.status();
    }

    record Connection(int status, WebSocket socket, CompletableFuture<String> firstFrame) {
        /** Sends a BootNotification and returns the central system's answer frame. */
        String boot() {
            socket.sendText("[2,\"boot-1\",\"BootNotification\",{\"chargePointVendor\":\"Chargeplane\","
                    + "\"chargePointModel\":\"IT\"}]", true).orTimeout(10, TimeUnit.SECONDS).join();
            return firstFrame.orTimeout(10, TimeUnit.SECONDS).join();
        }

        void close() {
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
                socket.abort();
            }
        }
    }
}
