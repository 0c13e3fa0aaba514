package io.chargeplane.bridge.pump;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code chargeplane.pump.events} (counter; {@code outcome}) and {@code chargeplane.pump.in_flight} (gauge:
 * events received from the bus and not yet acknowledged to it).
 */
public final class PumpMetrics {

    /** What became of one MQTT message; a closed set, so the tag stays bounded. */
    public enum Outcome {
        /** Written to the event topic and acknowledged on the bus. */
        DELIVERED("delivered"),
        /** Not a valid canonical event: written to the dead-letter topic and acknowledged. */
        DEAD_LETTERED("dead_lettered"),
        /** A Kafka send failed and is tried again; the event is still unacknowledged. */
        RETRIED("retried"),
        /** Arrived while the pump was stopping: left unacknowledged for the broker to deliver again. */
        RETURNED("returned");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public PumpMetrics(MeterRegistry registry, Supplier<Number> inFlight) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("chargeplane.pump.events")
                    .description("MQTT device events handled by the event pump, by outcome")
                    .tag("outcome", outcome.tag)
                    .register(registry));
        }
        Gauge.builder("chargeplane.pump.in_flight", inFlight)
                .description("Events received from the device bus and not yet acknowledged to it")
                .register(registry);
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }

    public double count(String outcomeTag) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.tag.equals(outcomeTag)) {
                return counters.get(outcome).count();
            }
        }
        throw new IllegalArgumentException("unknown outcome " + outcomeTag);
    }
}
