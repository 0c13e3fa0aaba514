package io.chargeplane.bridge.ocpp.server;

import io.chargeplane.bridge.core.spi.RequestUnansweredException;
import io.chargeplane.bridge.ocpp.rpc.Call;
import io.chargeplane.bridge.ocpp.rpc.CallError;
import io.chargeplane.bridge.ocpp.rpc.CallResult;
import io.chargeplane.bridge.ocpp.rpc.RpcError;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;
import io.chargeplane.bridge.ocpp.translate.Inbound;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.id.CorrelationId;
import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The station → CSMS direction of one connection: one CALL handled at a time, in arrival order.
 *
 * <p>A station must wait for each answer before its next CALL. One that does not is served anyway, in order,
 * up to a small queue ({@code chargeplane.bridge.ocpp.inbound-queue}); beyond it the CALL is refused with
 * GenericError (nothing is dropped silently). A CALL repeating the id of the CALL in progress is ignored (its
 * answer is on the way); one repeating the id that was just answered is not processed again (that would
 * count a meter value or a transaction twice) and is refused with RpcFrameworkError (1.6: FormationViolation).
 */
final class InboundCalls {

    private static final Logger LOG = Logger.getLogger(InboundCalls.class);

    private final OcppConnection connection;
    private String current;
    private String lastAnswered;
    private ArrayDeque<Call> waiting;

    InboundCalls(OcppConnection connection) {
        this.connection = connection;
    }

    void received(Call call) {
        String id = call.messageId();
        if (id.equals(current)) {
            connection.shared.duplicates.increment();
            return;
        }
        if (id.equals(lastAnswered) || waiting != null && waiting.stream().anyMatch(c -> c.messageId().equals(id))) {
            connection.shared.duplicates.increment();
            connection.sendError(new RpcError(id, RpcErrorKind.RPC_FRAMEWORK_ERROR,
                    "message id " + id + " was already used on this connection", true));
            return;
        }
        if (current != null) {
            if (waiting == null) {
                waiting = new ArrayDeque<>(2);
            }
            if (waiting.size() >= connection.shared.config.inboundQueue()) {
                connection.sendError(new RpcError(id, RpcErrorKind.GENERIC_ERROR,
                        "too many CALLs before the previous one was answered", true));
                return;
            }
            waiting.add(call);
            return;
        }
        handle(call);
    }

    private void handle(Call call) {
        current = call.messageId();
        Inbound plan;
        try {
            plan = connection.stack.translator().inbound(connection.address.toString(), call.action(), call.payload());
        } catch (RuntimeException e) {
            LOG.warnf(e, "station %s: translating %s failed", connection.stationId, call.action());
            finish(call, null, new RpcError(call.messageId(), RpcErrorKind.INTERNAL_ERROR,
                    "the message could not be processed", true));
            return;
        }
        carryOut(call, plan);
    }

    private void carryOut(Call call, Inbound plan) {
        switch (plan) {
            case Inbound.Reply reply -> publishThenAnswer(call, reply);
            case Inbound.Refuse refuse -> finish(call, null,
                    new RpcError(call.messageId(), refuse.kind(), refuse.description(), true));
            case Inbound.Ask ask -> {
                CorrelationId correlation = correlation(call);
                connection.onContext(connection.link().request(ask.request(), correlation)).subscribe().with(
                        reply -> {
                            Inbound.Reply next;
                            try {
                                next = ask.onReply().apply(reply);
                            } catch (RuntimeException e) {
                                LOG.warnf("station %s: reply to %s unusable: %s", connection.stationId, call.action(),
                                        e.getMessage());
                                finish(call, null, new RpcError(call.messageId(), RpcErrorKind.INTERNAL_ERROR,
                                        "the platform's answer could not be used; retry later", true));
                                return;
                            }
                            publishThenAnswer(call, next);
                        },
                        failure -> {
                            if (failure instanceof RequestUnansweredException && ask.whenUnanswered() != null) {
                                publishThenAnswer(call, ask.whenUnanswered().get());
                            } else {
                                finish(call, null, new RpcError(call.messageId(), RpcErrorKind.INTERNAL_ERROR,
                                        "the platform did not answer in time; retry later", true));
                            }
                        });
            }
        }
    }

    /** Answer only once the broker holds the events: a station forgets what it got an answer for. */
    private void publishThenAnswer(Call call, Inbound.Reply reply) {
        List<DeviceEvent> events = reply.events();
        if (events.isEmpty()) {
            finish(call, new CallResult(call.messageId(), reply.response()), null);
            return;
        }
        CorrelationId correlation = correlation(call);
        List<Uni<Void>> publishes = new ArrayList<>(events.size());
        for (DeviceEvent event : events) {
            publishes.add(connection.link().publish(event, correlation));
        }
        Uni<Void> all = publishes.size() == 1 ? publishes.get(0)
                : Uni.join().all(publishes).andCollectFailures().replaceWithVoid();
        connection.onContext(all).subscribe().with(
                v -> finish(call, new CallResult(call.messageId(), reply.response()), null),
                failure -> finish(call, null, new RpcError(call.messageId(), RpcErrorKind.INTERNAL_ERROR,
                        "the platform could not take the message; retry later", true)));
    }

    private void finish(Call call, CallResult result, RpcError error) {
        if (result != null) {
            connection.send(result);
        } else {
            connection.shared.callsRefused.increment();
            connection.send(CallError.of(connection.stack.version(), error.messageId(), error.kind(),
                    error.description()));
        }
        lastAnswered = call.messageId();
        current = null;
        Call next = waiting == null ? null : waiting.poll();
        if (waiting != null && waiting.isEmpty()) {
            waiting = null;
        }
        if (next != null && !connection.isClosed()) {
            handle(next);
        }
    }

    /** Ties the bus messages of one CALL to it: station and message id, unique per connection. */
    private CorrelationId correlation(Call call) {
        String value = connection.address.device().value() + ":" + call.messageId();
        return CorrelationId.of(value.length() <= CorrelationId.MAX_LENGTH ? value
                : value.substring(value.length() - CorrelationId.MAX_LENGTH));
    }
}
