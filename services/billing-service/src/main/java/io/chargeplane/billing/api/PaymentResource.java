package io.chargeplane.billing.api;

import io.chargeplane.billing.persistence.PaymentStore;
import io.chargeplane.billing.service.TopUps;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.tenant.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Payments (top-ups) and the channels' callbacks. */
@Path("/api/v1/payments")
@Tag(name = "Payments", description = "Top-up payments and payment-channel callbacks")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final Caller caller;
    private final PaymentStore payments;
    private final TopUps topUps;
    private final SecurityIdentity identity;

    public PaymentResource(Caller caller, PaymentStore payments, TopUps topUps, SecurityIdentity identity) {
        this.caller = caller;
        this.payments = payments;
        this.topUps = topUps;
        this.identity = identity;
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({Roles.DRIVER, Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Read a payment", description = "A driver reads its own payments, operators those of their "
            + "tenant. A pending payment is first checked with its channel, so a lost notification cannot keep a "
            + "paid top-up from the wallet.")
    public Uni<Dtos.Payment> get(@PathParam("paymentId") String paymentId) {
        UUID id = Params.id(paymentId, "payment");
        TenantId only = caller.context().scope().restrictedTo();
        boolean driver = isDriverOnly();
        String subject = caller.subject();
        return payments.find(id).map(found -> found
                        .filter(p -> only == null || p.tenantId().equals(only.value()))
                        .filter(p -> !driver || p.owner().equals(subject))
                        .orElseThrow(() -> ProblemException.notFound("payment " + id)))
                .flatMap(topUps::refresh)
                .map(Dtos.Payment::of);
    }

    @POST
    @Path("/callbacks/{channel}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirements
    @Operation(summary = "Payment channel callback", description = "Called by a payment channel, not by users: the "
            + "notification must carry the channel's signature (sandbox: header sandbox-signature, HMAC-SHA256), "
            + "else 403. Idempotent on the payment id, so repeated notifications credit once; no Idempotency-Key.")
    public Uni<Response> callback(@PathParam("channel") String channel, @Context HttpHeaders headers, byte[] body) {
        Map<String, String> lowerCase = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                lowerCase.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        return topUps.notified(channel, lowerCase, body == null ? new byte[0] : body)
                .onFailure().transform(ApiErrors::toProblem)
                .map(ignored -> Response.noContent().build());
    }

    /** A driver sees only its own payments; anyone with an operator role sees the tenant's. */
    private boolean isDriverOnly() {
        return identity.hasRole(Roles.DRIVER) && !identity.hasRole(Roles.OPERATOR_ADMIN)
                && !identity.hasRole(Roles.OPERATOR_STAFF) && !identity.hasRole(Roles.PLATFORM_ADMIN);
    }
}
