package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.DeviceCommand;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.topic.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The platform's side of the device bus, as the services use it: a real MQTT 5 client that reads every device's
 * canonical events and presence, answers {@code start_transaction} requests with a transaction id (what
 * charging-service will do; {@code authorize} is left to the bridge's offline policy) and sends commands.
 */
final class PlatformSide implements AutoCloseable {

    static final CanonicalCodec CODEC = CanonicalCodec.defaultCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message seen on the bus, decoded. */
    record Seen(String device, String topic, DeviceEvent event, Boolean online, CommandResult result) {
    }

    private final TenantId tenant;
    private final Mqtt5AsyncClient client;
    private final List<Seen> seen = new ArrayList<>();
    private final AtomicLong nextTransactionId = new AtomicLong(70_000);

    PlatformSide(String host, int port, TenantId tenant) {
        this.tenant = tenant;
        client = MqttClient.builder().useMqttVersion5().identifier("platform-" + UUID.randomUUID())
                .serverHost(host).serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, this::onPublish);
        join(client.connect());
        String base = "chargeplane/v1/" + tenant.value() + "/+/";
        for (String level : List.of("evt/+", "req/+", "result/+", "presence")) {
            join(client.subscribeWith().topicFilter(base + level).qos(MqttQos.AT_LEAST_ONCE).send());
        }
    }

    private void onPublish(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        String device = publish.getTopic().getLevels().get(3);
        byte[] payload = publish.getPayloadAsBytes();
        if (topic.contains("/req/")) {
            answer(publish, device);
            return;
        }
        Seen s;
        if (topic.endsWith("/presence")) {
            try {
                s = new Seen(device, topic, null, JSON.readTree(payload).path("online").asBoolean(), null);
            } catch (IOException e) {
                return;
            }
        } else if (topic.contains("/result/")) {
            s = new Seen(device, topic, null, null, CODEC.readStructured(payload, CommandResult.class).data());
        } else {
            s = new Seen(device, topic, CODEC.readStructured(payload, DeviceEvent.class).data(), null, null);
        }
        synchronized (seen) {
            seen.add(s);
            seen.notifyAll();
        }
    }

    private void answer(Mqtt5Publish publish, String device) {
        DeviceRequest request = CODEC.readStructured(publish.getPayloadAsBytes(), DeviceRequest.class).data();
        if (!(request instanceof StartTransactionRequest)) {
            return;
        }
        StartTransactionReply reply = new StartTransactionReply(nextTransactionId.incrementAndGet(),
                AuthorizeReply.of(AuthorizationStatus.ACCEPTED));
        CanonicalEvent<StartTransactionReply> envelope = CanonicalEvent.builder(tenant, DeviceId.of(device), reply).build();
        client.publish(BusMessages.cloudEvent(publish.getResponseTopic().orElseThrow().toString(),
                        CODEC.writeStructured(envelope))
                .correlationData(publish.getCorrelationData().orElseThrow()).build());
    }

    /** Publishes a command the way device-service does. */
    CommandRequest command(String device, DeviceCommand command) {
        Instant now = Instant.now();
        CommandRequest request = new CommandRequest(IdempotencyKey.random(), CorrelationId.random(), now,
                now.plusSeconds(30), command);
        CanonicalEvent<CommandRequest> envelope = CanonicalEvent.builder(tenant, DeviceId.of(device), request)
                .correlationId(request.correlationId()).build();
        join(client.publish(BusMessages.cloudEvent(Topics.command(tenant, DeviceId.of(device), command.capability()),
                CODEC.writeStructured(envelope)).build()));
        return request;
    }

    /** Everything seen so far from this device, in arrival order. */
    List<Seen> of(String device) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.device().equals(device)).toList();
        }
    }

    <T extends DeviceEvent> List<T> events(String device, Class<T> type) {
        return of(device).stream().filter(s -> type.isInstance(s.event())).map(s -> type.cast(s.event())).toList();
    }

    /** Waits until the device's messages satisfy the condition. */
    List<Seen> await(String device, Predicate<List<Seen>> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            while (true) {
                List<Seen> mine = of(device);
                if (condition.test(mine)) {
                    return mine;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError(device + ": no " + what + " within " + timeout + "; saw "
                            + mine.stream().map(s -> s.topic().substring(s.topic().indexOf(device) + device.length())
                            + (s.online() != null ? "=" + s.online() : "")).toList());
                }
                try {
                    seen.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    <T extends DeviceEvent> List<T> awaitEvents(String device, Class<T> type, int count, Duration timeout) {
        await(device, list -> list.stream().filter(s -> type.isInstance(s.event())).count() >= count, timeout,
                count + " × " + type.getSimpleName());
        return events(device, type);
    }

    private static <T> T join(CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
