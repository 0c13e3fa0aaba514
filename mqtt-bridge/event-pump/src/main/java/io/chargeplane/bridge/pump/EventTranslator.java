package io.chargeplane.bridge.pump;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.envelope.BinaryMessage;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.topic.EventTopic;
import io.chargeplane.model.topic.Topic;
import io.chargeplane.model.topic.Topics;

/**
 * Turns one MQTT message into what goes to Kafka: the event in binary mode under its partition key, or the
 * reason it is poison. Pure and thread-safe.
 *
 * <p>Beyond parsing, the envelope must agree with the topic it came on (tenant, device, event): the broker's
 * ACLs are written per topic, so an envelope naming another tenant than its topic would let one tenant's
 * adapter write into another tenant's stream.
 */
public final class EventTranslator {

    /** What one message becomes. */
    public sealed interface Outcome permits Event, Poison {
    }

    /** A valid event: Kafka key {@code tenant:device} and the binary-mode headers and data. */
    public record Event(String key, BinaryMessage message) implements Outcome {
    }

    /**
     * Not a valid canonical event. {@code key} is the topic's {@code tenant:device} when the topic at least
     * parsed (so a device's poison stays with its other dead letters), otherwise null.
     */
    public record Poison(String key, String reason) implements Outcome {
    }

    private final CanonicalCodec codec;

    public EventTranslator(CanonicalCodec codec) {
        this.codec = codec;
    }

    public Outcome translate(String mqttTopic, byte[] payload) {
        EventTopic topic;
        try {
            Topic parsed = Topics.parse(mqttTopic);
            if (!(parsed instanceof EventTopic eventTopic)) {
                return new Poison(null, "topic: not an event topic: " + mqttTopic);
            }
            topic = eventTopic;
        } catch (ModelValidationException e) {
            return new Poison(null, e.getMessage());
        }
        String topicKey = topic.tenant().value() + ":" + topic.device().value();
        CanonicalEvent<DeviceEvent> event;
        try {
            event = codec.readStructured(payload, DeviceEvent.class);
        } catch (ModelValidationException e) {
            return new Poison(topicKey, e.getMessage());
        } catch (RuntimeException e) {
            // The codec promises ModelValidationException; anything else is still this message's fault, and one
            // message must never stop the stream.
            return new Poison(topicKey, "unreadable: " + e);
        }
        if (!event.tenant().equals(topic.tenant()) || !event.device().equals(topic.device())) {
            return new Poison(topicKey, "source: " + event.source() + " does not match topic " + mqttTopic);
        }
        if (!event.data().eventName().equals(topic.eventName())) {
            return new Poison(topicKey, "type: " + event.type() + " does not match topic " + mqttTopic);
        }
        return new Event(event.partitionKey(), codec.writeBinary(event));
    }
}
