package io.chargeplane.device.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * device-service's own access token for the admin API, obtained by the client-credentials grant and reused until
 * shortly before it expires. Concurrent renewals are harmless (each yields a valid token), so there is no lock.
 */
final class AdminToken {

    private record Cached(String value, Instant renewAt) {
    }

    private final WebClient http;
    private final KeycloakLocation location;
    private final String clientId;
    private final String clientSecret;
    private final Duration renewBefore;
    private final long timeoutMillis;
    private final Clock clock;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    AdminToken(WebClient http, KeycloakLocation location, String clientId, String clientSecret, Duration renewBefore,
               Duration timeout, Clock clock) {
        this.http = http;
        this.location = location;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.renewBefore = renewBefore;
        this.timeoutMillis = timeout.toMillis();
        this.clock = clock;
    }

    Uni<String> get() {
        Cached current = cached.get();
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return Uni.createFrom().item(current.value());
        }
        return fetch();
    }

    /** Drops the cached token, e.g. after the admin API refused it. */
    void invalidate() {
        cached.set(null);
    }

    private Uni<String> fetch() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", clientId)
                .add("client_secret", clientSecret);
        Instant asked = clock.instant();
        return http.postAbs(location.tokenEndpoint()).timeout(timeoutMillis).sendForm(form)
                .onFailure().transform(e -> KeycloakAdmin.unreachable("token request", e))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw KeycloakAdmin.refused("token request for " + clientId, response.statusCode());
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    String token = body.getString("access_token");
                    long lifetime = body.getLong("expires_in", 60L);
                    cached.set(new Cached(token, asked.plusSeconds(lifetime).minus(renewBefore)));
                    return token;
                });
    }
}
