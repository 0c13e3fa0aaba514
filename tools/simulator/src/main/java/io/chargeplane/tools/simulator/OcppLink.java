package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.tools.loadgen.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.function.Function;

/**
 * A station's OCPP-J connection: one CALL in flight (the others wait in order), answers matched by message id,
 * the CSMS's CALLs handed to a {@link Listener}. Used only on the charger's Vert.x context.
 */
final class OcppLink {

    /** What the charger hears from the link. */
    interface Listener {
        void onCall(String messageId, String action, ObjectNode payload);

        /** The socket closed (by either side); every waiting CALL has failed with {@code Disconnected}. */
        void onClosed(String reason);
    }

    private record Outgoing(String action, Function<String, String> frame, Promise<ObjectNode> promise, boolean urgent) {
    }

    private final Vertx vertx;
    private final WebSocketClient client;
    private final StationSpec station;
    private final URI baseUrl;
    private final Duration callTimeout;
    private final Listener listener;
    private final Deque<Outgoing> queue = new ArrayDeque<>();
    private WebSocket ws;
    private Outgoing inFlight;
    private String inFlightId;
    private long timeoutTimer = -1;
    private int sequence;
    private boolean paused = true;

    OcppLink(Vertx vertx, WebSocketClient client, StationSpec station, URI baseUrl, Duration callTimeout,
             Listener listener) {
        this.vertx = vertx;
        this.client = client;
        this.station = station;
        this.baseUrl = baseUrl;
        this.callTimeout = callTimeout;
        this.listener = listener;
    }

    boolean connected() {
        return ws != null && !ws.isClosed();
    }

    Future<Void> connect() {
        boolean tls = "wss".equalsIgnoreCase(baseUrl.getScheme());
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : tls ? 443 : 80;
        String path = (baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath()) + "/"
                + URLEncoder.encode(station.id(), StandardCharsets.UTF_8).replace("+", "%20");
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(baseUrl.getHost()).setPort(port).setSsl(tls).setURI(path)
                .addSubProtocol(station.version().subprotocol())
                .setTimeout(callTimeout.toMillis());
        if (station.password() != null && !station.password().isEmpty()) {
            String basic = Base64.getEncoder().encodeToString(
                    (station.id() + ":" + station.password()).getBytes(StandardCharsets.UTF_8));
            options.addHeader("Authorization", "Basic " + basic);
        }
        return client.connect(options).map(socket -> {
            bind(socket);
            return null;
        });
    }

    private void bind(WebSocket socket) {
        ws = socket;
        paused = true;
        socket.textMessageHandler(this::onText);
        socket.exceptionHandler(e -> { });
        socket.closeHandler(v -> {
            if (ws == socket) {
                ws = null;
                Short code = socket.closeStatusCode();
                failAll();
                listener.onClosed(code == null ? "abnormal" : "close " + code);
            }
        });
    }

    /** Closes the socket (a reboot or a dropped network); the close handler reports it. */
    void close() {
        if (ws != null && !ws.isClosed()) {
            ws.close((short) 1000);
        }
    }

    /** Until {@link #resume()}, only {@link #callFirst} CALLs go out: nothing may precede an accepted boot. */
    void resume() {
        paused = false;
        sendNext();
    }

    /** Queues a CALL behind the others; the future has the CALLRESULT payload or a {@link CallErrorException}. */
    Future<ObjectNode> call(String action, Function<String, String> frameForId) {
        if (!connected()) {
            return Future.failedFuture(new CallErrorException(CallErrorException.DISCONNECTED, "not connected"));
        }
        Promise<ObjectNode> promise = Promise.promise();
        queue.addLast(new Outgoing(action, frameForId, promise, false));
        sendNext();
        return promise.future();
    }

    Future<ObjectNode> call(String action, ObjectNode payload) {
        return call(action, id -> Frames.call(id, action, payload));
    }

    /** A CALL that goes before everything queued and even while paused (BootNotification). */
    Future<ObjectNode> callFirst(String action, Function<String, String> frameForId) {
        if (!connected()) {
            return Future.failedFuture(new CallErrorException(CallErrorException.DISCONNECTED, "not connected"));
        }
        Promise<ObjectNode> promise = Promise.promise();
        queue.addFirst(new Outgoing(action, frameForId, promise, true));
        sendNext();
        return promise.future();
    }

    void answer(String messageId, ObjectNode payload) {
        if (connected()) {
            ws.writeTextMessage(Frames.result(messageId, payload));
        }
    }

    void answerError(String messageId, String code, String description) {
        if (connected()) {
            ws.writeTextMessage(Frames.error(messageId, code, description));
        }
    }

    private void sendNext() {
        if (inFlight == null && !queue.isEmpty() && (!paused || queue.peekFirst().urgent()) && connected()) {
            send(queue.pollFirst());
        }
    }

    private void send(Outgoing next) {
        inFlight = next;
        inFlightId = Integer.toString(++sequence, 36);
        ws.writeTextMessage(next.frame().apply(inFlightId));
        timeoutTimer = vertx.setTimer(callTimeout.toMillis(), t -> {
            timeoutTimer = -1;
            complete(null, new CallErrorException(CallErrorException.TIMEOUT, next.action() + " unanswered"));
        });
    }

    private void onText(String text) {
        Reply frame = Reply.parse(text);
        if (frame == null) {
            answerError("-1", station.version() == io.chargeplane.tools.loadgen.OcppDialect.OCPP16
                    ? "FormationViolation" : "RpcFrameworkError", "not an OCPP-J frame");
            return;
        }
        ArrayNode array = Frames.parse(text);
        switch (frame.type()) {
            case 2 -> {
                if (array == null || array.size() != 4 || !array.get(2).isTextual() || !array.get(3).isObject()) {
                    answerError(frame.messageId(), station.version() == io.chargeplane.tools.loadgen.OcppDialect.OCPP16
                            ? "FormationViolation" : "FormatViolation", "a CALL is [2, id, action, {payload}]");
                    return;
                }
                listener.onCall(frame.messageId(), array.get(2).asText(), (ObjectNode) array.get(3));
            }
            case 3 -> {
                if (frame.messageId().equals(inFlightId)) {
                    JsonNode payload = array == null || array.size() < 3 ? null : array.get(2);
                    complete(payload instanceof ObjectNode o ? o : Frames.object(), null);
                }
            }
            case 4 -> {
                if (frame.messageId().equals(inFlightId)) {
                    String description = array != null && array.size() > 3 ? array.get(3).asText() : "";
                    complete(null, new CallErrorException(frame.errorCode(), description));
                }
            }
            default -> { }
        }
    }

    private void complete(ObjectNode payload, CallErrorException error) {
        Outgoing done = inFlight;
        if (done == null) {
            return;
        }
        inFlight = null;
        inFlightId = null;
        if (timeoutTimer >= 0) {
            vertx.cancelTimer(timeoutTimer);
            timeoutTimer = -1;
        }
        if (error == null) {
            done.promise().complete(payload);
        } else {
            done.promise().fail(error);
        }
        sendNext();
    }

    private void failAll() {
        CallErrorException lost = new CallErrorException(CallErrorException.DISCONNECTED, "connection closed");
        if (inFlight != null) {
            complete(null, lost);
        }
        while (!queue.isEmpty()) {
            queue.pollFirst().promise().fail(lost);
        }
    }

}
