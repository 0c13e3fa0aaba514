package io.chargeplane.bridge.credentials.keycloak;

import io.chargeplane.bridge.core.spi.CredentialStore;
import io.chargeplane.bridge.core.spi.CredentialsUnavailableException;
import io.chargeplane.bridge.core.spi.StationCredentials;
import io.chargeplane.bridge.core.spi.StationVerdict;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Verifies a charger's Basic-auth secret against its Keycloak device client ({@code device-<stationId>}):
 * the admin API says whether the client exists, is enabled and which tenant and device it is; a
 * client-credentials token request with the secret says whether the secret is right.
 *
 * <p>In front of Keycloak, in this order: the {@link VerifiedCache} (a secret Keycloak accepted is accepted
 * again for {@code cache-ttl} by its salted digest, with no call; unknown and disabled stations are answered
 * for {@code unknown-ttl}); {@link SingleFlight} per station (a reconnect storm of one charger costs one
 * verification); {@link Admission} (at most {@code max-concurrent} verifications talk to Keycloak, the rest
 * wait up to {@code queue-timeout} and then get 503). When Keycloak is down, cached stations still connect and
 * the others are told to retry; nobody is told their secret is wrong.
 */
public final class KeycloakCredentialStore implements CredentialStore, AutoCloseable {

    private final SecretDigest digests = new SecretDigest();
    private final VerifiedCache cache;
    private final SingleFlight<String, SecretDigest.Digest> flights = new SingleFlight<>();
    private final Admission admission;
    private final KeycloakDirectory directory;
    private final CredentialMetrics metrics;

    public KeycloakCredentialStore(Vertx vertx, KeycloakCredentialsConfig config, MeterRegistry registry) {
        this.metrics = new CredentialMetrics(registry);
        this.cache = new VerifiedCache(config.cacheCapacity(), config.cacheTtl(), config.unknownTtl(), System::nanoTime);
        this.admission = new Admission(config.maxConcurrent(), config.maxQueued(), config.queueTimeout());
        this.directory = new KeycloakDirectory(vertx, config, metrics);
        metrics.gauges(cache, admission);
    }

    @Override
    public Uni<StationVerdict> verify(String stationId, byte[] secret) {
        if (stationId == null || stationId.isEmpty()) {
            return Uni.createFrom().item(StationVerdict.UNKNOWN);
        }
        SecretDigest.Digest digest = digests.of(stationId, secret);
        VerifiedCache.Lookup cached = cache.get(stationId, digest);
        if (cached.hit()) {
            metrics.cache(cached.negative() ? "negative-hit" : "hit");
            metrics.verdict(name(cached.verdict()));
            return Uni.createFrom().item(cached.verdict());
        }
        metrics.cache("miss");
        String text = secret == null ? null : utf8(secret);
        CompletionStage<StationVerdict> decided = flights.run(stationId, digest,
                () -> admission.run(() -> ask(stationId, text, digest)));
        return Uni.createFrom().completionStage(decided)
                .onFailure().transform(KeycloakDirectory::unwrap)
                .onFailure().transform(failure -> failure instanceof CredentialsUnavailableException
                        ? failure : new CredentialsUnavailableException("credential check failed", failure))
                .onItemOrFailure().invoke((verdict, failure) ->
                        metrics.verdict(failure != null ? "unavailable" : name(verdict)));
    }

    /** One verification against Keycloak: lookup, then (for an enabled client and a secret) the token request. */
    private CompletionStage<StationVerdict> ask(String stationId, String secret, SecretDigest.Digest digest) {
        // A cache filled while this caller queued (by a flight with the same secret that ended) saves the calls.
        VerifiedCache.Lookup cached = cache.get(stationId, digest);
        if (cached.hit()) {
            return CompletableFuture.completedFuture(cached.verdict());
        }
        return directory.lookup(stationId).thenCompose(client -> {
            if (client == null || !client.enabled()) {
                StationVerdict verdict = client == null ? StationVerdict.UNKNOWN : StationVerdict.DISABLED;
                cache.negative(stationId, verdict);
                return CompletableFuture.completedFuture(verdict);
            }
            if (secret == null) {
                return CompletableFuture.completedFuture(StationVerdict.REFUSED);
            }
            return directory.secretMatches(stationId, secret).thenApply(matches -> {
                if (!matches) {
                    return StationVerdict.REFUSED;
                }
                StationCredentials station = new StationCredentials(stationId, TenantId.of(client.tenant()),
                        DeviceId.of(client.device()), null, client.securityProfile(), true);
                cache.accepted(stationId, digest, station);
                return StationVerdict.accepted(station);
            });
        });
    }

    /** Keycloak secrets are text; bytes that are not UTF-8 cannot be one, and are sent as an impossible secret. */
    private static String utf8(byte[] secret) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(secret)).toString();
        } catch (CharacterCodingException e) {
            return "\u0000not-utf-8";
        }
    }

    private static String name(StationVerdict verdict) {
        return switch (verdict) {
            case StationVerdict.Accepted a -> "accepted";
            case StationVerdict.Refused r -> "refused";
            case StationVerdict.Unknown u -> "unknown";
            case StationVerdict.Disabled d -> "disabled";
        };
    }

    @Override
    public void close() {
        directory.close();
    }
}
