package io.chargeplane.billing.api;

import io.chargeplane.billing.service.Quotes;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemDetail;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.error.ProblemResponses;
import io.chargeplane.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Cost so far of a running session, for services (charging-service shows it and enforces amount limits). */
@Path("/api/v1/ratings")
@Tag(name = "Ratings (internal)", description = "Quotes for services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RatingResource {

    private final Caller caller;
    private final Quotes quotes;
    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    public RatingResource(Caller caller, Quotes quotes) {
        this.caller = caller;
        this.quotes = quotes;
    }

    @POST
    @Path("/quote")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Quote a session", description = "Body: a ChargingSessionChanged in any state with startedAt "
            + "set. Rates it with the tariff of its tenant/site/device/connector, version valid at startedAt, as if it "
            + "ended at its last reading. 422 (code validation_failed, field tariff) when no tariff applies. Reads only.")
    public Uni<Response> quote(byte[] body) {
        TenantId tenant = caller.serviceTenant();
        ChargingSessionChanged session;
        try {
            session = codec.readJson(body == null ? new byte[0] : body, ChargingSessionChanged.class);
        } catch (ModelValidationException e) {
            throw ProblemException.invalidField(e.field(), e.reason());
        } catch (RuntimeException e) {
            throw new ProblemException(ErrorCode.MALFORMED_REQUEST, "the body is not a ChargingSessionChanged: " + e.getMessage());
        }
        if (!session.tenant().equals(tenant)) {
            throw ProblemException.invalidField("tenant", "must be the tenant named in the header");
        }
        if (session.startedAt() == null) {
            throw ProblemException.invalidField("startedAt", "is required to pick the tariff version");
        }
        return quotes.quote(session).map(found -> found
                .map(q -> Response.ok(new RatingJson.Quote(session.sessionId(), q.tariff().id(), q.bill().tariffVersion(),
                        q.bill().metering().energy(), TariffMapper.amount(q.bill().total()),
                        q.bill().lines().stream().map(RatingJson.Line::of).toList()), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> ProblemResponses.of(new ProblemDetail(ErrorCode.VALIDATION_FAILED.type(),
                        "No tariff applies", 422, "no tariff version of tenant " + tenant.value()
                        + " applies to this session's connector at " + session.startedAt(), "/api/v1/ratings/quote",
                        ErrorCode.VALIDATION_FAILED.code(), List.of(new ProblemDetail.FieldError("tariff", "no tariff applies"))))));
    }
}
