package io.chargeplane.bridge.core.request;

import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.TenantId;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;

/**
 * Identification tokens the platform accepted recently, per tenant, for the {@code accept-known} offline
 * policy. Bounded by age and count; the oldest acceptance is forgotten first.
 */
final class KnownTokens {

    private record Key(TenantId tenant, IdToken token) {
    }

    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier nanoClock;
    // Insertion order is acceptance order because a re-accepted token is removed and put back.
    private final LinkedHashMap<Key, Long> acceptedAt = new LinkedHashMap<>();

    KnownTokens(Duration ttl, int capacity, LongSupplier nanoClock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("known-token TTL must be positive");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("known-token capacity must be >= 1");
        }
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    void record(TenantId tenant, IdToken token, AuthorizationStatus status) {
        Key key = new Key(tenant, token);
        synchronized (acceptedAt) {
            acceptedAt.remove(key);
            if (!status.accepted()) {
                return;
            }
            acceptedAt.put(key, nanoClock.getAsLong());
            if (acceptedAt.size() > capacity) {
                Iterator<Key> oldest = acceptedAt.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    boolean isKnown(TenantId tenant, IdToken token) {
        Key key = new Key(tenant, token);
        synchronized (acceptedAt) {
            Long at = acceptedAt.get(key);
            if (at == null) {
                return false;
            }
            if (nanoClock.getAsLong() - at >= ttlNanos) {
                acceptedAt.remove(key);
                return false;
            }
            return true;
        }
    }
}
