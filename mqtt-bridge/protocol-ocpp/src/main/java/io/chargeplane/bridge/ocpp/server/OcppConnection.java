package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceEndpoint;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.CallError;
import io.chargeplane.bridge.ocpp.rpc.CallResult;
import io.chargeplane.bridge.ocpp.rpc.DecodeResult;
import io.chargeplane.bridge.ocpp.rpc.RpcError;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;
import io.chargeplane.bridge.ocpp.rpc.RpcFrame;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.event.DisconnectReason;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import org.jboss.logging.Logger;

/**
 * One station's WebSocket. All state is touched only on the connection's event-loop context, so nothing here
 * is synchronised; callbacks from the bus client hop back onto it first.
 *
 * <p>Kept small on purpose (one bridge holds ~19,000 idle stations): an idle connection is this object, its
 * WebSocket and its link. Queues and the pending CALL exist only while there is traffic.
 */
final class OcppConnection implements DeviceEndpoint {

    private static final Logger LOG = Logger.getLogger(OcppConnection.class);

    final OcppEndpointShared shared;
    final VersionStack stack;
    final ServerWebSocket ws;
    final Context context;
    final DeviceAddress address;
    final String stationId;
    private DeviceLink link;
    private final InboundCalls inbound;
    private OutboundCalls outbound;
    private boolean closed;
    private boolean replacedByNewer;
    private boolean protocolViolation;

    OcppConnection(OcppEndpointShared shared, VersionStack stack, ServerWebSocket ws, Context context,
                   DeviceAddress address, String stationId) {
        this.shared = shared;
        this.stack = stack;
        this.ws = ws;
        this.context = context;
        this.address = address;
        this.stationId = stationId;
        this.inbound = new InboundCalls(this);
    }

    /** Called on the context once the link is attached: from now on frames flow. */
    void open(DeviceLink attached) {
        this.link = attached;
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(buffer -> sendError(new RpcError(RpcError.UNKNOWN_MESSAGE_ID,
                RpcErrorKind.RPC_FRAMEWORK_ERROR, "OCPP-J uses text frames only", true)));
        ws.closeHandler(v -> onClosed());
        ws.exceptionHandler(this::onException);
        ws.resume();
    }

    DeviceLink link() {
        return link;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * A single frame over the transport limit is closed with 1009 by the WebSocket decoder itself; a message
     * that grows over it through continuation frames is only reported here, and gets the same close.
     */
    private void onException(Throwable e) {
        if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().contains("max message size")) {
            shared.framesRejected.increment();
            protocolViolation = true;
            close((short) 1009, "message too big");
        } else {
            LOG.debugf("station %s: %s", stationId, e.toString());
        }
    }

    private void onText(String text) {
        shared.framesIn.increment();
        DecodeResult decoded = stack.layer().decodeInbound(text);
        switch (decoded) {
            case DecodeResult.Rejected(RpcError error) -> {
                shared.framesRejected.increment();
                if (error.replyExpected()) {
                    sendError(error);
                }
            }
            case DecodeResult.Decoded(RpcFrame frame) -> {
                switch (frame) {
                    case Call call -> inbound.received(call);
                    case CallResult result -> outbound().answered(result);
                    case CallError error -> outbound().failed(error);
                }
            }
        }
    }

    // ---- commands (DeviceEndpoint) ----

    @Override
    public Uni<CommandResult> execute(CommandRequest command) {
        return Uni.createFrom().emitter(emitter -> context.runOnContext(v -> outbound().submit(command, emitter)));
    }

    @Override
    public void replaced() {
        context.runOnContext(v -> {
            replacedByNewer = true;
            close((short) 1000, "replaced by a newer connection of the same station");
        });
    }

    @Override
    public String remoteAddress() {
        return ws.remoteAddress() == null ? null : ws.remoteAddress().toString();
    }

    private OutboundCalls outbound() {
        if (outbound == null) {
            outbound = new OutboundCalls(this);
        }
        return outbound;
    }

    // ---- writing ----

    void send(RpcFrame frame) {
        if (!closed) {
            ws.writeTextMessage(stack.layer().codec().encode(frame));
            shared.framesOut.increment();
        }
    }

    void sendError(RpcError error) {
        send(error.toCallError(stack.version()));
    }

    /** Runs on this connection's context, whatever thread completes the work. */
    <T> Uni<T> onContext(Uni<T> uni) {
        return uni.emitOn(runnable -> context.runOnContext(v -> runnable.run()));
    }

    // ---- closing ----

    void close(short code, String reason) {
        if (!closed) {
            ws.close(code, reason);
        }
    }

    private void onClosed() {
        if (closed) {
            return;
        }
        closed = true;
        shared.connections.remove(this);
        if (outbound != null) {
            outbound.abandon();
        }
        if (link != null) {
            DisconnectReason reason = replacedByNewer ? DisconnectReason.REPLACED
                    : shared.stopping ? DisconnectReason.ADAPTER_SHUTDOWN
                    : protocolViolation ? DisconnectReason.PROTOCOL_ERROR : DisconnectReason.CLOSED_BY_DEVICE;
            link.detach(reason).subscribe().with(v -> { }, e -> LOG.debugf("detach of %s failed: %s", address, e));
        }
    }
}
