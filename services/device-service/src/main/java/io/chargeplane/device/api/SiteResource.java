package io.chargeplane.device.api;

import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.device.domain.PageRequest;
import io.chargeplane.device.domain.SiteRules;
import io.chargeplane.device.domain.TextSearch;
import io.chargeplane.device.domain.Versions;
import io.chargeplane.device.domain.Violations;
import io.chargeplane.device.persistence.SiteEntity;
import io.chargeplane.device.persistence.SiteStore;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Sites of a tenant: operator admins manage them, operator staff read them. */
@Path("/api/v1/sites")
@Tag(name = "Sites", description = "Places with devices, with address, position and time zone")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final TenantContext context;
    private final SiteStore sites;
    private final Mutations mutations;
    private final DeviceServiceConfig config;

    public SiteResource(TenantContext context, SiteStore sites, Mutations mutations, DeviceServiceConfig config) {
        this.context = context;
        this.sites = sites;
        this.mutations = mutations;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "List sites", description = "Sites of the caller's tenant; a platform admin sees every "
            + "tenant's sites unless it names one in X-Chargeplane-Tenant.")
    public Uni<PageView<SiteDtos.View>> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, at most chargeplane.device.paging.max-size") @QueryParam("size") String size,
            @Parameter(description = "ISO 3166-1 alpha-2 country") @QueryParam("country") String country,
            @Parameter(description = "Text contained in the name or city, case-insensitive") @QueryParam("q") String q) {
        PageRequest request = PageRequest.of(Params.integer(page, "page"), Params.integer(size, "size"),
                config.paging().defaultSize(), config.paging().maxSize());
        SiteStore.Filter filter = new SiteStore.Filter(Params.text(country), TextSearch.containsPattern(q));
        return sites.list(context.scope().restrictedTo(), filter, request)
                .map(result -> PageView.of(result, request, SiteDtos.View::of));
    }

    @GET
    @Path("/{siteId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Read a site", description = "Another tenant's site is reported as not found.")
    public Uni<Response> get(@PathParam("siteId") String siteId) {
        return sites.get(context.scope().restrictedTo(), Params.pathId(siteId, "site"))
                .map(site -> Responses.ok(SiteDtos.View.of(site), site.version));
    }

    @POST
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create a site", description = "In the caller's tenant (a platform admin names it in "
            + "X-Chargeplane-Tenant). Needs an Idempotency-Key. A name taken in the tenant is a 409 conflict.")
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, SiteDtos.Create body) {
        TenantId tenant = context.requireTenant();
        return mutations.run(context, tenant, "POST /api/v1/sites", key, null, body, () -> {
            checkCreate(body);
            SiteEntity site = new SiteEntity();
            site.tenantId = tenant.value();
            site.name = body.name().strip();
            applyAddress(site, body.address());
            applyLocation(site, body.location());
            site.timeZone = body.timeZone();
            return sites.create(site).map(created -> Responses.created("/api/v1/sites/" + created.id,
                    SiteDtos.View.of(created), created.version));
        });
    }

    @PATCH
    @Path("/{siteId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change a site", description = "Needs an Idempotency-Key; with If-Match the change "
            + "applies only to that version (else 409 conflict).")
    public Uni<Response> update(@PathParam("siteId") String siteId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                @HeaderParam(Versions.IF_MATCH) String ifMatch, SiteDtos.Patch body) {
        TenantId tenant = context.requireTenant();
        UUID id = Params.pathId(siteId, "site");
        return mutations.run(context, tenant, "PATCH /api/v1/sites/" + id, key, ifMatch, body, () -> {
            checkPatch(body);
            return sites.update(tenant, id, Versions.expected(ifMatch), site -> {
                if (body.name() != null) {
                    site.name = body.name().strip();
                }
                if (body.address() != null) {
                    applyAddress(site, body.address());
                }
                if (body.location() != null) {
                    applyLocation(site, body.location());
                }
                if (body.timeZone() != null) {
                    site.timeZone = body.timeZone();
                }
            }).map(site -> Responses.ok(SiteDtos.View.of(site), site.version));
        });
    }

    @DELETE
    @Path("/{siteId}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Delete a site", description = "Only a site without devices (else 409 conflict). Needs "
            + "an Idempotency-Key; honours If-Match.")
    public Uni<Response> delete(@PathParam("siteId") String siteId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        TenantId tenant = context.requireTenant();
        UUID id = Params.pathId(siteId, "site");
        return mutations.run(context, tenant, "DELETE /api/v1/sites/" + id, key, ifMatch, null,
                () -> sites.delete(tenant, id, Versions.expected(ifMatch)).map(done -> Responses.noContent()));
    }

    private static void checkCreate(SiteDtos.Create body) {
        Violations v = new Violations();
        v.required(body, "body").throwIfAny();
        SiteRules.checkName(v, body.name());
        checkAddress(v, body.address());
        checkLocation(v, body.location());
        SiteRules.checkTimeZone(v, body.timeZone());
        v.throwIfAny();
    }

    private static void checkPatch(SiteDtos.Patch body) {
        Violations v = new Violations();
        v.required(body, "body").throwIfAny();
        if (body.name() != null) {
            SiteRules.checkName(v, body.name());
        }
        if (body.address() != null) {
            checkAddress(v, body.address());
        }
        checkLocation(v, body.location());
        if (body.timeZone() != null) {
            SiteRules.checkTimeZone(v, body.timeZone());
        }
        v.throwIfAny();
    }

    private static void checkAddress(Violations v, SiteDtos.Address address) {
        if (address == null) {
            v.add(new io.chargeplane.device.domain.Violation("address", "is required"));
            return;
        }
        SiteRules.checkAddress(v, address.street(), address.postalCode(), address.city(), address.region());
        SiteRules.checkCountry(v, address.country());
    }

    private static void checkLocation(Violations v, SiteDtos.Location location) {
        if (location != null) {
            SiteRules.checkCoordinates(v, location.latitude(), location.longitude());
        }
    }

    private static void applyAddress(SiteEntity site, SiteDtos.Address address) {
        site.street = address.street();
        site.postalCode = address.postalCode();
        site.city = address.city();
        site.region = address.region();
        site.country = address.country();
    }

    private static void applyLocation(SiteEntity site, SiteDtos.Location location) {
        site.latitude = location == null ? null : location.latitude();
        site.longitude = location == null ? null : location.longitude();
    }
}
