package io.chargeplane.billing.api;

import io.chargeplane.billing.config.BillingConfig;
import io.chargeplane.billing.domain.tariff.Tariff;
import io.chargeplane.billing.domain.tariff.TariffScope;
import io.chargeplane.billing.domain.tariff.TariffValidationException;
import io.chargeplane.billing.persistence.TariffStore;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tariff management for operators: operator-admins write, operator-staff read, a platform admin acts for the
 * tenant it names in X-Chargeplane-Tenant (and reads across tenants without it).
 */
@Path("/api/v1/tariffs")
@Tag(name = "Tariffs (operator)", description = "Versioned tariffs per tenant, site or connector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TariffResource {

    private final Caller caller;
    private final TariffStore tariffs;
    private final Mutations mutations;
    private final BillingConfig config;

    public TariffResource(Caller caller, TariffStore tariffs, Mutations mutations, BillingConfig config) {
        this.caller = caller;
        this.tariffs = tariffs;
        this.mutations = mutations;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create a tariff", description = "A tariff with its scope and one or more versions. A "
            + "version names a stored holiday calendar by calendarName or carries one inline; either way the calendar "
            + "is copied into the version. Invalid values are a 400 naming the field path, e.g. "
            + "versions[0].slotMaps.WORKDAY[17]. Needs an Idempotency-Key.")
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, TariffJson.Tariff body) {
        TenantId tenant = caller.context().requireTenant();
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/tariffs", key, body, () -> {
            if (body == null) {
                throw new TariffValidationException("body", "is required");
            }
            return resolveCalendars(tenant, body.versions())
                    .flatMap(versions -> {
                        Tariff tariff = TariffMapper.toDomain(tenant, new TariffJson.Tariff(body.id(), body.name(),
                                body.scope(), versions, null));
                        String name = body.name() == null || body.name().isBlank() ? tariff.id() : Params.text(body.name(), "name", 200);
                        return tariffs.create(tenant, tariff, name, caller.subject());
                    })
                    .map(stored -> Response.created(URI.create("/api/v1/tariffs/" + stored.tariff().id()))
                            .entity(TariffMapper.toJson(stored.tariff(), stored.name(), stored.revision()))
                            .type(MediaType.APPLICATION_JSON_TYPE).build());
        });
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Tariffs of the tenant", description = "With all their versions, by id.")
    public Uni<Dtos.Page<TariffJson.Tariff>> list(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
                                                  @Parameter(description = "Page size") @QueryParam("size") String size) {
        Params.Paging paging = Params.paging(page, size, config);
        return tariffs.list(caller.context().scope().restrictedTo(), paging.page(), paging.size())
                .map(p -> new Dtos.Page<>(p.items().stream().map(s -> TariffMapper.toJson(s.tariff(), s.name(), s.revision())).toList(),
                        paging.page(), paging.size(), p.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A tariff", description = "Another tenant's tariff is reported as not found.")
    public Uni<TariffJson.Tariff> get(@PathParam("id") String id) {
        return tariffs.get(caller.context().scope().restrictedTo(), id)
                .map(s -> TariffMapper.toJson(s.tariff(), s.name(), s.revision()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Rename or re-scope a tariff", description = "Changes name and scope only: prices change by "
            + "appending a version. Needs an Idempotency-Key.")
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String key,
                                TariffJson.TariffUpdate body) {
        TenantId tenant = caller.context().requireTenant();
        return mutations.run(tenant.value(), caller.subject(), "PUT /api/v1/tariffs/" + id, key, body, () -> {
            if (body == null) {
                throw new TariffValidationException("body", "is required");
            }
            String name = Params.text(body.name(), "name", 200);
            TariffScope scope = TariffMapper.scope(tenant, body.scope());
            return tariffs.update(tenant, id, name, scope).map(s -> Response.ok(TariffMapper.toJson(s.tariff(), s.name(),
                    s.revision()), MediaType.APPLICATION_JSON_TYPE).build());
        });
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Append a version", description = "Versions only append: the new one gets the next number, "
            + "must be valid from a later instant than every version so far, and not from the past (a session that "
            + "started before now may already be rated). Needs an Idempotency-Key.")
    public Uni<Response> addVersion(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String key,
                                    TariffJson.Version body) {
        TenantId tenant = caller.context().requireTenant();
        return mutations.run(tenant.value(), caller.subject(), "POST /api/v1/tariffs/" + id + "/versions", key, body, () -> {
            if (body == null) {
                throw new TariffValidationException("body", "is required");
            }
            return tariffs.get(tenant, id)
                    .flatMap(stored -> resolveCalendars(tenant, List.of(body)).map(list -> TariffMapper.version(
                            list.getFirst().withNumber(stored.tariff().versions().getLast().version() + 1), "")))
                    .flatMap(version -> tariffs.appendVersion(tenant, id, version, Instant.now(), caller.subject()))
                    .map(s -> Response.created(URI.create("/api/v1/tariffs/" + id + "/versions/" + s.tariff().versions().getLast().version()))
                            .entity(TariffMapper.toJson(s.tariff().versions().getLast()))
                            .type(MediaType.APPLICATION_JSON_TYPE).build());
        });
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Versions of a tariff", description = "Oldest first, each with its holiday calendar.")
    public Uni<List<TariffJson.Version>> versions(@PathParam("id") String id) {
        return tariffs.get(caller.context().scope().restrictedTo(), id)
                .map(s -> s.tariff().versions().stream().map(TariffMapper::toJson).toList());
    }

    @POST
    @Path("/preview")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Rate a hypothetical session", description = "With a stored tariff (tariffId) or an inline "
            + "one (tariff, not stored), from start to end, with readings or an energyKwh delivered at constant power. "
            + "Returns the itemised bill: buckets, lines, total. Changes nothing.")
    public Uni<RatingJson.BillJson> preview(RatingJson.PreviewRequest body) {
        TenantId tenant = caller.context().requireTenant();
        if (body == null) {
            throw new TariffValidationException("body", "is required");
        }
        if ((body.tariffId() == null) == (body.tariff() == null)) {
            throw new TariffValidationException("tariffId", "name a stored tariff or give one inline as tariff, not both");
        }
        Uni<Tariff> tariff = body.tariffId() != null
                ? tariffs.get(tenant, body.tariffId()).map(TariffStore.Stored::tariff)
                : resolveCalendars(tenant, body.tariff().versions()).map(versions -> {
                    TariffJson.Tariff inline = body.tariff();
                    try {
                        return TariffMapper.toDomain(tenant, new TariffJson.Tariff(inline.id() == null ? "preview" : inline.id(),
                                inline.name(), inline.scope(), versions, null));
                    } catch (TariffValidationException e) {
                        throw e.under("tariff");
                    }
                });
        return tariff.map(t -> RatingJson.BillJson.of(t.id(), Previews.rate(t, body)));
    }

    /** Replaces every {@code calendarName} by the stored calendar's dates (the version keeps a copy). */
    private Uni<List<TariffJson.Version>> resolveCalendars(TenantId tenant, List<TariffJson.Version> versions) {
        if (versions == null) {
            return Uni.createFrom().item((List<TariffJson.Version>) null);
        }
        List<Uni<TariffJson.Version>> each = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            TariffJson.Version v = versions.get(i);
            String path = versions.size() == 1 ? "calendarName" : "versions[" + i + "].calendarName";
            if (v == null) {
                throw new TariffValidationException(versions.size() == 1 ? "body" : "versions[" + i + "]", "is required");
            }
            if (v.calendar() != null || v.calendarName() == null) {
                each.add(Uni.createFrom().item(v));
            } else {
                each.add(tariffs.calendar(tenant, v.calendarName())
                        .map(c -> v.withCalendar(TariffMapper.calendarJson(c.calendar(), null)))
                        .onFailure().transform(e -> new TariffValidationException(path, "no holiday calendar '" + v.calendarName() + "'")));
            }
        }
        return Multi.createFrom().iterable(each).onItem().transformToUniAndConcatenate(u -> u).collect().asList();
    }
}
