package io.chargeplane.bridge.pump.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.bridge.pump.config.PumpConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    private static PumpConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(PumpConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build().getConfigMapping(PumpConfig.class);
    }

    @Test
    void defaultsWaitForAllReplicasWriteOnceAndKeepOrder() {
        PumpConfig config = config(Map.of());
        Map<String, Object> props = ProducerSettings.of(config.kafka(), "pump-1");

        assertEquals("all", props.get("acks"));
        assertEquals(true, props.get("enable.idempotence"));
        assertEquals(5, props.get("max.in.flight.requests.per.connection"));
        assertEquals(Integer.MAX_VALUE, props.get("retries"));
        assertEquals((int) Duration.ofDays(7).toMillis(), props.get("delivery.timeout.ms"));
        assertEquals("chargeplane.device-events.v1", config.kafka().topic());
        assertEquals("chargeplane.device-events.dlq.v1", config.kafka().deadLetterTopic());
        assertEquals("$share/event-pump/chargeplane/v1/+/+/evt/+",
                io.chargeplane.model.topic.Topics.shared(config.group(), io.chargeplane.model.topic.Topics.allEvents()));
    }

    @Test
    void extraProducerPropertiesPassThrough() {
        Map<String, String> values = new HashMap<>();
        values.put("chargeplane.bridge.pump.kafka.producer.\"compression.type\"", "lz4");
        Map<String, Object> props = ProducerSettings.of(config(values).kafka(), "pump-1");

        assertEquals("lz4", props.get("compression.type"));
    }

    @Test
    void overridingTheAcknowledgementModeIsRefused() {
        Map<String, String> values = Map.of("chargeplane.bridge.pump.kafka.producer.acks", "1");
        assertThrows(IllegalArgumentException.class, () -> ProducerSettings.of(config(values).kafka(), "pump-1"));
    }

    @Test
    void moreThanFiveRequestsInFlightIsRefusedBecauseOrderWouldBreak() {
        Map<String, String> values = Map.of("chargeplane.bridge.pump.kafka.max-in-flight", "6");
        assertThrows(IllegalArgumentException.class, () -> ProducerSettings.of(config(values).kafka(), "pump-1"));
    }
}
