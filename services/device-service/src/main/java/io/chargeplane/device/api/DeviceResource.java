package io.chargeplane.device.api;

import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.domain.DeviceRules;
import io.chargeplane.device.domain.DeviceStatus;
import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.domain.TextSearch;
import io.chargeplane.device.domain.Versions;
import io.chargeplane.device.domain.Violations;
import io.chargeplane.device.identity.DeviceLifecycle;
import io.chargeplane.device.persistence.DeviceEntity;
import io.chargeplane.device.persistence.DeviceStore;
import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Devices of a tenant: operator admins register, change, block and delete them; operator staff read them. */
@Path("/api/v1/devices")
@Tag(name = "Devices", description = "Chargers with EVSEs and connectors, barrier gates and parking locks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final TenantContext context;
    private final DeviceStore devices;
    private final Mutations mutations;
    private final DeviceServiceConfig config;
    private final DeviceLifecycle lifecycle;

    public DeviceResource(TenantContext context, DeviceStore devices, Mutations mutations, DeviceServiceConfig config,
                          DeviceLifecycle lifecycle) {
        this.context = context;
        this.devices = devices;
        this.mutations = mutations;
        this.config = config;
        this.lifecycle = lifecycle;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "List devices", description = "Devices of the caller's tenant with their EVSEs and "
            + "connectors; a platform admin sees every tenant's devices unless it names one in X-Chargeplane-Tenant.")
    public Uni<PageView<DeviceDtos.View>> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, at most chargeplane.device.paging.max-size") @QueryParam("size") String size,
            @Parameter(description = "Only devices of this site") @QueryParam("siteId") String siteId,
            @Parameter(description = "CHARGER, BARRIER or PARKING_LOCK") @QueryParam("kind") String kind,
            @Parameter(description = "Protocol wire name, e.g. ocpp1.6") @QueryParam("protocol") String protocol,
            @Parameter(description = "Exact vendor name") @QueryParam("vendor") String vendor,
            @Parameter(description = "ENABLED or BLOCKED") @QueryParam("status") String status,
            @Parameter(description = "Text contained in the name or identity, case-insensitive") @QueryParam("q") String q) {
        PageRequest request = PageRequest.of(Params.integer(page, "page"), Params.integer(size, "size"),
                config.paging().defaultSize(), config.paging().maxSize());
        DeviceStore.Filter filter = new DeviceStore.Filter(Params.uuid(siteId, "siteId"),
                Params.enumValue(kind, DeviceKind.class, "kind"), Params.protocol(protocol), Params.text(vendor),
                Params.enumValue(status, DeviceStatus.class, "status"), TextSearch.containsPattern(q));
        return devices.list(context.scope().restrictedTo(), filter, request)
                .map(result -> PageView.of(result, request, DeviceDtos.View::of));
    }

    @GET
    @Path("/{deviceId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "Read a device", description = "Another tenant's device is reported as not found.")
    public Uni<Response> get(@PathParam("deviceId") String deviceId) {
        return devices.get(context.scope().restrictedTo(), Params.pathId(deviceId, "device"))
                .map(found -> Responses.ok(DeviceDtos.View.of(found), found.device().version));
    }

    @POST
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register a device", description = "In the caller's tenant (a platform admin names it in "
            + "X-Chargeplane-Tenant), at one of its sites. A charger comes with its EVSEs and connectors. Needs an "
            + "Idempotency-Key. A taken identity, or serial number of the same vendor, is a 409 conflict. Creates "
            + "the device's Keycloak client (device-<identity>) and answers its secret in credentials, once: a "
            + "replay of this answer omits it. If Keycloak is unavailable nothing is registered (503).")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeviceDtos.Registered.class)))
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, DeviceDtos.Create body) {
        TenantId tenant = context.requireTenant();
        return mutations.runRevealingOnce(context, tenant, "POST /api/v1/devices", key, null, body, () -> {
            checkCreate(body);
            DeviceEntity device = new DeviceEntity();
            device.tenantId = tenant.value();
            device.siteId = body.siteId();
            device.name = body.name().strip();
            device.kind = body.kind();
            device.vendor = body.vendor().strip();
            device.model = body.model().strip();
            device.serialNumber = body.serialNumber();
            device.protocol = body.protocol();
            device.firmwareVersion = body.firmwareVersion();
            device.identity = body.identity().value();
            device.status = body.status() == null ? DeviceStatus.ENABLED : body.status();
            return lifecycle.register(device, body.evses()).map(registered -> {
                DeviceStore.Registered created = registered.device();
                String location = "/api/v1/devices/" + created.device().id;
                DeviceDtos.Credentials credentials = DeviceDtos.Credentials.of(registered.credentials());
                DeviceDtos.View view = DeviceDtos.View.of(created);
                return new Mutations.Revealing(
                        Responses.created(location, new DeviceDtos.Registered(view, credentials.withoutSecret()),
                                created.device().version),
                        Responses.created(location, new DeviceDtos.Registered(view, credentials), created.device().version));
            });
        });
    }

    @PATCH
    @Path("/{deviceId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change, block or unblock a device", description = "Needs an Idempotency-Key; with "
            + "If-Match the change applies only to that version (else 409 conflict). Blocking disables the device's "
            + "Keycloak client (it can no longer get tokens or connect), unblocking enables it; if Keycloak is "
            + "unavailable nothing changes (503).")
    public Uni<Response> update(@PathParam("deviceId") String deviceId,
                                @HeaderParam(IdempotentRequests.HEADER) String key,
                                @HeaderParam(Versions.IF_MATCH) String ifMatch, DeviceDtos.Patch body) {
        TenantId tenant = context.requireTenant();
        UUID id = Params.pathId(deviceId, "device");
        return mutations.run(context, tenant, "PATCH /api/v1/devices/" + id, key, ifMatch, body, () -> {
            Violations v = new Violations();
            v.required(body, "body").throwIfAny();
            v.optionalText(body.name(), "name", DeviceRules.MAX_NAME)
                    .optionalText(body.vendor(), "vendor", DeviceRules.MAX_VENDOR)
                    .optionalText(body.model(), "model", DeviceRules.MAX_MODEL)
                    .optionalText(body.serialNumber(), "serialNumber", DeviceRules.MAX_SERIAL)
                    .optionalText(body.firmwareVersion(), "firmwareVersion", DeviceRules.MAX_FIRMWARE)
                    .throwIfAny();
            return lifecycle.update(tenant, id, Versions.expected(ifMatch), body.siteId(), body.status(),
                            body.protocol(), device -> apply(device, body))
                    .map(found -> Responses.ok(DeviceDtos.View.of(found), found.device().version));
        });
    }

    @DELETE
    @Path("/{deviceId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Delete a device", description = "Removes the device with its EVSEs and connectors. "
            + "Needs an Idempotency-Key; honours If-Match. To keep a device registered but refuse it, block it. "
            + "Its Keycloak client is disabled first and then deleted, which frees the identity for a new "
            + "registration; if Keycloak is unavailable nothing is deleted (503).")
    public Uni<Response> delete(@PathParam("deviceId") String deviceId,
                                @HeaderParam(IdempotentRequests.HEADER) String key,
                                @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        TenantId tenant = context.requireTenant();
        UUID id = Params.pathId(deviceId, "device");
        return mutations.run(context, tenant, "DELETE /api/v1/devices/" + id, key, ifMatch, null,
                () -> lifecycle.delete(tenant, id, Versions.expected(ifMatch)).map(done -> Responses.noContent()));
    }

    @POST
    @Path("/{deviceId}/credentials/rotate")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Rotate a device's secret", description = "Sets a new secret on the device's Keycloak "
            + "client and answers it once; the old secret stops working at once. Needs an Idempotency-Key: a repeat "
            + "replays the answer without the secret and makes no new one. A device without a client (registered "
            + "before device identities existed) gets one. If Keycloak is unavailable nothing changes (503).")
    @APIResponse(responseCode = "200", description = "Rotated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeviceDtos.Rotated.class)))
    public Uni<Response> rotateCredentials(@PathParam("deviceId") String deviceId,
                                           @HeaderParam(IdempotentRequests.HEADER) String key) {
        TenantId tenant = context.requireTenant();
        UUID id = Params.pathId(deviceId, "device");
        return mutations.runRevealingOnce(context, tenant, "POST /api/v1/devices/" + id + "/credentials/rotate", key,
                null, null, () -> lifecycle.rotate(tenant, id).map(issued -> {
                    DeviceDtos.Credentials credentials = DeviceDtos.Credentials.of(issued);
                    return new Mutations.Revealing(json(new DeviceDtos.Rotated(id, credentials.withoutSecret())),
                            json(new DeviceDtos.Rotated(id, credentials)));
                }));
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static void checkCreate(DeviceDtos.Create body) {
        Violations v = new Violations();
        v.required(body, "body").throwIfAny();
        v.required(body.siteId(), "siteId").required(body.kind(), "kind").required(body.protocol(), "protocol")
                .required(body.identity(), "identity");
        DeviceRules.checkDescription(v, body.name(), body.vendor(), body.model(), body.serialNumber(),
                body.firmwareVersion());
        DeviceRules.checkProtocol(v, body.kind(), body.protocol());
        DeviceRules.checkLayout(v, body.kind(), body.evses());
        v.throwIfAny();
    }

    /** Applies the given fields; the protocol must still suit the device's kind. */
    private static void apply(DeviceEntity device, DeviceDtos.Patch patch) {
        Violations v = new Violations();
        if (patch.protocol() != null) {
            DeviceRules.checkProtocol(v, device.kind, patch.protocol());
            v.throwIfAny();
            device.protocol = patch.protocol();
        }
        if (patch.siteId() != null) {
            device.siteId = patch.siteId();
        }
        if (patch.name() != null) {
            device.name = patch.name().strip();
        }
        if (patch.vendor() != null) {
            device.vendor = patch.vendor().strip();
        }
        if (patch.model() != null) {
            device.model = patch.model().strip();
        }
        if (patch.serialNumber() != null) {
            device.serialNumber = patch.serialNumber();
        }
        if (patch.firmwareVersion() != null) {
            device.firmwareVersion = patch.firmwareVersion();
        }
        if (patch.status() != null) {
            device.status = patch.status();
        }
    }
}
