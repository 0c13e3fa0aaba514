package io.chargeplane.billing.api;

import io.chargeplane.billing.domain.tariff.HolidayCalendar;
import io.chargeplane.billing.domain.tariff.TariffValidationException;
import io.chargeplane.billing.persistence.TariffStore;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Holiday calendars a tenant's tariff versions copy by name. Changing a calendar changes only versions created
 * afterwards: a stored version keeps the dates it copied, so a rated session can always be re-rated the same way.
 */
@Path("/api/v1/holiday-calendars")
@Tag(name = "Tariffs (operator)", description = "Versioned tariffs per tenant, site or connector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HolidayCalendarResource {

    private final Caller caller;
    private final TariffStore tariffs;
    private final Mutations mutations;

    public HolidayCalendarResource(Caller caller, TariffStore tariffs, Mutations mutations) {
        this.caller = caller;
        this.tariffs = tariffs;
        this.mutations = mutations;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create a holiday calendar", description = "name, holidays and make-up workdays (ISO dates). "
            + "Needs an Idempotency-Key.")
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, TariffJson.Calendar body) {
        TenantId tenant = caller.context().requireTenant();
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/holiday-calendars", key, body,
                () -> tariffs.createCalendar(tenant, calendar(body, null))
                        .map(c -> Response.created(URI.create("/api/v1/holiday-calendars/" + c.calendar().name()))
                                .entity(TariffMapper.calendarJson(c.calendar(), c.revision()))
                                .type(MediaType.APPLICATION_JSON_TYPE).build()));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Holiday calendars of the tenant", description = "By name; a platform admin sees all tenants "
            + "unless it names one.")
    public Uni<List<TariffJson.Calendar>> list() {
        return tariffs.calendars(caller.context().scope().restrictedTo())
                .map(all -> all.stream().map(c -> TariffMapper.calendarJson(c.calendar(), c.revision())).toList());
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A holiday calendar", description = "Another tenant's calendar is reported as not found.")
    public Uni<TariffJson.Calendar> get(@PathParam("name") String name) {
        return tariffs.calendar(caller.context().scope().restrictedTo(), name)
                .map(c -> TariffMapper.calendarJson(c.calendar(), c.revision()));
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Replace a calendar's dates", description = "Tariff versions created before keep their copy. "
            + "Needs an Idempotency-Key.")
    public Uni<Response> replace(@PathParam("name") String name, @HeaderParam(IdempotentRequests.HEADER) String key,
                                 TariffJson.Calendar body) {
        TenantId tenant = caller.context().requireTenant();
        return mutations.run(tenant.value(), caller.subject(), "PUT /api/v1/holiday-calendars/" + name, key, body,
                () -> tariffs.replaceCalendar(tenant, calendar(body, name))
                        .map(c -> Response.ok(TariffMapper.calendarJson(c.calendar(), c.revision()), MediaType.APPLICATION_JSON_TYPE).build()));
    }

    private static HolidayCalendar calendar(TariffJson.Calendar body, String name) {
        if (body == null) {
            throw new TariffValidationException("body", "is required");
        }
        return TariffMapper.calendar(name == null ? body : new TariffJson.Calendar(name, body.holidays(), body.workdays(), null), "");
    }
}
