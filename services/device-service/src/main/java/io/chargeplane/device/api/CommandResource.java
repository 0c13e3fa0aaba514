package io.chargeplane.device.api;

import io.chargeplane.device.command.CommandStore;
import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Command resources to poll when a command's result did not arrive while its request waited. */
@Path("/api/v1/commands")
@Tag(name = "Commands", description = "Commands to devices through the abstract capability API")
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    private final TenantContext context;
    private final CommandStore commands;
    private final DeviceServiceConfig config;

    public CommandResource(TenantContext context, CommandStore commands, DeviceServiceConfig config) {
        this.context = context;
        this.commands = commands;
        this.config = config;
    }

    @GET
    @Path("/{commandId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "Read a command", description = "The command and, once the device has answered, its result "
            + "(also when it arrived after the request stopped waiting). Another tenant's command is reported as not found.")
    public Uni<CommandDtos.View> get(@PathParam("commandId") String commandId) {
        UUID id = Params.pathId(commandId, "command");
        TenantId only = context.scope().restrictedTo();
        return commands.find(only == null ? null : only.value(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("command " + id))
                .map(command -> CommandDtos.View.of(command, config.commands().waitForResult()));
    }
}
