package io.chargeplane.device.api;

import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.domain.TextSearch;
import io.chargeplane.device.domain.Versions;
import io.chargeplane.device.domain.Violations;
import io.chargeplane.device.persistence.TenantEntity;
import io.chargeplane.device.persistence.TenantStore;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants (charging operators): a platform admin manages them, an operator reads its own. */
@Path("/api/v1/tenants")
@Tag(name = "Tenants", description = "Charging operators; the unit of data isolation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final TenantContext context;
    private final TenantStore tenants;
    private final Mutations mutations;
    private final DeviceServiceConfig config;

    public TenantResource(TenantContext context, TenantStore tenants, Mutations mutations, DeviceServiceConfig config) {
        this.context = context;
        this.tenants = tenants;
        this.mutations = mutations;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "List tenants", description = "An operator sees only its own tenant; a platform admin "
            + "sees every tenant unless it names one in X-Chargeplane-Tenant.")
    public Uni<PageView<TenantDtos.View>> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, at most chargeplane.device.paging.max-size") @QueryParam("size") String size,
            @Parameter(description = "Text contained in the id or name, case-insensitive") @QueryParam("q") String q) {
        PageRequest request = PageRequest.of(Params.integer(page, "page"), Params.integer(size, "size"),
                config.paging().defaultSize(), config.paging().maxSize());
        return tenants.list(context.scope().restrictedTo(), TextSearch.containsPattern(q), request)
                .map(result -> PageView.of(result, request, TenantDtos.View::of));
    }

    @GET
    @Path("/{tenantId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Read a tenant", description = "Another tenant than the caller's is reported as not found.")
    public Uni<Response> get(@PathParam("tenantId") String tenantId) {
        return tenants.get(context.scope().restrictedTo(), pathTenant(tenantId))
                .map(tenant -> Responses.ok(TenantDtos.View.of(tenant), tenant.version));
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Create a tenant", description = "Platform admins only. Needs an Idempotency-Key.")
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, TenantDtos.Create body) {
        return mutations.run(context, context.scope().restrictedTo(), "POST /api/v1/tenants", key, null, body, () -> {
            Violations v = new Violations();
            v.required(body, "body").throwIfAny();
            v.required(body.id(), "id").requiredText(body.name(), "name", 200).throwIfAny();
            TenantEntity tenant = new TenantEntity();
            tenant.id = body.id().value();
            tenant.name = body.name().strip();
            return tenants.create(tenant).map(created -> Responses.created("/api/v1/tenants/" + created.id,
                    TenantDtos.View.of(created), created.version));
        });
    }

    @PATCH
    @Path("/{tenantId}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Change a tenant", description = "Platform admins only. Needs an Idempotency-Key; "
            + "with If-Match the change applies only to that version (else 409 conflict).")
    public Uni<Response> update(@PathParam("tenantId") String tenantId,
                                @HeaderParam(IdempotentRequests.HEADER) String key,
                                @HeaderParam(Versions.IF_MATCH) String ifMatch, TenantDtos.Patch body) {
        TenantId id = pathTenant(tenantId);
        return mutations.run(context, context.scope().restrictedTo(), "PATCH /api/v1/tenants/" + id, key, ifMatch, body,
                () -> {
                    Violations v = new Violations();
                    v.required(body, "body").throwIfAny();
                    v.optionalText(body.name(), "name", 200).throwIfAny();
                    return tenants.update(id, Versions.expected(ifMatch), tenant -> {
                        if (body.name() != null) {
                            tenant.name = body.name().strip();
                        }
                    }).map(tenant -> Responses.ok(TenantDtos.View.of(tenant), tenant.version));
                });
    }

    private static TenantId pathTenant(String raw) {
        try {
            return TenantId.of(raw);
        } catch (ModelValidationException e) {
            throw ProblemException.notFound("tenant " + raw);
        }
    }
}
