package io.chargeplane.bridge.core.metrics;

import io.chargeplane.model.device.Protocol;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bridge's meters. Every tag takes values from a closed set (protocol wire names, fixed kinds and
 * outcomes), so cardinality does not grow with devices. Meters are looked up once and cached, because the
 * publish path runs for every device message.
 *
 * <ul>
 *   <li>{@code chargeplane.bridge.connections} gauge, tag {@code protocol}</li>
 *   <li>{@code chargeplane.bridge.messages} counter, tags {@code protocol}, {@code direction} (in/out),
 *       {@code kind} (event, command, result, request, reply), {@code outcome}</li>
 *   <li>{@code chargeplane.bridge.errors} counter, tag {@code kind}</li>
 *   <li>{@code chargeplane.bridge.latency} timer, tags {@code protocol}, {@code operation}
 *       (publish: until PUBACK, request: until reply or policy answer, command: until the device answered)</li>
 * </ul>
 */
public final class BridgeMetrics {

    public static final String CONNECTIONS = "chargeplane.bridge.connections";
    public static final String MESSAGES = "chargeplane.bridge.messages";
    public static final String ERRORS = "chargeplane.bridge.errors";
    public static final String LATENCY = "chargeplane.bridge.latency";
    /** Tag value for messages that belong to no attached device (a command for a device gone elsewhere). */
    public static final String NO_PROTOCOL = "none";

    private final MeterRegistry registry;
    private final Map<Protocol, AtomicInteger> connections = new EnumMap<>(Protocol.class);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public BridgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Protocol protocol : Protocol.values()) {
            AtomicInteger count = new AtomicInteger();
            connections.put(protocol, count);
            Gauge.builder(CONNECTIONS, count, AtomicInteger::get)
                    .description("Device connections held by this bridge instance")
                    .tag("protocol", protocol.wireName())
                    .register(registry);
        }
    }

    public void connectionOpened(Protocol protocol) {
        connections.get(protocol).incrementAndGet();
    }

    public void connectionClosed(Protocol protocol) {
        connections.get(protocol).decrementAndGet();
    }

    public int connections(Protocol protocol) {
        return connections.get(protocol).get();
    }

    /** A counter to keep and increment; callers on hot paths look it up once. */
    public Counter messages(String protocol, String direction, String kind, String outcome) {
        String key = protocol + '|' + direction + '|' + kind + '|' + outcome;
        return counters.computeIfAbsent(key, k -> Counter.builder(MESSAGES)
                .description("Canonical messages through the bridge")
                .tag("protocol", protocol).tag("direction", direction).tag("kind", kind).tag("outcome", outcome)
                .register(registry));
    }

    public void error(String kind) {
        counters.computeIfAbsent("error|" + kind, k -> Counter.builder(ERRORS)
                .description("Failures on the device bus path")
                .tag("kind", kind)
                .register(registry)).increment();
    }

    public Timer latency(String protocol, String operation) {
        return timers.computeIfAbsent(protocol + '|' + operation, k -> Timer.builder(LATENCY)
                .description("Time from handing a message to the bus until it was settled")
                .tag("protocol", protocol).tag("operation", operation)
                .register(registry));
    }

    /** The meters one protocol's links use on every message, looked up once per protocol. */
    public ProtocolMeters forProtocol(Protocol protocol) {
        return new ProtocolMeters(this, protocol.wireName());
    }
}
