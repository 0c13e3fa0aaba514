package io.chargeplane.charging.config;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * charging-service's own access token (client credentials, realm role {@code service}) for calls to the other
 * services. Kept until shortly before it expires; concurrent callers share one token request.
 */
@ApplicationScoped
public class ServiceTokens {

    private record Cached(String token, Instant refreshAfter) {
    }

    private final WebClient web;
    private final ChargingConfig.Oidc config;
    private final Clock clock;
    private volatile Cached cached;
    private volatile Uni<String> inFlight;

    public ServiceTokens(WebClient web, ChargingConfig config, Clock clock) {
        this.web = web;
        this.config = config.oidc();
        this.clock = clock;
    }

    public Uni<String> token() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.refreshAfter())) {
            return Uni.createFrom().item(current.token());
        }
        synchronized (this) {
            if (inFlight == null) {
                inFlight = fetch().eventually(() -> {
                    synchronized (this) {
                        inFlight = null;
                    }
                }).memoize().indefinitely();
            }
            return inFlight;
        }
    }

    private Uni<String> fetch() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", config.clientId())
                .add("client_secret", config.clientSecret());
        return web.postAbs(config.tokenUrl()).sendForm(form).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode());
            }
            JsonObject body = response.bodyAsJsonObject();
            long expiresIn = body.getLong("expires_in", 60L);
            String token = body.getString("access_token");
            cached = new Cached(token, clock.instant().plusSeconds(Math.max(5, expiresIn - 30)));
            return token;
        });
    }
}
