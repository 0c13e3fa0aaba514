package io.chargeplane.device.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.status.StatusBroadcaster;
import io.chargeplane.device.status.StatusChange;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.chargeplane.platform.tenant.TenantScope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * Server-sent events of status changes in the caller's tenant. The first event ({@code ready}) says the stream is
 * subscribed; then one {@code status} event per change (JSON), and comments to keep idle connections open.
 */
@Path("/api/v1/status/stream")
@Tag(name = "Live status", description = "Online state, connector status, power and energy of devices")
public class StatusStreamResource {

    private final TenantContext context;
    private final StatusBroadcaster broadcaster;
    private final ObjectMapper json;
    private final DeviceServiceConfig config;

    public StatusStreamResource(TenantContext context, StatusBroadcaster broadcaster, ObjectMapper json,
                                DeviceServiceConfig config) {
        this.context = context;
        this.broadcaster = broadcaster;
        this.json = json;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Stream of status changes", description = "Server-sent events: 'ready' once subscribed, then "
            + "a 'status' event (JSON) for every online/offline and connector status change of the caller's tenant's "
            + "devices. A platform admin gets the tenant named in X-Chargeplane-Tenant, or every tenant.")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        TenantScope scope = context.scope();
        TenantId only = scope.restrictedTo();
        return Multi.createFrom().emitter(emitter -> {
            // Subscribed before 'ready' goes out, so a client that waits for it misses no change.
            Cancellable changes = broadcaster.changes()
                    .filter(change -> only == null || only.value().equals(change.tenant()))
                    .subscribe().with(change -> emitter.emit(statusEvent(sse, change)), emitter::fail);
            Cancellable keepAlive = Multi.createFrom().ticks().every(config.status().streamKeepAlive())
                    .subscribe().with(tick -> emitter.emit(sse.newEventBuilder().comment("keep-alive").build()));
            emitter.onTermination(() -> {
                changes.cancel();
                keepAlive.cancel();
            });
            emitter.emit(sse.newEventBuilder().name("ready").mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(write(Map.of("tenant", only == null ? "*" : only.value()))).build());
        });
    }

    private OutboundSseEvent statusEvent(Sse sse, StatusChange change) {
        return sse.newEventBuilder().name("status").id(change.eventId()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(write(change)).build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status change cannot be written", e);
        }
    }
}
