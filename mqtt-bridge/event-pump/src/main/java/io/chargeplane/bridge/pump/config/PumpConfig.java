package io.chargeplane.bridge.pump.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The event pump's settings under {@code chargeplane.bridge.pump.*}. The broker address and credentials are the
 * bridge's own ({@code chargeplane.bridge.mqtt.*}); only what is particular to the pump lives here.
 */
@ConfigMapping(prefix = "chargeplane.bridge.pump")
public interface PumpConfig {

    /**
     * The pump's MQTT client id. It must stay the same across restarts of one pump instance (a StatefulSet pod
     * name, for example): the broker keeps the persistent session, and the messages delivered to it but not yet
     * acknowledged, under this id. Default: {@code pump-} plus the host name.
     */
    Optional<String> clientId();

    /** The shared-subscription group; pumps in one group split the events between them. */
    @WithDefault("event-pump")
    String group();

    /**
     * How long the broker keeps this pump's session (subscription and unacknowledged messages) while the pump is
     * away. A pump that stays away longer loses its session; messages it had received but not acknowledged are
     * then the broker's to redeliver or drop.
     */
    @WithDefault("1h")
    Duration sessionExpiry();

    /**
     * MQTT 5 receive maximum: most events delivered to this pump and not yet acknowledged. It bounds the pump's
     * memory while Kafka is slow or down; the broker keeps everything beyond it.
     */
    @WithDefault("256")
    int receiveMaximum();

    /** Pause before a send that failed is tried again (the event stays unacknowledged meanwhile). */
    @WithDefault("1s")
    Duration retryBackoff();

    /** How long a graceful stop waits for sends already handed to Kafka to be acknowledged. */
    @WithDefault("10s")
    Duration drainTimeout();

    Kafka kafka();

    interface Kafka {
        @WithDefault("localhost:9092")
        String bootstrapServers();

        @WithDefault("chargeplane.device-events.v1")
        String topic();

        /** Where messages go that are not valid canonical events, with the reason in a header. */
        @WithDefault("chargeplane.device-events.dlq.v1")
        String deadLetterTopic();

        /**
         * {@code max.in.flight.requests.per.connection}. At most 5: beyond that the idempotent producer no longer
         * keeps one key's records in order across retries.
         */
        @WithDefault("5")
        int maxInFlight();

        @WithDefault("5ms")
        Duration linger();

        /** How long a send may wait for topic metadata while Kafka is unreachable before it is tried again. */
        @WithDefault("30s")
        Duration maxBlock();

        /**
         * {@code delivery.timeout.ms}. Long on purpose: the producer keeps retrying an outage inside one
         * in-order stream instead of failing records that the pump would then resend out of order.
         */
        @WithDefault("7d")
        Duration deliveryTimeout();

        /**
         * More producer properties (security, compression, ...). Those that carry the delivery guarantee
         * ({@code acks}, {@code enable.idempotence}, serializers) cannot be overridden here.
         */
        Map<String, String> producer();
    }
}
