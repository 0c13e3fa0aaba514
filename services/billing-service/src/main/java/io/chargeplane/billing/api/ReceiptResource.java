package io.chargeplane.billing.api;

import io.chargeplane.billing.config.BillingConfig;
import io.chargeplane.billing.persistence.RatedSessionStore;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.tenant.Roles;
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

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Receipts of rated sessions: drivers read their own, operators list the tenant's with filters. */
@Path("/api/v1")
@Tag(name = "Receipts", description = "Rated sessions: the driver's receipts and the operator's list")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    private final Caller caller;
    private final RatedSessionStore rated;
    private final BillingConfig config;

    public ReceiptResource(Caller caller, RatedSessionStore rated, BillingConfig config) {
        this.caller = caller;
        this.rated = rated;
        this.config = config;
    }

    @GET
    @Path("/receipts")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "My receipts", description = "Rated sessions I paid for (or owe), newest first.")
    public Uni<Dtos.Page<RatingJson.Receipt>> mine(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
                                                  @Parameter(description = "Page size") @QueryParam("size") String size) {
        TenantId tenant = caller.context().requireTenant();
        Params.Paging paging = Params.paging(page, size, config);
        return rated.list(tenant, new RatedSessionStore.Filter(caller.subject(), null, null, null, null, null),
                        paging.page(), paging.size())
                .map(p -> new Dtos.Page<>(p.items().stream().map(RatingJson.Receipt::of).toList(), paging.page(), paging.size(), p.total()));
    }

    @GET
    @Path("/receipts/{sessionId}")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "My receipt of a session", description = "Another driver's session is reported as not found.")
    public Uni<RatingJson.Receipt> receipt(@PathParam("sessionId") String sessionId) {
        return rated.get(caller.context().requireTenant(), sessionId, caller.subject()).map(RatingJson.Receipt::of);
    }

    @GET
    @Path("/rated-sessions")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Rated sessions of the tenant", description = "Newest first; filters by driver, site, device, "
            + "payment status (PAID, PARTIALLY_PAID, UNPAID, UNASSIGNED, NOT_RATED) and end time [from, to). A platform "
            + "admin sees all tenants unless it names one.")
    public Uni<Dtos.Page<RatingJson.Receipt>> list(@QueryParam("driver") String driver, @QueryParam("site") String site,
                                                   @QueryParam("device") String device,
                                                   @QueryParam("paymentStatus") String status,
                                                   @Parameter(description = "ISO offset date-time") @QueryParam("from") String from,
                                                   @Parameter(description = "ISO offset date-time") @QueryParam("to") String to,
                                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        Params.Paging paging = Params.paging(page, size, config);
        RatedSessionStore.Filter filter = new RatedSessionStore.Filter(driver, site, device, status, time(from, "from"), time(to, "to"));
        return rated.list(caller.context().scope().restrictedTo(), filter, paging.page(), paging.size())
                .map(p -> new Dtos.Page<>(p.items().stream().map(RatingJson.Receipt::of).toList(), paging.page(), paging.size(), p.total()));
    }

    @GET
    @Path("/rated-sessions/{sessionId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A rated session of the tenant", description = "The receipt with its lines, buckets, payment "
            + "status and the posting that charged it; another tenant's is reported as not found.")
    public Uni<RatingJson.Receipt> ratedSession(@PathParam("sessionId") String sessionId) {
        return rated.get(caller.context().scope().restrictedTo(), sessionId, null).map(RatingJson.Receipt::of);
    }

    private static OffsetDateTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO offset date-time");
        }
    }
}
