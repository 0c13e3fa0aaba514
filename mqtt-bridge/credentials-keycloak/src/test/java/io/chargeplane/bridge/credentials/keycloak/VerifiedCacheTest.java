package io.chargeplane.bridge.credentials.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.StationCredentials;
import io.chargeplane.bridge.core.spi.StationVerdict;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SecretDigest digests = new SecretDigest();
    private final VerifiedCache cache = new VerifiedCache(3, Duration.ofMinutes(5), Duration.ofSeconds(30), now::get);

    @Test
    void anAcceptedSecretIsAHitUntilTheTtlAndAMissFromThenOn() {
        cache.accepted("CP-1", digest("CP-1", "s3cret"), station("CP-1"));
        advance(Duration.ofMinutes(5).minusNanos(1));
        VerifiedCache.Lookup hit = cache.get("CP-1", digest("CP-1", "s3cret"));
        assertTrue(hit.hit());
        assertEquals("acme", assertInstanceOf(StationVerdict.Accepted.class, hit.verdict()).station().tenant().value());
        advance(Duration.ofNanos(1));
        assertFalse(cache.get("CP-1", digest("CP-1", "s3cret")).hit(), "a hit never extends the entry");
        assertEquals(0, cache.size());
    }

    @Test
    void anotherSecretIsAMissAndANewlyAcceptedSecretReplacesTheOld() {
        cache.accepted("CP-1", digest("CP-1", "old"), station("CP-1"));
        assertFalse(cache.get("CP-1", digest("CP-1", "new")).hit());
        cache.accepted("CP-1", digest("CP-1", "new"), station("CP-1"));
        assertTrue(cache.get("CP-1", digest("CP-1", "new")).hit());
        assertFalse(cache.get("CP-1", digest("CP-1", "old")).hit());
    }

    @Test
    void unknownAndDisabledStationsAreRememberedOnlyForTheShortTtl() {
        cache.negative("CP-9", StationVerdict.UNKNOWN);
        VerifiedCache.Lookup remembered = cache.get("CP-9", digest("CP-9", "anything"));
        assertTrue(remembered.hit() && remembered.negative());
        assertInstanceOf(StationVerdict.Unknown.class, remembered.verdict());
        advance(Duration.ofSeconds(30));
        assertFalse(cache.get("CP-9", digest("CP-9", "anything")).hit());
    }

    @Test
    void aStationFoundDisabledLosesItsVerifiedSecret() {
        cache.accepted("CP-1", digest("CP-1", "s3cret"), station("CP-1"));
        cache.negative("CP-1", StationVerdict.DISABLED);
        assertInstanceOf(StationVerdict.Disabled.class, cache.get("CP-1", digest("CP-1", "s3cret")).verdict());
    }

    @Test
    void beyondCapacityTheOldestVerificationIsDropped() {
        for (int i = 1; i <= 4; i++) {
            cache.accepted("CP-" + i, digest("CP-" + i, "s"), station("CP-" + i));
        }
        assertEquals(3, cache.size());
        assertFalse(cache.get("CP-1", digest("CP-1", "s")).hit());
        assertTrue(cache.get("CP-4", digest("CP-4", "s")).hit());
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private SecretDigest.Digest digest(String station, String secret) {
        return digests.of(station, secret.getBytes(StandardCharsets.UTF_8));
    }

    private static StationCredentials station(String id) {
        return new StationCredentials(id, TenantId.of("acme"), DeviceId.of(id), null, 1, true);
    }
}
