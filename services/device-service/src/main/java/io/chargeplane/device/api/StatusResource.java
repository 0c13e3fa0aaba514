package io.chargeplane.device.api;

import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.persistence.DeviceStore;
import io.chargeplane.device.status.LiveStatusStore;
import io.chargeplane.device.status.LiveView;
import io.chargeplane.device.status.StatusChange;
import io.chargeplane.device.status.StatusHistory;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A device's live status (from the Redis view) and the history of its status changes (from PostgreSQL). */
@Path("/api/v1/devices/{deviceId}/status")
@Tag(name = "Live status", description = "Online state, connector status, power and energy of devices")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final TenantContext context;
    private final DeviceStore devices;
    private final LiveStatusStore view;
    private final StatusHistory history;
    private final DeviceServiceConfig config;

    public StatusResource(TenantContext context, DeviceStore devices, LiveStatusStore view, StatusHistory history,
                          DeviceServiceConfig config) {
        this.context = context;
        this.devices = devices;
        this.view = view;
        this.history = history;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "Live status of a device", description = "Online state, adapter, last seen, the last status "
            + "of each connector and the last meter reading per location, as the device events have left them. A "
            + "registered device never seen is offline with no data. Another tenant's device is reported as not found.")
    public Uni<LiveView> get(@PathParam("deviceId") String deviceId) {
        UUID id = Params.pathId(deviceId, "device");
        return devices.get(context.scope().restrictedTo(), id)
                .flatMap(found -> view.read(id).map(fields -> LiveView.of(id, found.device().identity, fields)));
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Status history of a device", description = "Online/offline and connector status changes, "
            + "newest first, paged with page and size.")
    public Uni<PageView<StatusChange>> history(
            @PathParam("deviceId") String deviceId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, at most chargeplane.device.paging.max-size") @QueryParam("size") String size) {
        UUID id = Params.pathId(deviceId, "device");
        PageRequest request = PageRequest.of(Params.integer(page, "page"), Params.integer(size, "size"),
                config.paging().defaultSize(), config.paging().maxSize());
        return devices.get(context.scope().restrictedTo(), id)
                .flatMap(found -> history.page(found.device().tenantId, id, request))
                .map(result -> PageView.of(result, request, change -> change));
    }
}
