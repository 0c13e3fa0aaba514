package io.chargeplane.bridge.pump.kafka;

import io.chargeplane.bridge.pump.config.PumpConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer properties that carry the pump's guarantee: every record acknowledged by all in-sync replicas,
 * written once per send even when the producer retries, and one key's records kept in order across retries.
 */
public final class ProducerSettings {

    /** Properties that extra {@code producer.*} settings may not change. */
    static final Set<String> FIXED = Set.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.RETRIES_CONFIG, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);

    /** The idempotent producer keeps order across retries for up to this many requests in flight. */
    static final int MAX_ORDERED_IN_FLIGHT = 5;

    private ProducerSettings() {
    }

    public static Map<String, Object> of(PumpConfig.Kafka config, String clientId) {
        if (config.maxInFlight() < 1 || config.maxInFlight() > MAX_ORDERED_IN_FLIGHT) {
            throw new IllegalArgumentException("chargeplane.bridge.pump.kafka.max-in-flight must be 1.."
                    + MAX_ORDERED_IN_FLIGHT + " (order per device), was " + config.maxInFlight());
        }
        for (String key : config.producer().keySet()) {
            if (FIXED.contains(key)) {
                throw new IllegalArgumentException("chargeplane.bridge.pump.kafka.producer.\"" + key
                        + "\" cannot be set: the pump's delivery guarantee depends on it");
            }
        }
        Map<String, Object> props = new HashMap<>(config.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, config.maxInFlight());
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                config.deliveryTimeout().toMillis()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
