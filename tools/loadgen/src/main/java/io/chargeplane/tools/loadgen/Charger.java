package io.chargeplane.tools.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;

/**
 * One simulated charger: at most one WebSocket and one CALL in flight. Touched only on its own Vert.x
 * context; the timeout sweep reads {@link #pendingSince} from another thread and acts on the context.
 */
final class Charger {

    final String stationId;
    final Context context;
    WebSocket ws;
    long registerWh = 1_000;
    long nextDueNanos;
    private int sequence;
    private String pendingId;
    private Promise<Reply> pending;
    volatile long pendingSince;

    Charger(String stationId, Context context) {
        this.stationId = stationId;
        this.context = context;
    }

    String nextMessageId() {
        return Integer.toString(++sequence, 36);
    }

    boolean isOpen() {
        return ws != null && !ws.isClosed();
    }

    /** Binds a freshly upgraded socket; a previous one is forgotten (its close no longer counts). */
    void bind(WebSocket socket) {
        ws = socket;
        socket.textMessageHandler(this::onText);
        socket.exceptionHandler(e -> { });
        socket.closeHandler(v -> {
            if (ws == socket) {
                Short code = socket.closeStatusCode();
                failPending("closed-" + (code == null ? "abnormal" : code));
            }
        });
    }

    /** Sends a CALL; the future completes with the CSMS's CALLRESULT or CALLERROR, or fails with a reason. */
    Future<Reply> call(String frame, String messageId) {
        if (!isOpen()) {
            return Future.failedFuture("not-connected");
        }
        if (pending != null) {
            return Future.failedFuture("call-in-flight");
        }
        Promise<Reply> promise = Promise.promise();
        pending = promise;
        pendingId = messageId;
        pendingSince = System.nanoTime();
        ws.writeTextMessage(frame).onFailure(e -> failPending("write-failed"));
        return promise.future();
    }

    /** Called on the context by the sweep when the CALL in flight is older than the timeout. */
    void timeOut(long olderThanNanos) {
        if (pending != null && pendingSince != 0 && pendingSince < olderThanNanos) {
            failPending("timeout");
        }
    }

    private void onText(String text) {
        Reply reply = Reply.parse(text);
        if (reply == null || reply.type() == 2 || pending == null || !reply.messageId().equals(pendingId)) {
            return;
        }
        Promise<Reply> p = pending;
        pending = null;
        pendingId = null;
        pendingSince = 0;
        p.complete(reply);
    }

    void failPending(String reason) {
        if (pending != null) {
            Promise<Reply> p = pending;
            pending = null;
            pendingId = null;
            pendingSince = 0;
            p.fail(reason);
        }
    }
}
