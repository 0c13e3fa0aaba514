package io.chargeplane.bridge.credentials.keycloak;

import io.chargeplane.bridge.core.spi.StationCredentials;
import io.chargeplane.bridge.core.spi.StationVerdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What Keycloak said recently, per station: either the digest of the secret it accepted with the station's
 * identity, kept {@code ttl} from the verification, or that the station is unknown or disabled, kept
 * {@code negativeTtl}. A hit never extends an entry, so a device revoked in Keycloak connects for at most
 * {@code ttl} after its last successful verification. At most {@code capacity} stations are kept; the oldest
 * written is dropped first.
 */
final class VerifiedCache {

    /** The cache's answer: a verdict, or null when Keycloak must be asked. */
    record Lookup(StationVerdict verdict, boolean negative) {
        static final Lookup MISS = new Lookup(null, false);

        boolean hit() {
            return verdict != null;
        }
    }

    private sealed interface Cached permits Verified, Negative {
        long expiresAt();
    }

    private record Verified(SecretDigest.Digest digest, StationCredentials station, long expiresAt) implements Cached {
    }

    private record Negative(StationVerdict verdict, long expiresAt) implements Cached {
    }

    private final long ttlNanos;
    private final long negativeTtlNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Cached> entries;

    VerifiedCache(int capacity, Duration ttl, Duration negativeTtl, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1");
        }
        this.ttlNanos = ttl.toNanos();
        this.negativeTtlNanos = negativeTtl.toNanos();
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Lookup get(String stationId, SecretDigest.Digest digest) {
        Cached entry = entries.get(stationId);
        if (entry == null) {
            return Lookup.MISS;
        }
        if (nanoClock.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(stationId);
            return Lookup.MISS;
        }
        return switch (entry) {
            case Verified v -> v.digest().equals(digest) ? new Lookup(StationVerdict.accepted(v.station()), false)
                    : Lookup.MISS;
            case Negative n -> new Lookup(n.verdict(), true);
        };
    }

    /** Keycloak accepted this secret: it replaces whatever the station had (a rotated secret wins at once). */
    synchronized void accepted(String stationId, SecretDigest.Digest digest, StationCredentials station) {
        put(stationId, new Verified(digest, station, nanoClock.getAsLong() + ttlNanos));
    }

    /** The station is unknown or disabled: remembered briefly, and any verified secret of it is forgotten. */
    synchronized void negative(String stationId, StationVerdict verdict) {
        if (negativeTtlNanos > 0) {
            put(stationId, new Negative(verdict, nanoClock.getAsLong() + negativeTtlNanos));
        } else {
            entries.remove(stationId);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void put(String stationId, Cached entry) {
        // Re-inserting moves the station to the young end, so eviction drops the oldest verification.
        entries.remove(stationId);
        entries.put(stationId, entry);
    }
}
