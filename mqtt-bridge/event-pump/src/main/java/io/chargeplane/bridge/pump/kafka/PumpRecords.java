package io.chargeplane.bridge.pump.kafka;

import io.chargeplane.bridge.pump.EventTranslator.Event;
import io.chargeplane.bridge.pump.EventTranslator.Outcome;
import io.chargeplane.bridge.pump.EventTranslator.Poison;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The Kafka records the pump writes: events in CloudEvents binary mode, poison with its reason. */
public final class PumpRecords {

    /** Why a message is in the dead-letter topic (UTF-8). */
    public static final String ERROR_HEADER = "chargeplane_error";
    /** The MQTT topic the dead letter arrived on (UTF-8). */
    public static final String MQTT_TOPIC_HEADER = "chargeplane_mqtt_topic";

    private final String eventTopic;
    private final String deadLetterTopic;

    public PumpRecords(String eventTopic, String deadLetterTopic) {
        this.eventTopic = eventTopic;
        this.deadLetterTopic = deadLetterTopic;
    }

    public ProducerRecord<String, byte[]> record(Outcome outcome, String mqttTopic, byte[] payload) {
        return switch (outcome) {
            case Event event -> event(event);
            case Poison poison -> deadLetter(poison.key(), poison.reason(), mqttTopic, payload);
        };
    }

    ProducerRecord<String, byte[]> event(Event event) {
        List<Header> headers = new ArrayList<>(event.message().headers().size());
        for (Map.Entry<String, byte[]> header : event.message().headers().entrySet()) {
            headers.add(new RecordHeader(header.getKey(), header.getValue()));
        }
        return new ProducerRecord<>(eventTopic, null, event.key(), event.message().data(), headers);
    }

    /** The original MQTT payload, unchanged, so it can be inspected and replayed once the cause is fixed. */
    public ProducerRecord<String, byte[]> deadLetter(String key, String reason, String mqttTopic, byte[] payload) {
        List<Header> headers = List.of(
                new RecordHeader(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(MQTT_TOPIC_HEADER, mqttTopic.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(deadLetterTopic, null, key, payload, headers);
    }

    public boolean isDeadLetter(ProducerRecord<?, ?> record) {
        return deadLetterTopic.equals(record.topic());
    }
}
