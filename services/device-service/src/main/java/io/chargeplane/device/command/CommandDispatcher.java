package io.chargeplane.device.command;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.chargeplane.device.audit.AuditEntry;
import io.chargeplane.device.audit.AuditLog;
import io.chargeplane.device.bus.DeviceBus;
import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.domain.DeviceStatus;
import io.chargeplane.device.status.LiveStatusStore;
import io.chargeplane.device.status.ViewFields;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.command.DeviceCommand;
import io.chargeplane.model.command.DeviceCommands;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The capability API behind the REST resource: checks the command against the device (kind, payload, blocked,
 * online), records and audits it, publishes it to the device's command topic with this instance's response topic,
 * and waits a bounded time for the result. Every refusal is audited too.
 */
@ApplicationScoped
public class CommandDispatcher {

    /** A command to send, as the caller asked for it. */
    public record Request(TenantId tenant, String actor, UUID deviceId, String identity, DeviceKind kind,
                          DeviceStatus deviceStatus, Capability capability, String payload, String idempotencyKey) {
    }

    /** The command after the wait: {@code answered} when its result arrived in time. */
    public record Outcome(CommandRecord command, boolean answered) {
    }

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final DeviceServiceConfig.Commands config;
    private final LiveStatusStore view;
    private final CommandStore commands;
    private final AuditLog audit;
    private final PendingResults pending;
    private final DeviceBus bus;
    private final Pool pool;
    private final MeterRegistry meters;

    public CommandDispatcher(DeviceServiceConfig config, LiveStatusStore view, CommandStore commands, AuditLog audit,
                             PendingResults pending, DeviceBus bus, Pool pool, MeterRegistry meters) {
        this.config = config.commands();
        this.view = view;
        this.commands = commands;
        this.audit = audit;
        this.pending = pending;
        this.bus = bus;
        this.pool = pool;
        this.meters = meters;
    }

    public Uni<Outcome> send(Request request) {
        if (!request.capability().supports(request.kind())) {
            return refuse(request, "NOT_SUPPORTED", new ProblemException(ErrorCode.CAPABILITY_NOT_SUPPORTED,
                    "a " + request.kind() + " offers " + Capability.supportedBy(request.kind()).stream()
                            .map(Capability::wireName).sorted().collect(Collectors.joining(", "))
                            + ", not " + request.capability().wireName()));
        }
        DeviceCommand command;
        try {
            command = codec.readJson(request.payload().getBytes(StandardCharsets.UTF_8),
                    DeviceCommands.typeFor(request.capability()));
        } catch (ModelValidationException e) {
            return refuse(request, "INVALID", ProblemException.invalidField(e.field().isEmpty() ? "body" : e.field(),
                    e.reason()));
        }
        if (request.deviceStatus() == DeviceStatus.BLOCKED) {
            return refuse(request, "BLOCKED", new ProblemException(ErrorCode.CONFLICT, "the device is blocked"));
        }
        return view.read(request.deviceId()).flatMap(fields -> "1".equals(fields.get(ViewFields.ONLINE))
                ? publishAndWait(request, command)
                : refuse(request, "DEVICE_OFFLINE", offline("no adapter holds a connection to the device")));
    }

    private Uni<Outcome> publishAndWait(Request request, DeviceCommand command) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        CommandRequest message = new CommandRequest(IdempotencyKey.of(request.idempotencyKey()),
                CorrelationId.of(id.toString()), now, now.plus(config.deadline()), command);
        CommandRecord record = new CommandRecord(id, request.tenant().value(), request.deviceId(), request.identity(),
                request.capability().wireName(), request.idempotencyKey(), request.actor(), request.payload(), null,
                null, null, now, message.deadline(), null);
        Context caller = Vertx.currentContext();
        return pool.withTransaction(tx -> commands.insert(tx, record)
                        .call(() -> audit.append(tx, entry(request, "command_sent", id, "SENT", null))))
                .chain(() -> {
                    CompletableFuture<CommandResult> result = pending.register(id);
                    return onCaller(bus.publish(publishOf(request, message)), caller)
                            .onFailure().call(failure -> finish(id, request, CommandStatus.FAILED, "bus.unavailable")
                                    .onFailure().recoverWithNull())
                            .onFailure().transform(failure -> new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                                    "the device bus is not reachable; the command was not sent", java.util.List.of(), failure))
                            .flatMap(ack -> noSubscriber(ack)
                                    ? finish(id, request, CommandStatus.DEVICE_OFFLINE, "bus.no_subscriber")
                                            .chain(() -> Uni.createFrom().<Outcome>failure(
                                                    offline("no adapter holds the device's command topic")))
                                    : awaitResult(id, request, result, caller));
                })
                .onTermination().invoke(() -> pending.forget(id))
                .invoke(outcome -> meters.counter("chargeplane.device.commands", "capability",
                        request.capability().wireName(), "outcome", outcome.answered()
                                ? outcome.command().status().name().toLowerCase() : "pending").increment());
    }

    private Uni<Outcome> awaitResult(UUID id, Request request, CompletableFuture<CommandResult> result, Context caller) {
        Uni<CommandResult> arrived = Uni.createFrom().completionStage(result)
                .ifNoItem().after(config.waitForResult()).recoverWithItem(() -> null);
        return onCaller(arrived, caller).flatMap(item -> commands.find(request.tenant().value(), id))
                .map(stored -> new Outcome(stored, !stored.pending()));
    }

    /** Completes the command without a device's answer (refused by the bus) and audits it. */
    private Uni<Void> finish(UUID id, Request request, CommandStatus status, String reason) {
        return commands.complete(id, request.tenant().value(), request.identity(),
                        CommandResult.of(CorrelationId.of(id.toString()), request.capability(), status, reason))
                .flatMap(done -> done == null ? Uni.createFrom().voidItem()
                        : audit.append(CommandResultListener.resultEntry(done)));
    }

    private Mqtt5Publish publishOf(Request request, CommandRequest message) {
        CanonicalEvent<CommandRequest> envelope = CanonicalEvent.builder(request.tenant(),
                DeviceId.of(request.identity()), message).build();
        long expiry = Math.max(1, config.deadline().toSeconds());
        return Mqtt5Publish.builder()
                .topic(Topics.command(request.tenant(), DeviceId.of(request.identity()), request.capability()))
                .qos(MqttQos.AT_LEAST_ONCE)
                .contentType(DeviceBus.CLOUDEVENTS)
                .responseTopic(bus.responseTopic())
                .correlationData(message.correlationId().value().getBytes(StandardCharsets.UTF_8))
                // A command is worthless after its deadline: the broker need not deliver it later.
                .messageExpiryInterval(expiry)
                .payload(codec.writeStructured(envelope))
                .build();
    }

    /** MQTT 5 brokers say in the PUBACK when nobody subscribes to the topic: no adapter holds the device. */
    private static boolean noSubscriber(Mqtt5PublishResult result) {
        return result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                && qos1.getPubAck().getReasonCode() == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS;
    }

    private Uni<Outcome> refuse(Request request, String outcome, ProblemException problem) {
        meters.counter("chargeplane.device.commands", "capability", request.capability().wireName(),
                "outcome", outcome.toLowerCase()).increment();
        return audit.append(entry(request, "command_refused", null, outcome, problem.errorCode().code()))
                .chain(() -> Uni.createFrom().<Outcome>failure(problem));
    }

    private AuditEntry entry(Request request, String action, UUID commandId, String outcome, String reason) {
        return AuditEntry.of(request.tenant().value(), request.actor(), action, request.deviceId(), request.identity(),
                request.capability().wireName(), commandId, digest(request.payload()), outcome, reason);
    }

    private static ProblemException offline(String detail) {
        return new ProblemException(ErrorCode.DEVICE_OFFLINE, detail);
    }

    /** Results arrive on the MQTT client's thread; continue where the request started (Hibernate needs it). */
    private static <T> Uni<T> onCaller(Uni<T> uni, Context caller) {
        return caller == null ? uni : uni.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    static String digest(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
