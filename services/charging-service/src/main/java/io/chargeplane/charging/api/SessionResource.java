package io.chargeplane.charging.api;

import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.charging.domain.Session;
import io.chargeplane.charging.persistence.SessionStore;
import io.chargeplane.charging.session.SessionService;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionOrigin;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;

/**
 * Sessions for drivers (their own) and operators (their tenant's). A driver never sees another driver's session and
 * nobody sees another tenant's: both answer 404.
 */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService service;
    private final SessionStore store;
    private final Pool pool;
    private final TenantContext context;
    private final SecurityIdentity identity;
    private final Mutations mutations;
    private final ChargingConfig config;

    public SessionResource(SessionService service, SessionStore store, Pool pool, TenantContext context,
                           SecurityIdentity identity, Mutations mutations, ChargingConfig config) {
        this.service = service;
        this.store = store;
        this.pool = pool;
        this.context = context;
        this.identity = identity;
        this.mutations = mutations;
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "Start charging", description = "The driver scanned a connector's QR code (station, evse, "
            + "connector). Checks the station in the registry (exists in the tenant, enabled, online), holds the "
            + "amount limit or the tenant's default pre-authorisation in the driver's wallet, and asks the charger to "
            + "start. Answers 201 with the session: STARTING until the charger reports the start (then ACTIVE), or "
            + "FAILED with a reason (charger refused, hold refused other than for funds). A wallet that cannot cover "
            + "the hold is 422 insufficient_funds and no start is sent. Needs an Idempotency-Key.")
    public Uni<Response> start(@HeaderParam(IdempotentRequests.HEADER) String key, SessionDtos.Start body) {
        TenantId tenant = context.requireTenant();
        String driver = subject();
        return mutations.run(context, tenant, "POST /api/v1/sessions", key, body, () -> {
            if (body == null || body.station() == null || body.station().isBlank()) {
                throw ProblemException.invalidField("station", "is required");
            }
            if (body.evse() == null || body.evse() < 1) {
                throw ProblemException.invalidField("evse", "is required, from 1");
            }
            var limits = body.limits() == null ? io.chargeplane.model.session.SessionLimits.NONE : body.limits().toModel();
            return service.start(tenant, driver, SessionOrigin.APP,
                            new SessionService.StartRequest(body.station().strip(), body.evse(), body.connector(), limits))
                    .map(s -> Response.created(URI.create("/api/v1/sessions/" + s.id()))
                            .entity(SessionDtos.View.of(s)).build());
        });
    }

    @GET
    @RolesAllowed({Roles.DRIVER, Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "List sessions", description = "A driver sees their own sessions; an operator the tenant's, "
            + "filtered by station (device), state and creation time (from inclusive, to exclusive). Newest first; "
            + "page from 0.")
    public Uni<SessionDtos.Page<SessionDtos.View>> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                                        @QueryParam("device") String device,
                                                        @QueryParam("state") String state,
                                                        @QueryParam("from") String from, @QueryParam("to") String to) {
        TenantId tenant = context.requireTenant();
        int p = Params.intParam(page, "page", 0, 0, 100_000);
        int s = Params.intParam(size, "size", config.paging().defaultSize(), 1, config.paging().maxSize());
        SessionStore.SessionQuery query = new SessionStore.SessionQuery(tenant, isDriverOnly() ? subject() : null,
                device, Params.enumParam(SessionState.class, state, "state"), Params.instant(from, "from"),
                Params.instant(to, "to"), p, s);
        return store.list(pool, query).map(found -> new SessionDtos.Page<>(
                found.stream().limit(s).map(SessionDtos.View::of).toList(), p, s, found.size() > s));
    }

    @GET
    @Path("/{sessionId}")
    @RolesAllowed({Roles.DRIVER, Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Read a session", description = "A driver reads only their own; another tenant's session "
            + "is reported as not found.")
    public Uni<SessionDtos.View> get(@PathParam("sessionId") String sessionId) {
        TenantId tenant = context.requireTenant();
        return store.find(pool, tenant, sessionId).map(s -> {
            if (s == null || !visible(s)) {
                throw ProblemException.notFound("session " + sessionId);
            }
            return SessionDtos.View.of(s);
        });
    }

    @GET
    @Path("/{sessionId}/events")
    @RolesAllowed({Roles.DRIVER, Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A session's published changes", description = "Every change of the session in the order "
            + "it goes to Kafka (chargeplane.charging-sessions.v1), with its event id and when Kafka acknowledged it. "
            + "Visible to whoever may read the session.")
    public Uni<List<SessionDtos.Change>> events(@PathParam("sessionId") String sessionId) {
        TenantId tenant = context.requireTenant();
        return store.find(pool, tenant, sessionId).flatMap(s -> {
            if (s == null || !visible(s)) {
                return Uni.createFrom().failure(ProblemException.notFound("session " + sessionId));
            }
            return store.changes(pool, tenant, sessionId)
                    .map(changes -> changes.stream().map(SessionDtos.Change::of).toList());
        });
    }

    @POST
    @Path("/{sessionId}/stop")
    @RolesAllowed({Roles.DRIVER, Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Stop a session", description = "By its driver or an operator of the tenant. A running "
            + "session becomes STOPPING and the charger is asked to stop; COMPLETED follows with the final reading. "
            + "A session the charger has not started yet fails and its hold is released. A finished session is a "
            + "409 conflict. Needs an Idempotency-Key.")
    public Uni<Response> stop(@PathParam("sessionId") String sessionId, @HeaderParam(IdempotentRequests.HEADER) String key) {
        TenantId tenant = context.requireTenant();
        EndCause cause = isDriverOnly() ? EndCause.DRIVER : EndCause.OPERATOR;
        return mutations.run(context, tenant, "POST /api/v1/sessions/" + sessionId + "/stop", key, null,
                () -> service.stop(tenant, sessionId, cause, this::visible)
                        .map(s -> Response.ok(SessionDtos.View.of(s)).build()));
    }

    /** The token's subject: the stable id of a driver's wallet, the same one billing keys wallets by. */
    private String subject() {
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private boolean isDriverOnly() {
        return identity.hasRole(Roles.DRIVER) && !identity.hasRole(Roles.OPERATOR_ADMIN)
                && !identity.hasRole(Roles.OPERATOR_STAFF) && !identity.hasRole(Roles.PLATFORM_ADMIN);
    }

    private boolean visible(Session s) {
        return !isDriverOnly() || subject().equals(s.driver());
    }
}
