package io.chargeplane.device.identity;

import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The few calls of the Keycloak admin REST API that device identities need, on the realm's clients, authorized by
 * device-service's own service account. Keycloak being unreachable, slow or refusing the service is reported as
 * {@code service_unavailable} (503), so the caller's request changes nothing and may be retried.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class);

    /** Keycloak answers 409 when the clientId is taken. */
    public static final class ClientExists extends RuntimeException {
        ClientExists(String clientId) {
            super("client " + clientId + " already exists", null, false, false);
        }
    }

    private final WebClient http;
    private final KeycloakLocation location;
    private final AdminToken token;
    private final long timeoutMillis;

    public KeycloakAdmin(Vertx vertx, DeviceServiceConfig config) {
        DeviceServiceConfig.Identity identity = config.identity();
        this.timeoutMillis = identity.timeout().toMillis();
        this.http = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis)));
        this.location = KeycloakLocation.resolve(
                ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class).orElse(null),
                identity.adminUrl(), identity.realm());
        String secret = identity.clientSecret()
                .or(() -> ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.credentials.secret", String.class))
                .orElse("");
        this.token = new AdminToken(http, location, identity.clientId(), secret, identity.tokenRenewBefore(),
                identity.timeout(), Clock.systemUTC());
    }

    public KeycloakLocation location() {
        return location;
    }

    /** The client with exactly this clientId, as Keycloak represents it (including its internal {@code id}). */
    public Uni<Optional<JsonObject>> findClient(String clientId) {
        return call("find client " + clientId, () -> http.getAbs(location.clients())
                .addQueryParam("clientId", clientId).addQueryParam("search", "false"), HttpRequest::send)
                .map(response -> {
                    expect(response, "find client " + clientId, 200);
                    JsonArray found = response.bodyAsJsonArray();
                    for (int i = 0; i < found.size(); i++) {
                        JsonObject client = found.getJsonObject(i);
                        if (clientId.equals(client.getString("clientId"))) {
                            return Optional.of(client);
                        }
                    }
                    return Optional.<JsonObject>empty();
                });
    }

    /** One page of the realm's clients whose clientId contains {@code fragment}, in Keycloak's order. */
    public Uni<List<JsonObject>> listClients(String fragment, int first, int max) {
        return call("list clients", () -> http.getAbs(location.clients())
                .addQueryParam("clientId", fragment).addQueryParam("search", "true")
                .addQueryParam("first", Integer.toString(first)).addQueryParam("max", Integer.toString(max)),
                HttpRequest::send)
                .map(response -> {
                    expect(response, "list clients", 200);
                    JsonArray found = response.bodyAsJsonArray();
                    List<JsonObject> page = new java.util.ArrayList<>(found.size());
                    for (int i = 0; i < found.size(); i++) {
                        page.add(found.getJsonObject(i));
                    }
                    return page;
                });
    }

    /**
     * Creates a client.
     *
     * @return Keycloak's internal id of the new client
     * @throws ClientExists (as failure) when the clientId is taken
     */
    public Uni<String> createClient(Map<String, Object> representation) {
        String clientId = String.valueOf(representation.get("clientId"));
        JsonObject body = new JsonObject(representation);
        return call("create client " + clientId, () -> http.postAbs(location.clients()),
                request -> request.sendJsonObject(body))
                .map(response -> {
                    if (response.statusCode() == 409) {
                        throw new ClientExists(clientId);
                    }
                    expect(response, "create client " + clientId, 201);
                    String created = response.getHeader("Location");
                    return created.substring(created.lastIndexOf('/') + 1);
                });
    }

    /** Replaces the client's representation (read it first with {@link #findClient}). */
    public Uni<Void> updateClient(String id, JsonObject representation) {
        return call("update client " + id, () -> http.putAbs(location.clients() + "/" + id),
                request -> request.sendJsonObject(representation))
                .invoke(response -> expect(response, "update client " + id, 204))
                .replaceWithVoid();
    }

    /** Deletes the client; one that is already gone counts as deleted. */
    public Uni<Void> deleteClient(String id) {
        return call("delete client " + id, () -> http.deleteAbs(location.clients() + "/" + id), HttpRequest::send)
                .invoke(response -> {
                    if (response.statusCode() != 404) {
                        expect(response, "delete client " + id, 204);
                    }
                })
                .replaceWithVoid();
    }

    /** Sends with the cached admin token; a 401 (token revoked or expired early) is retried once with a new one. */
    private Uni<HttpResponse<Buffer>> call(String what, Supplier<HttpRequest<Buffer>> request,
                                           Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send) {
        return attempt(what, request, send).flatMap(response -> {
            if (response.statusCode() != 401) {
                return Uni.createFrom().item(response);
            }
            token.invalidate();
            return attempt(what, request, send);
        });
    }

    private Uni<HttpResponse<Buffer>> attempt(String what, Supplier<HttpRequest<Buffer>> request,
                                              Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send) {
        return token.get().flatMap(bearer -> send.apply(request.get().bearerTokenAuthentication(bearer)
                        .timeout(timeoutMillis))
                .onFailure().transform(e -> unreachable(what, e)));
    }

    private static void expect(HttpResponse<Buffer> response, String what, int status) {
        if (response.statusCode() != status) {
            throw refused(what, response.statusCode());
        }
    }

    static ProblemException unreachable(String what, Throwable cause) {
        if (cause instanceof ProblemException problem) {
            return problem;
        }
        LOG.warnf("Keycloak admin API: %s failed: %s", what, cause.toString());
        return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                "the identity provider cannot be reached; the request was not carried out, retry later", List.of(), cause);
    }

    static ProblemException refused(String what, int status) {
        LOG.errorf("Keycloak admin API: %s answered HTTP %d", what, status);
        return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                "the identity provider refused the change (HTTP " + status + "); the request was not carried out, retry later");
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
