package io.chargeplane.device.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.device.command.CommandDispatcher;
import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.persistence.DeviceEntity;
import io.chargeplane.device.persistence.DeviceStore;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** The capability API: one abstract command set for every device, whatever protocol it speaks. */
@Path("/api/v1/devices/{deviceId}/commands")
@Tag(name = "Commands", description = "Commands to devices through the abstract capability API")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceCommandResource {

    private final TenantContext context;
    private final DeviceStore devices;
    private final Mutations mutations;
    private final CommandDispatcher dispatcher;
    private final DeviceServiceConfig config;
    private final ObjectMapper json;

    public DeviceCommandResource(TenantContext context, DeviceStore devices, Mutations mutations, CommandDispatcher dispatcher,
                                 DeviceServiceConfig config, ObjectMapper json) {
        this.context = context;
        this.devices = devices;
        this.mutations = mutations;
        this.dispatcher = dispatcher;
        this.config = config;
        this.json = json;
    }

    @POST
    @Path("/{capability}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "Send a command to a device", description = "The body is the command of the capability "
            + "(e.g. start_charging: {\"evse\":1,\"idToken\":{...}}; open_barrier: {}). Needs an Idempotency-Key, which "
            + "the device also receives. Waits up to chargeplane.device.commands.wait for the device's result: 200 with "
            + "the result, else 202 with Location /api/v1/commands/{id} to poll. 422 capability_not_supported when the "
            + "device's kind lacks the capability, 409 device_offline at once when no adapter holds the device. "
            + "Every attempt is audited.")
    public Uni<Response> send(@PathParam("deviceId") String deviceId, @PathParam("capability") String capability,
                              @HeaderParam(IdempotentRequests.HEADER) String key, JsonNode body) {
        TenantId tenant = context.requireTenant();
        UUID id = Params.pathId(deviceId, "device");
        String actor = context.subject();
        return mutations.run(context, tenant, "POST /api/v1/devices/" + id + "/commands/" + capability, key, null, body,
                () -> devices.get(tenant, id).flatMap(found -> {
                    DeviceEntity device = found.device();
                    return dispatcher.send(new CommandDispatcher.Request(tenant, actor, device.id, device.identity,
                            device.kind, device.status, capability(capability), payload(body), key.strip()));
                }).map(outcome -> {
                    CommandDtos.View view = CommandDtos.View.of(outcome.command(), config.commands().waitForResult());
                    return outcome.answered()
                            ? Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build()
                            : Response.accepted(view).type(MediaType.APPLICATION_JSON_TYPE)
                                    .location(URI.create("/api/v1/commands/" + view.id())).build();
                }));
    }

    private static Capability capability(String wireName) {
        try {
            return Capability.fromWireName(wireName);
        } catch (ModelValidationException e) {
            throw new ProblemException(ErrorCode.CAPABILITY_NOT_SUPPORTED, e.reason());
        }
    }

    private String payload(JsonNode body) {
        try {
            return body == null || body.isNull() ? "{}" : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command body cannot be written", e);
        }
    }
}
