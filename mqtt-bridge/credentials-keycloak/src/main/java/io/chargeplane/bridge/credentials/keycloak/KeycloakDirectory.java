package io.chargeplane.bridge.credentials.keycloak;

import io.chargeplane.bridge.core.spi.CredentialsUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The two questions the store asks Keycloak, over Vert.x's non-blocking web client: which device client
 * belongs to a station (admin API, with the bridge's service-account token), and whether a secret is that
 * client's secret (a client-credentials token request as the device: 200 means yes). Anything else than a
 * clear answer fails with {@link CredentialsUnavailableException}.
 */
final class KeycloakDirectory implements AutoCloseable {

    /** What the admin API says about a station's device client. */
    record DeviceClient(boolean enabled, String tenant, String device, int securityProfile) {
    }

    private record ServiceToken(String value, long renewAtNanos) {
    }

    static final String TENANT_ATTRIBUTE = "chargeplane.tenant";
    static final String DEVICE_ATTRIBUTE = "chargeplane.device";
    static final String PROFILE_ATTRIBUTE = "chargeplane.security-profile";

    private final WebClient web;
    private final KeycloakCredentialsConfig config;
    private final CredentialMetrics metrics;
    private final String tokenUrl;
    private final String clientsUrl;
    private final String clientSecret;
    private ServiceToken serviceToken;
    private CompletableFuture<String> renewing;

    KeycloakDirectory(Vertx vertx, KeycloakCredentialsConfig config, CredentialMetrics metrics) {
        String server = config.serverUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseThrow(() -> new IllegalArgumentException(
                        "chargeplane.bridge.credentials.keycloak.server-url is required with source=keycloak"));
        this.clientSecret = config.clientSecret().orElseThrow(() -> new IllegalArgumentException(
                "chargeplane.bridge.credentials.keycloak.client-secret is required with source=keycloak"));
        this.config = config;
        this.metrics = metrics;
        this.tokenUrl = server + "/realms/" + config.realm() + "/protocol/openid-connect/token";
        this.clientsUrl = server + "/admin/realms/" + config.realm() + "/clients";
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()))
                .setMaxPoolSize(Math.max(4, config.maxConcurrent() * 2))
                .setKeepAlive(true));
    }

    /** The station's device client, or a null item when it has none. */
    CompletionStage<DeviceClient> lookup(String stationId) {
        return serviceToken().thenCompose(token -> lookupWith(token, stationId, true));
    }

    private CompletionStage<DeviceClient> lookupWith(String token, String stationId, boolean mayRenew) {
        long started = System.nanoTime();
        Future<HttpResponse<Buffer>> sent = web.getAbs(clientsUrl)
                .addQueryParam("clientId", config.deviceClientPrefix() + stationId)
                .addQueryParam("search", "false")
                .bearerTokenAuthentication(token)
                .timeout(config.requestTimeout().toMillis())
                .send();
        return stage(sent, "lookup", started).thenCompose(response -> {
            if (response.statusCode() == 401 && mayRenew) {
                // The token expired early (realm settings changed, Keycloak restarted): renew once.
                metrics.call("lookup", "refused", started);
                forgetServiceToken(token);
                return serviceToken().thenCompose(renewed -> lookupWith(renewed, stationId, false));
            }
            if (response.statusCode() != 200) {
                metrics.call("lookup", "error", started);
                throw new CredentialsUnavailableException("Keycloak client lookup answered " + response.statusCode()
                        + (response.statusCode() == 403 ? " (the bridge's service account needs view-clients)" : ""));
            }
            metrics.call("lookup", "ok", started);
            return CompletableFuture.completedFuture(deviceClient(response.bodyAsJsonArray(), stationId));
        });
    }

    private DeviceClient deviceClient(JsonArray clients, String stationId) {
        String clientId = config.deviceClientPrefix() + stationId;
        for (int i = 0; i < clients.size(); i++) {
            JsonObject client = clients.getJsonObject(i);
            // The query is exact with search=false; checked again so a server that matches loosely cannot
            // hand one station another's identity.
            if (!clientId.equals(client.getString("clientId"))) {
                continue;
            }
            JsonObject attributes = client.getJsonObject("attributes", new JsonObject());
            String tenant = attributes.getString(TENANT_ATTRIBUTE);
            String device = attributes.getString(DEVICE_ATTRIBUTE, stationId);
            int profile = parseProfile(attributes.getString(PROFILE_ATTRIBUTE));
            boolean complete = tenant != null && !tenant.isBlank() && device != null && !device.isBlank();
            // A client without a tenant cannot be placed on the bus: it is as good as disabled.
            return new DeviceClient(client.getBoolean("enabled", false) && complete, complete ? tenant : null,
                    complete ? device : null, profile);
        }
        return null;
    }

    private static int parseProfile(String text) {
        if (text == null) {
            return 1;
        }
        try {
            int profile = Integer.parseInt(text.trim());
            return profile >= 1 && profile <= 3 ? profile : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Whether Keycloak issues a token to the station's device client for this secret. */
    CompletionStage<Boolean> secretMatches(String stationId, String secret) {
        long started = System.nanoTime();
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", config.deviceClientPrefix() + stationId)
                .add("client_secret", secret);
        return stage(web.postAbs(tokenUrl).timeout(config.requestTimeout().toMillis()).sendForm(form), "token", started)
                .thenApply(response -> {
                    int status = response.statusCode();
                    if (status == 200) {
                        metrics.call("token", "ok", started);
                        return true;
                    }
                    // 401 invalid_client: wrong secret; 400 unauthorized_client: the client may not use the grant.
                    if (status == 401 || status == 400) {
                        metrics.call("token", "refused", started);
                        return false;
                    }
                    metrics.call("token", "error", started);
                    throw new CredentialsUnavailableException("Keycloak token endpoint answered " + status);
                });
    }

    private CompletionStage<String> serviceToken() {
        CompletableFuture<String> renewal;
        synchronized (this) {
            if (serviceToken != null && System.nanoTime() - serviceToken.renewAtNanos() < 0) {
                return CompletableFuture.completedFuture(serviceToken.value());
            }
            if (renewing != null) {
                return renewing;
            }
            renewal = renewing = new CompletableFuture<>();
        }
        long started = System.nanoTime();
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", config.clientId())
                .add("client_secret", clientSecret);
        stage(web.postAbs(tokenUrl).timeout(config.requestTimeout().toMillis()).sendForm(form), "service-token", started)
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        metrics.call("service-token", "error", started);
                        throw new CredentialsUnavailableException("Keycloak refused the bridge's own token ("
                                + response.statusCode() + "): check client-id and client-secret");
                    }
                    metrics.call("service-token", "ok", started);
                    JsonObject body = response.bodyAsJsonObject();
                    long lifetime = body.getLong("expires_in", 60L);
                    // Renew at 3/4 of the lifetime, so a token never expires between check and use.
                    return new ServiceToken(body.getString("access_token"),
                            System.nanoTime() + lifetime * 750_000_000L);
                })
                .whenComplete((token, failure) -> {
                    synchronized (this) {
                        renewing = null;
                        if (token != null) {
                            serviceToken = token;
                        }
                    }
                    if (failure != null) {
                        renewal.completeExceptionally(unwrap(failure));
                    } else {
                        renewal.complete(token.value());
                    }
                });
        return renewal;
    }

    private synchronized void forgetServiceToken(String token) {
        if (serviceToken != null && serviceToken.value().equals(token)) {
            serviceToken = null;
        }
    }

    private CompletionStage<HttpResponse<Buffer>> stage(Future<HttpResponse<Buffer>> sent, String operation,
                                                        long started) {
        return sent.toCompletionStage().exceptionallyCompose(failure -> {
            metrics.call(operation, "error", started);
            return CompletableFuture.failedFuture(new CredentialsUnavailableException(
                    "Keycloak unreachable (" + operation + "): " + failure.getMessage(), failure));
        });
    }

    static Throwable unwrap(Throwable failure) {
        while (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    @Override
    public void close() {
        web.close();
    }
}
