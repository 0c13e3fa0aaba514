package io.chargeplane.charging.billing;

import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.charging.config.ServiceTokens;
import io.chargeplane.charging.device.RemoteCallException;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * billing-service as charging-service uses it: the session's pre-authorisation hold (taken, released) and the
 * quote of the cost so far. Every change carries an Idempotency-Key derived from the session, so a retry after a
 * crash never holds twice.
 */
@ApplicationScoped
public class BillingClient {

    /** The hold was refused: the wallet cannot cover the amount, or billing refused the request. */
    public static final class HoldRefused extends RuntimeException {
        private final String code;

        public HoldRefused(String code, String detail) {
            super(detail);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final WebClient web;
    private final ServiceTokens tokens;
    private final ChargingConfig.Remote config;

    public BillingClient(WebClient web, ServiceTokens tokens, ChargingConfig config) {
        this.web = web;
        this.tokens = tokens;
        this.config = config.billingService();
    }

    /** Holds {@code amount} of {@code owner}'s wallet for the session; answers the hold id. */
    public Uni<String> hold(TenantId tenant, String sessionId, String owner, Money amount) {
        JsonObject body = new JsonObject().put("sessionId", sessionId).put("owner", owner)
                .put("amount", new JsonObject().put("minorUnits", amount.minorUnits())
                        .put("currency", amount.currency().getCurrencyCode()));
        return call(tenant, web.postAbs(config.url() + "/api/v1/holds"), "hold:" + sessionId)
                .flatMap(req -> req.sendJsonObject(body))
                .map(response -> {
                    if (response.statusCode() == 200 || response.statusCode() == 201) {
                        return response.bodyAsJsonObject().getString("id");
                    }
                    if (response.statusCode() >= 400 && response.statusCode() < 500) {
                        JsonObject problem = response.bodyAsJsonObject();
                        throw new HoldRefused(problem.getString("code", "refused"),
                                problem.getString("detail", "billing refused the hold"));
                    }
                    throw new RemoteCallException("billing-service", response.statusCode(), response.bodyAsString());
                });
    }

    public Uni<Void> release(TenantId tenant, String sessionId, String holdId) {
        return call(tenant, web.postAbs(config.url() + "/api/v1/holds/" + holdId + "/release"), "release:" + sessionId)
                .flatMap(HttpRequest::send)
                .map(response -> {
                    if (response.statusCode() != 200 && response.statusCode() != 201) {
                        throw new RemoteCallException("billing-service", response.statusCode(), response.bodyAsString());
                    }
                    return null;
                }).replaceWithVoid();
    }

    /** Billing's rating of the session so far, or a failure when billing cannot quote it. */
    public Uni<Money> quote(TenantId tenant, ChargingSessionChanged session) {
        Buffer json = Buffer.buffer(CanonicalCodec.defaultCodec().writeJson(session));
        return call(tenant, web.postAbs(config.url() + "/api/v1/ratings/quote"), null)
                .flatMap(req -> req.putHeader("Content-Type", "application/json").sendBuffer(json))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new RemoteCallException("billing-service", response.statusCode(), response.bodyAsString());
                    }
                    JsonObject total = response.bodyAsJsonObject().getJsonObject("total");
                    return Money.ofMinor(total.getLong("minorUnits"), total.getString("currency"));
                });
    }

    private Uni<HttpRequest<Buffer>> call(TenantId tenant, HttpRequest<Buffer> request, String idempotencyKey) {
        return tokens.token().map(token -> {
            HttpRequest<Buffer> r = request.bearerTokenAuthentication(token)
                    .putHeader(TenantContext.TENANT_HEADER, tenant.value())
                    .timeout(config.timeout().toMillis());
            return idempotencyKey == null ? r : r.putHeader("Idempotency-Key", idempotencyKey);
        });
    }
}
