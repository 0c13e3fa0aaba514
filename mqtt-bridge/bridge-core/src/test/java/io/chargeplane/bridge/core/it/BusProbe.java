package io.chargeplane.bridge.core.it;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A platform-side MQTT 5 client (what device-service or charging-service would be) for the ITs. */
final class BusProbe implements AutoCloseable {

    static final CanonicalCodec CODEC = CanonicalCodec.defaultCodec();

    private final Mqtt5AsyncClient client;
    private final LinkedBlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
    private final List<Mqtt5Publish> seen = new ArrayList<>();
    private volatile Consumer<Mqtt5Publish> responder = publish -> { };

    private BusProbe(int port) {
        client = MqttClient.builder().useMqttVersion5().identifier("probe-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> {
            received.add(publish);
            responder.accept(publish);
        });
        join(client.connect());
    }

    static BusProbe connect(int port, String... filters) {
        BusProbe probe = new BusProbe(port);
        for (String filter : filters) {
            probe.subscribe(filter);
        }
        return probe;
    }

    void subscribe(String filter) {
        join(client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send());
    }

    /** Answers every publish it receives with what the function returns (null: no answer). */
    void respondWith(Consumer<Mqtt5Publish> responder) {
        this.responder = responder;
    }

    void publish(Mqtt5Publish publish) {
        join(client.publish(publish));
    }

    <T extends CanonicalPayload> void publishEvent(String topic, CanonicalEvent<T> event) {
        publish(BusMessages.cloudEvent(topic, CODEC.writeStructured(event)).build());
    }

    /** The first message on this topic (received earlier or within the timeout) matching the condition. */
    Mqtt5Publish await(String topic, Predicate<Mqtt5Publish> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            for (Mqtt5Publish publish : seen) {
                if (publish.getTopic().toString().equals(topic) && condition.test(publish)) {
                    seen.remove(publish);
                    return publish;
                }
            }
        }
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Mqtt5Publish next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no matching message on " + topic + " within " + timeout
                            + "; saw " + seen.stream().map(p -> p.getTopic().toString()).toList());
                }
                if (next.getTopic().toString().equals(topic) && condition.test(next)) {
                    return next;
                }
                synchronized (seen) {
                    seen.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    Mqtt5Publish await(String topic, Duration timeout) {
        return await(topic, publish -> true, timeout);
    }

    /** Nothing arrives on the topic for the whole duration. */
    void assertSilent(String topic, Duration duration) {
        assertNone(topic, publish -> true, duration);
    }

    /** Nothing matching the condition arrives on the topic for the whole duration. */
    void assertNone(String topic, Predicate<Mqtt5Publish> condition, Duration duration) {
        try {
            Mqtt5Publish unexpected = await(topic, condition, duration);
            throw new AssertionError("unexpected message on " + topic + ": " + new String(unexpected.getPayloadAsBytes()));
        } catch (AssertionError expected) {
            if (expected.getMessage().startsWith("unexpected")) {
                throw expected;
            }
        }
    }

    static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    }
}
