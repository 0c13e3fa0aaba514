package io.chargeplane.charging.api;

import io.chargeplane.charging.policy.OfflinePolicyService;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.OfflinePolicySetting;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.format.DateTimeParseException;

@Path("/api/v1/charging-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Schema(description = "What adapters answer when charging-service does not answer a device request in time")
    public record Policy(@Schema(description = "accept, reject or accept-known") String offlinePolicy,
                         @Schema(description = "For accept-known: how long a token seen accepted stays known, ISO-8601 (PT24H)")
                         String knownTokenTtl) {
    }

    private final OfflinePolicyService policies;
    private final TenantContext context;
    private final Mutations mutations;

    public PolicyResource(OfflinePolicyService policies, TenantContext context, Mutations mutations) {
        this.policies = policies;
        this.context = context;
        this.mutations = mutations;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Read the tenant's offline policy", description = "404 when the tenant has set none: its "
            + "adapters then use their configured default.")
    public Uni<Policy> get() {
        TenantId tenant = context.requireTenant();
        return policies.find(tenant).map(setting -> {
            if (setting == null) {
                throw ProblemException.notFound("offline policy of tenant " + tenant);
            }
            return new Policy(setting.policy(), setting.knownTokenTtl().toString());
        });
    }

    @PUT
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Set the tenant's offline policy", description = "Stored and published retained to every "
            + "adapter. Needs an Idempotency-Key.")
    public Uni<Response> put(@HeaderParam(IdempotentRequests.HEADER) String key, Policy body) {
        TenantId tenant = context.requireTenant();
        return mutations.run(context, tenant, "PUT /api/v1/charging-policy", key, body, () -> {
            if (body == null || body.offlinePolicy() == null) {
                throw ProblemException.invalidField("offlinePolicy", "is required");
            }
            Duration ttl;
            try {
                ttl = body.knownTokenTtl() == null ? Duration.ofHours(24) : Duration.parse(body.knownTokenTtl());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("knownTokenTtl", "must be an ISO-8601 duration such as PT24H");
            }
            OfflinePolicySetting setting;
            try {
                setting = new OfflinePolicySetting(body.offlinePolicy(), ttl);
            } catch (io.chargeplane.model.ModelValidationException e) {
                throw ProblemException.invalidField(e.field().equals("policy") ? "offlinePolicy" : e.field(), e.reason());
            }
            return policies.set(tenant, setting)
                    .map(s -> Response.ok(new Policy(s.policy(), s.knownTokenTtl().toString())).build());
        });
    }
}
