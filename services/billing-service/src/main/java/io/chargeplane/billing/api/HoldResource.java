package io.chargeplane.billing.api;

import io.chargeplane.billing.persistence.HoldStore;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/**
 * Pre-authorisation of charging sessions, for services (charging-service): try (hold), confirm (capture), cancel
 * (release), and refunds of captured charges. The caller names the tenant in X-Chargeplane-Tenant.
 */
@Path("/api/v1/holds")
@Tag(name = "Holds (internal)", description = "Session pre-authorisation for services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.SERVICE)
public class HoldResource {

    private final Caller caller;
    private final HoldStore holds;
    private final Mutations mutations;

    public HoldResource(Caller caller, HoldStore holds, Mutations mutations) {
        this.caller = caller;
        this.holds = holds;
        this.mutations = mutations;
    }

    @POST
    @Operation(summary = "Hold money for a session (try)", description = "Moves the amount from the driver's "
            + "available balance to held. Refused with 422 (code insufficient_funds) when the wallet "
            + "would fall below its credit limit. One hold per session: a repeat returns the first hold (business "
            + "key hold:<sessionId>). Needs an Idempotency-Key.")
    public Uni<Response> hold(@HeaderParam(IdempotentRequests.HEADER) String key, Dtos.HoldRequest body) {
        TenantId tenant = caller.serviceTenant();
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/holds", key, body, () -> {
            if (body == null) {
                throw ProblemException.invalidField("body", "is required");
            }
            String session = Params.text(body.sessionId(), "sessionId", 120);
            String owner = Params.text(body.owner(), "owner", 200);
            Money amount = Params.money(body.amount(), "amount", true);
            return holds.hold(tenant, owner, session, amount, caller.subject())
                    .map(h -> Response.created(URI.create("/api/v1/holds/" + h.id())).entity(Dtos.Hold.of(h))
                            .type(MediaType.APPLICATION_JSON_TYPE).build());
        });
    }

    @GET
    @Path("/{holdId}")
    @Operation(summary = "Read a hold", description = "A hold of another tenant is reported as not found.")
    public Uni<Dtos.Hold> get(@PathParam("holdId") String holdId) {
        return holds.get(caller.serviceTenant(), Params.id(holdId, "hold")).map(Dtos.Hold::of);
    }

    @POST
    @Path("/{holdId}/capture")
    @Operation(summary = "Capture a hold (confirm)", description = "Charges the session's cost: up to the hold it "
            + "comes from held, beyond it from available (within the credit limit); the rest of the hold goes back. "
            + "A repeat with the same amount returns the captured hold; a released hold is a 409. Needs an "
            + "Idempotency-Key.")
    public Uni<Response> capture(@PathParam("holdId") String holdId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                 Dtos.Capture body) {
        TenantId tenant = caller.serviceTenant();
        UUID id = Params.id(holdId, "hold");
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/holds/" + id + "/capture", key, body, () -> {
            Money amount = Params.money(body == null ? null : body.amount(), "amount", false);
            return holds.capture(tenant, id, amount, caller.subject()).map(HoldResource::ok);
        });
    }

    @POST
    @Path("/{holdId}/release")
    @Operation(summary = "Release a hold (cancel)", description = "Gives the whole hold back to the available "
            + "balance. A repeat returns the released hold; a captured hold is a 409. Needs an Idempotency-Key.")
    public Uni<Response> release(@PathParam("holdId") String holdId, @HeaderParam(IdempotentRequests.HEADER) String key) {
        TenantId tenant = caller.serviceTenant();
        UUID id = Params.id(holdId, "hold");
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/holds/" + id + "/release", key, null,
                () -> holds.release(tenant, id, caller.subject()).map(HoldResource::ok));
    }

    @POST
    @Path("/{holdId}/refunds")
    @Operation(summary = "Refund a captured charge", description = "Gives part or all of the captured amount back "
            + "to the wallet, once per reference (business key refund:<sessionId>:<reference>), never more than was "
            + "captured. Needs an Idempotency-Key.")
    public Uni<Response> refund(@PathParam("holdId") String holdId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                Dtos.Refund body) {
        TenantId tenant = caller.serviceTenant();
        UUID id = Params.id(holdId, "hold");
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/holds/" + id + "/refunds", key, body, () -> {
            if (body == null) {
                throw ProblemException.invalidField("body", "is required");
            }
            String reference = Params.text(body.reference(), "reference", 120);
            Money amount = Params.money(body.amount(), "amount", true);
            return holds.refund(tenant, id, reference, amount, caller.subject()).map(HoldResource::ok);
        });
    }

    private static Response ok(HoldStore.Hold hold) {
        return Response.ok(Dtos.Hold.of(hold), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
