package io.chargeplane.bridge.credentials.keycloak;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Keycloak credential store's meters; every tag has a closed set of values.
 *
 * <ul>
 *   <li>{@code chargeplane.bridge.credentials.cache} counter, tag {@code result}: hit (verified secret),
 *       negative-hit (unknown or disabled remembered), miss</li>
 *   <li>{@code chargeplane.bridge.credentials.verdicts} counter, tag {@code verdict}: accepted, refused,
 *       unknown, disabled, unavailable</li>
 *   <li>{@code chargeplane.bridge.credentials.keycloak.calls} counter, tags {@code operation} (lookup: the
 *       admin API query for the device client; token: the device's client-credentials request that checks
 *       the secret; service-token: the bridge's own token) and {@code outcome} (ok, refused, error)</li>
 *   <li>{@code chargeplane.bridge.credentials.keycloak.latency} timer, tag {@code operation}</li>
 *   <li>gauges {@code chargeplane.bridge.credentials.cache.size}, {@code ...keycloak.running},
 *       {@code ...keycloak.queued}</li>
 * </ul>
 */
public final class CredentialMetrics {

    public static final String CACHE = "chargeplane.bridge.credentials.cache";
    public static final String VERDICTS = "chargeplane.bridge.credentials.verdicts";
    public static final String CALLS = "chargeplane.bridge.credentials.keycloak.calls";
    public static final String LATENCY = "chargeplane.bridge.credentials.keycloak.latency";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    CredentialMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void gauges(VerifiedCache cache, Admission admission) {
        registry.gauge("chargeplane.bridge.credentials.cache.size", cache, VerifiedCache::size);
        registry.gauge("chargeplane.bridge.credentials.keycloak.running", admission, Admission::running);
        registry.gauge("chargeplane.bridge.credentials.keycloak.queued", admission, Admission::queued);
    }

    void cache(String result) {
        counter(CACHE, "result", result).increment();
    }

    void verdict(String verdict) {
        counter(VERDICTS, "verdict", verdict).increment();
    }

    void call(String operation, String outcome, long startedNanos) {
        counter(CALLS, "operation", operation, "outcome", outcome).increment();
        timers.computeIfAbsent(operation, op -> Timer.builder(LATENCY).tag("operation", op)
                        .description("Duration of requests to Keycloak").register(registry))
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private Counter counter(String name, String... tags) {
        String key = name + String.join(",", tags);
        return counters.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry));
    }

}
