package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.CallError;
import io.chargeplane.bridge.ocpp.rpc.CallResult;
import io.chargeplane.bridge.ocpp.schema.PayloadKind;
import io.chargeplane.bridge.ocpp.schema.PayloadViolation;
import io.chargeplane.bridge.ocpp.translate.OutboundCall;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The CSMS → station direction of one connection: at most one CALL outstanding, the rest queued in order,
 * each bounded by {@code chargeplane.bridge.ocpp.call-timeout}. Exists only once a command arrived.
 */
final class OutboundCalls {

    private static final Logger LOG = Logger.getLogger(OutboundCalls.class);

    private record Pending(String messageId, CommandRequest command, OutboundCall call,
                           UniEmitter<? super CommandResult> emitter, long timer) {
    }

    private record Queued(CommandRequest command, OutboundCall call, UniEmitter<? super CommandResult> emitter) {
    }

    private final OcppConnection connection;
    private Pending pending;
    private ArrayDeque<Queued> queue;
    private int sequence;

    OutboundCalls(OcppConnection connection) {
        this.connection = connection;
    }

    void submit(CommandRequest command, UniEmitter<? super CommandResult> emitter) {
        if (connection.isClosed()) {
            emitter.complete(result(command, CommandStatus.DEVICE_OFFLINE, "connection_closed"));
            return;
        }
        Optional<OutboundCall> translated = connection.stack.translator().outbound(command);
        if (translated.isEmpty()) {
            emitter.complete(result(command, CommandStatus.NOT_SUPPORTED,
                    "ocpp.not_supported_by_" + connection.stack.version().name().toLowerCase()));
            return;
        }
        OutboundCall call = translated.get();
        Optional<PayloadViolation> invalid = connection.stack.layer().validateOutbound(call.action(),
                PayloadKind.REQUEST, call.payload());
        if (invalid.isPresent()) {
            // Never put an invalid message on the wire: the command carries something OCPP cannot express.
            emitter.complete(new CommandResult(command.correlationId(), command.capability(), CommandStatus.REJECTED,
                    "ocpp.untranslatable", Map.of("violation", clip(invalid.get().description()))));
            return;
        }
        if (pending == null) {
            send(command, call, emitter);
        } else if (queue != null && queue.size() >= connection.shared.config.outboundQueue()) {
            emitter.complete(result(command, CommandStatus.FAILED, "ocpp.queue_full"));
        } else {
            if (queue == null) {
                queue = new ArrayDeque<>(2);
            }
            queue.add(new Queued(command, call, emitter));
        }
    }

    private void send(CommandRequest command, OutboundCall call, UniEmitter<? super CommandResult> emitter) {
        String id = "cp-" + Integer.toString(++sequence, 36);
        long timer = connection.shared.vertx.setTimer(connection.shared.config.callTimeout().toMillis(),
                t -> connection.context.runOnContext(v -> timedOut(id)));
        pending = new Pending(id, command, call, emitter, timer);
        connection.send(new Call(id, call.action(), call.payload()));
    }

    void answered(CallResult result) {
        Pending answered = take(result.messageId());
        if (answered == null) {
            return;
        }
        CommandResult outcome;
        Optional<PayloadViolation> invalid = connection.stack.layer().validateResult(answered.call().action(), result);
        if (invalid.isPresent()) {
            outcome = new CommandResult(answered.command().correlationId(), answered.command().capability(),
                    CommandStatus.FAILED, "ocpp.invalid_response", Map.of("violation", clip(invalid.get().description())));
        } else {
            outcome = connection.stack.translator().result(answered.command(), answered.call(), result.payload());
        }
        complete(answered, outcome);
    }

    void failed(CallError error) {
        Pending answered = take(error.messageId());
        if (answered != null) {
            complete(answered, connection.stack.translator().error(answered.command(), error));
        }
    }

    private void timedOut(String id) {
        if (pending != null && pending.messageId().equals(id)) {
            Pending late = pending;
            pending = null;
            complete(late, result(late.command(), CommandStatus.TIMEOUT, "ocpp.call_timeout"));
        }
    }

    /** The connection closed: nothing queued can reach the station any more. */
    void abandon() {
        if (pending != null) {
            connection.shared.vertx.cancelTimer(pending.timer());
            pending.emitter().complete(result(pending.command(), CommandStatus.DEVICE_OFFLINE, "connection_closed"));
            pending = null;
        }
        if (queue != null) {
            for (Queued queued : queue) {
                queued.emitter().complete(result(queued.command(), CommandStatus.DEVICE_OFFLINE, "connection_closed"));
            }
            queue = null;
        }
    }

    private Pending take(String messageId) {
        if (pending == null || !pending.messageId().equals(messageId)) {
            LOG.debugf("station %s answered unknown message %s", connection.stationId, messageId);
            connection.shared.unmatchedAnswers.increment();
            return null;
        }
        Pending answered = pending;
        pending = null;
        connection.shared.vertx.cancelTimer(answered.timer());
        return answered;
    }

    private void complete(Pending done, CommandResult outcome) {
        done.emitter().complete(outcome);
        Queued next = queue == null ? null : queue.poll();
        if (queue != null && queue.isEmpty()) {
            queue = null;
        }
        if (next != null) {
            send(next.command(), next.call(), next.emitter());
        }
    }

    private static CommandResult result(CommandRequest command, CommandStatus status, String reason) {
        return CommandResult.of(command.correlationId(), command.capability(), status, reason);
    }

    private static String clip(String text) {
        return text.length() <= 1024 ? text : text.substring(0, 1024);
    }
}
