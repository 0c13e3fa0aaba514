package io.chargeplane.device.api;

import io.chargeplane.device.audit.AuditEntry;
import io.chargeplane.device.audit.AuditLog;
import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of commands, for operator admins of the tenant. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who sent which command to which device, and what came of it")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final TenantContext context;
    private final AuditLog audit;
    private final DeviceServiceConfig config;

    public AuditResource(TenantContext context, AuditLog audit, DeviceServiceConfig config) {
        this.context = context;
        this.audit = audit;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Read the audit log", description = "Every command attempt (sent or refused, with a SHA-256 "
            + "digest of its payload) and every result, newest first, of the caller's tenant; a platform admin sees "
            + "every tenant unless it names one in X-Chargeplane-Tenant. Operator admins only.")
    public Uni<PageView<AuditEntry>> list(
            @Parameter(description = "Only entries about this device") @QueryParam("deviceId") String deviceId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, at most chargeplane.device.paging.max-size") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer(page, "page"), Params.integer(size, "size"),
                config.paging().defaultSize(), config.paging().maxSize());
        TenantId only = context.scope().restrictedTo();
        return audit.page(only == null ? null : only.value(), Params.uuid(deviceId, "deviceId"), request)
                .map(result -> PageView.of(result, request, entry -> entry));
    }
}
