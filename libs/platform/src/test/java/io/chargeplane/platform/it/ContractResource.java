package io.chargeplane.platform.it;

import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A resource shaped like a real service endpoint, exercising the platform contracts end to end. */
@Path("/contract")
public class ContractResource {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @Inject
    TenantContext tenants;
    @Inject
    IdempotentRequests idempotent;

    public record NewThing(String name, TenantId owner) {
    }

    @GET
    @Path("/scope")
    @Authenticated
    public Map<String, String> scope() {
        TenantId tenant = tenants.scope().restrictedTo();
        return Map.of("tenant", tenant == null ? "*" : tenant.value(), "subject", tenants.subject());
    }

    @GET
    @Path("/tenants/{tenant}/things/{id}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    public Map<String, String> thing(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        tenants.requireAccess(TenantId.of(tenant), "thing " + id);
        return Map.of("id", id, "tenant", tenant);
    }

    @POST
    @Path("/things")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, NewThing thing) {
        TenantId tenant = tenants.requireTenant();
        return idempotent.execute(tenant + "|" + tenants.subject() + "|POST /contract/things", key, thing, () -> {
            int number = EXECUTIONS.incrementAndGet();
            return Uni.createFrom().item(Response.created(URI.create("/contract/things/" + number))
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("number", number, "name", thing.name(), "tenant", tenant.value()))
                    .build());
        });
    }

    @GET
    @Path("/boom")
    @Authenticated
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
