package io.chargeplane.bridge.ocpp.server;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.DeviceCommand;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The platform side of the bus, as a service would be: a real MQTT 5 client that reads a device's canonical
 * events, answers its requests (charging-service) and sends it commands (device-service).
 */
final class PlatformProbe implements AutoCloseable {

    static final CanonicalCodec CODEC = CanonicalCodec.defaultCodec();

    private final Mqtt5AsyncClient client;
    private final DeviceAddress device;
    private final LinkedBlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
    private final List<Mqtt5Publish> parked = new ArrayList<>();
    private volatile Function<DeviceRequest, DeviceReply> responder;

    PlatformProbe(String host, int port, DeviceAddress device) {
        this.device = device;
        client = MqttClient.builder().useMqttVersion5().identifier("platform-" + UUID.randomUUID())
                .serverHost(host).serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, this::onPublish);
        join(client.connect());
        String base = "chargeplane/v1/" + device.tenant().value() + "/" + device.device().value() + "/";
        for (String level : List.of("evt/+", "req/+", "result/+", "presence")) {
            join(client.subscribeWith().topicFilter(base + level).qos(MqttQos.AT_LEAST_ONCE).send());
        }
    }

    /** Answers the device's requests from now on; null: leave them unanswered (the offline policy decides). */
    void answerRequests(Function<DeviceRequest, DeviceReply> responder) {
        this.responder = responder;
    }

    private void onPublish(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        Function<DeviceRequest, DeviceReply> answer = responder;
        if (topic.contains("/req/") && answer != null) {
            DeviceRequest request = CODEC.readStructured(publish.getPayloadAsBytes(), DeviceRequest.class).data();
            DeviceReply reply = answer.apply(request);
            if (reply != null) {
                CanonicalEvent<DeviceReply> envelope = CanonicalEvent.builder(device.tenant(), device.device(), reply)
                        .build();
                client.publish(BusMessages.cloudEvent(publish.getResponseTopic().orElseThrow().toString(),
                                CODEC.writeStructured(envelope))
                        .correlationData(publish.getCorrelationData().orElseThrow()).build());
            }
        }
        received.add(publish);
    }

    /** Publishes a command the way device-service does and returns its request. */
    CommandRequest command(DeviceCommand command) {
        Instant now = Instant.now();
        CommandRequest request = new CommandRequest(IdempotencyKey.random(), CorrelationId.random(), now,
                now.plusSeconds(30), command);
        CanonicalEvent<CommandRequest> envelope = CanonicalEvent.builder(device.tenant(), device.device(), request)
                .correlationId(request.correlationId()).build();
        join(client.publish(BusMessages.cloudEvent(
                Topics.command(device.tenant(), device.device(), command.capability()),
                CODEC.writeStructured(envelope)).build()));
        return request;
    }

    CommandResult awaitResult(CommandRequest request, Duration timeout) {
        Mqtt5Publish publish = await(p -> p.getTopic().toString().contains("/result/")
                && result(p).correlationId().equals(request.correlationId()), timeout, "result of " + request);
        return result(publish);
    }

    /** The next canonical event of this type. */
    <T extends DeviceEvent> T awaitEvent(Class<T> type, Duration timeout) {
        return awaitEvent(type, e -> true, timeout);
    }

    <T extends DeviceEvent> T awaitEvent(Class<T> type, Predicate<T> condition, Duration timeout) {
        Mqtt5Publish publish = await(p -> p.getTopic().toString().contains("/evt/") && type.isInstance(event(p))
                && condition.test(type.cast(event(p))), timeout, type.getSimpleName());
        return type.cast(event(publish));
    }

    /** The protocol extension of the next event of this type: what version the bridge reported. */
    String protocolOf(Class<? extends DeviceEvent> type, Duration timeout) {
        Mqtt5Publish publish = await(p -> p.getTopic().toString().contains("/evt/") && type.isInstance(event(p)),
                timeout, type.getSimpleName());
        return String.valueOf(CODEC.readStructured(publish.getPayloadAsBytes(), DeviceEvent.class).protocol());
    }

    void assertNoEvent(Class<? extends DeviceEvent> type, Duration duration) {
        try {
            awaitEvent(type, duration);
        } catch (AssertionError expected) {
            return;
        }
        throw new AssertionError("unexpected " + type.getSimpleName());
    }

    private Mqtt5Publish await(Predicate<Mqtt5Publish> match, Duration timeout, String what) {
        synchronized (parked) {
            for (Mqtt5Publish publish : parked) {
                if (match.test(publish)) {
                    parked.remove(publish);
                    return publish;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Mqtt5Publish next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + what + " within " + timeout + "; saw "
                            + parked.stream().map(p -> p.getTopic().toString()).toList());
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

    private static DeviceEvent event(Mqtt5Publish publish) {
        return CODEC.readStructured(publish.getPayloadAsBytes(), DeviceEvent.class).data();
    }

    private static CommandResult result(Mqtt5Publish publish) {
        return CODEC.readStructured(publish.getPayloadAsBytes(), CommandResult.class).data();
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
