package io.chargeplane.charging.device;

import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.charging.config.ServiceTokens;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * device-service as charging-service uses it, with its own service token and the tenant named in the header: the
 * registry (does the station exist, where is it, is it enabled), its live status (online) and the capability API
 * ({@code start_charging}, {@code stop_charging}).
 */
@ApplicationScoped
public class DeviceServiceClient {

    /** What charging-service needs to know about a registered device. */
    public record RegisteredDevice(String registryId, String identity, String site, boolean enabled,
                                   JsonArray evses) {

        public boolean hasConnector(int evse, Integer connector) {
            for (Object e : evses) {
                JsonObject evseView = (JsonObject) e;
                if (evseView.getInteger("evseNumber") == evse) {
                    if (connector == null) {
                        return true;
                    }
                    for (Object c : evseView.getJsonArray("connectors", new JsonArray())) {
                        if (((JsonObject) c).getInteger("connectorNumber") == connector.intValue()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** The device's answer to a command: ACCEPTED, REJECTED ..., or PENDING when it did not answer in time. */
    public record CommandOutcome(int httpStatus, String status, String reasonCode, String problemCode) {

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    private final WebClient web;
    private final ServiceTokens tokens;
    private final ChargingConfig.Remote config;

    public DeviceServiceClient(WebClient web, ServiceTokens tokens, ChargingConfig config) {
        this.web = web;
        this.tokens = tokens;
        this.config = config.deviceService();
    }

    /** The device with this registry identity in the tenant, or null when the tenant has none. */
    public Uni<RegisteredDevice> findByIdentity(TenantId tenant, String identity) {
        String query = "/api/v1/devices?size=100&q=" + URLEncoder.encode(identity, StandardCharsets.UTF_8);
        return call(tenant, web.getAbs(config.url() + query)).flatMap(req -> req.send()).map(response -> {
            expect(response, 200);
            for (Object item : response.bodyAsJsonObject().getJsonArray("items")) {
                JsonObject device = (JsonObject) item;
                if (identity.equals(device.getString("identity"))) {
                    return new RegisteredDevice(device.getString("id"), identity, device.getString("siteId"),
                            "ENABLED".equals(device.getString("status")), device.getJsonArray("evses", new JsonArray()));
                }
            }
            return null;
        });
    }

    public Uni<Boolean> online(TenantId tenant, String registryId) {
        return call(tenant, web.getAbs(config.url() + "/api/v1/devices/" + registryId + "/status"))
                .flatMap(req -> req.send())
                .map(response -> {
                    expect(response, 200);
                    return response.bodyAsJsonObject().getBoolean("online", false);
                });
    }

    /** Sends a capability command; the body is the model's command record. */
    public Uni<CommandOutcome> command(TenantId tenant, String registryId, String capability, Object body,
                                       String idempotencyKey) {
        Buffer json = Buffer.buffer(CanonicalCodec.defaultCodec().writeJson(body));
        return call(tenant, web.postAbs(config.url() + "/api/v1/devices/" + registryId + "/commands/" + capability))
                .flatMap(req -> req.putHeader("Idempotency-Key", idempotencyKey)
                        .putHeader("Content-Type", "application/json").sendBuffer(json))
                .map(response -> {
                    JsonObject answer = response.body() == null ? new JsonObject() : response.bodyAsJsonObject();
                    if (response.statusCode() == 200 || response.statusCode() == 202) {
                        return new CommandOutcome(response.statusCode(), answer.getString("status"),
                                answer.getString("reasonCode"), null);
                    }
                    if (response.statusCode() >= 500) {
                        throw new IllegalStateException("device-service answered " + response.statusCode());
                    }
                    return new CommandOutcome(response.statusCode(), null, null, answer.getString("code"));
                });
    }

    private Uni<HttpRequest<Buffer>> call(TenantId tenant, HttpRequest<Buffer> request) {
        return tokens.token().map(token -> request.bearerTokenAuthentication(token)
                .putHeader(TenantContext.TENANT_HEADER, tenant.value())
                .timeout(config.timeout().toMillis()));
    }

    private static void expect(HttpResponse<Buffer> response, int status) {
        if (response.statusCode() != status) {
            throw new RemoteCallException("device-service", response.statusCode(), response.bodyAsString());
        }
    }
}
