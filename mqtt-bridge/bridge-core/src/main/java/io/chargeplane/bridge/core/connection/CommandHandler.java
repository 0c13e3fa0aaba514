package io.chargeplane.bridge.core.connection;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.topic.CommandTopic;
import io.chargeplane.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes a command off the bus and answers it: refuses what cannot run (device not here, deadline passed,
 * capability and topic disagree), answers repeats from the first result, bounds the device's time by the
 * deadline, and publishes the result with the command's correlation id to the requester's response topic
 * (or the model's result topic when none was named).
 */
final class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    private record Key(DeviceAddress address, IdempotencyKey idempotencyKey) {
    }

    private final ConnectionRegistry registry;
    private final MqttBus bus;
    private final CanonicalCodec codec;
    private final BridgeMetrics metrics;
    private final CommandDeduplicator<Key, CommandResult> deduplicator;
    private final Clock clock;

    CommandHandler(ConnectionRegistry registry, MqttBus bus, CanonicalCodec codec, BridgeMetrics metrics,
                   Duration dedupWindow, int dedupCapacity, Clock clock) {
        this.registry = registry;
        this.bus = bus;
        this.codec = codec;
        this.metrics = metrics;
        this.deduplicator = new CommandDeduplicator<>(dedupWindow, dedupCapacity);
        this.clock = clock;
    }

    void onCommand(CommandTopic topic, Mqtt5Publish publish) {
        CommandRequest command;
        try {
            command = codec.readStructured(publish.getPayloadAsBytes(), CommandRequest.class).data();
        } catch (RuntimeException e) {
            // Without a readable correlation id there is no one to answer; the requester times out.
            metrics.error("command_malformed");
            LOG.warnf("Malformed command on %s dropped: %s", publish.getTopic(), e.getMessage());
            return;
        }
        DeviceAddress address = new DeviceAddress(topic.tenant(), topic.device());
        Link link = registry.current(address);
        String protocol = link == null ? BridgeMetrics.NO_PROTOCOL : link.meters().protocol();
        if (command.capability() != topic.capability()) {
            answer(publish, address, link, refusal(command, CommandStatus.REJECTED, "command.capability_mismatch"), protocol);
        } else if (link == null && registry.isLingering(address)) {
            // Still subscribed only in case the device comes back: stay silent as an unsubscribed instance would,
            // so that this instance never contradicts the one the device may already have reconnected to.
            metrics.error("command_for_lingering_device");
        } else if (link == null) {
            answer(publish, address, null, refusal(command, CommandStatus.DEVICE_OFFLINE, "device.not_connected"), protocol);
        } else if (command.expiredAt(clock.instant())) {
            answer(publish, address, link, refusal(command, CommandStatus.TIMEOUT, "command.deadline_passed"), protocol);
        } else {
            CommandDeduplicator.Outcome<CommandResult> outcome =
                    deduplicator.run(new Key(address, command.idempotencyKey()), () -> execute(link, command));
            if (outcome.duplicate()) {
                outcome.result().thenAccept(first -> answer(publish, address, link,
                        sameVerdict(first, command.correlationId()), protocol, "duplicate"));
            } else {
                outcome.result().thenAccept(first -> answer(publish, address, link, first, protocol));
            }
        }
    }

    private CompletableFuture<CommandResult> execute(Link link, CommandRequest command) {
        long started = System.nanoTime();
        Duration left = Duration.between(clock.instant(), command.deadline());
        CompletableFuture<CommandResult> result;
        try {
            result = link.endpoint().execute(command)
                    .ifNoItem().after(left.isNegative() ? Duration.ZERO : left)
                    .recoverWithItem(() -> refusal(command, CommandStatus.TIMEOUT, "device.no_answer"))
                    .onFailure().recoverWithItem(failure -> failed(link, command, failure))
                    .subscribeAsCompletionStage();
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(failed(link, command, e));
        }
        return result.thenApply(answer -> {
            link.meters().commandLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            // The endpoint may build its result loosely; the requester matches on the command's own id.
            return answer.correlationId().equals(command.correlationId()) && answer.capability() == command.capability()
                    ? answer
                    : new CommandResult(command.correlationId(), command.capability(), answer.status(),
                            answer.reasonCode(), answer.detail());
        });
    }

    private CommandResult failed(Link link, CommandRequest command, Throwable failure) {
        metrics.error("command_endpoint_failed");
        LOG.warnf("Command %s for %s failed in the adapter: %s", command.capability(), link.address(), failure.toString());
        return refusal(command, CommandStatus.FAILED, "adapter.error");
    }

    private void answer(Mqtt5Publish command, DeviceAddress address, Link link, CommandResult result, String protocol) {
        answer(command, address, link, result, protocol, result.status().name().toLowerCase(Locale.ROOT));
    }

    private void answer(Mqtt5Publish command, DeviceAddress address, Link link, CommandResult result, String protocol,
                        String outcome) {
        metrics.messages(protocol, "in", "command", outcome).increment();
        Protocol deviceProtocol = link == null ? null : link.protocol();
        CanonicalEvent<CommandResult> envelope = CanonicalEvent.builder(address.tenant(), address.device(), result)
                .protocol(deviceProtocol).adapter(bus.instanceId()).time(Instant.now(clock)).build();
        String topic = command.getResponseTopic().map(Object::toString)
                .orElseGet(() -> Topics.commandResult(address.tenant(), address.device(), result.capability()));
        Mqtt5PublishBuilder.Complete reply = BusMessages.cloudEvent(topic, codec.writeStructured(envelope));
        command.getCorrelationData().ifPresent(reply::correlationData);
        bus.publish(reply.build()).whenComplete((ok, failure) -> {
            if (failure != null) {
                metrics.error("result_publish_failed");
                LOG.warnf("Result of %s for %s not published: %s", result.capability(), address, failure.getMessage());
            }
        });
    }

    private static CommandResult refusal(CommandRequest command, CommandStatus status, String reasonCode) {
        return CommandResult.of(command.correlationId(), command.capability(), status, reasonCode);
    }

    /** The first command's verdict, addressed to the repeat's requester. */
    private static CommandResult sameVerdict(CommandResult first, CorrelationId correlation) {
        return new CommandResult(correlation, first.capability(), first.status(), first.reasonCode(), first.detail());
    }
}
