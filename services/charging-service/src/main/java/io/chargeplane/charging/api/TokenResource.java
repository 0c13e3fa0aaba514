package io.chargeplane.charging.api;

import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.charging.domain.TokenRecord;
import io.chargeplane.charging.persistence.TokenStore;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.chargeplane.platform.idempotency.IdempotentRequests;
import io.chargeplane.platform.tenant.Roles;
import io.chargeplane.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final TokenStore tokens;
    private final TenantContext context;
    private final Mutations mutations;
    private final ChargingConfig config;
    private final Clock clock;

    public TokenResource(TokenStore tokens, TenantContext context, Mutations mutations, ChargingConfig config,
                         Clock clock) {
        this.tokens = tokens;
        this.context = context;
        this.mutations = mutations;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "List the tenant's tokens", description = "Ordered by creation; page from 0, size at most "
            + "chargeplane.charging.paging.max-size; owner filters by the driver the tokens belong to.")
    public Uni<SessionDtos.Page<TokenDtos.View>> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                                      @QueryParam("owner") String owner) {
        TenantId tenant = context.requireTenant();
        int p = Params.intParam(page, "page", 0, 0, 100_000);
        int s = Params.intParam(size, "size", config.paging().defaultSize(), 1, config.paging().maxSize());
        Instant now = clock.instant();
        return tokens.list(tenant, owner, p, s).map(found -> new SessionDtos.Page<>(
                found.stream().limit(s).map(t -> TokenDtos.View.of(t, now)).toList(), p, s, found.size() > s));
    }

    @GET
    @Path("/{uid}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.OPERATOR_STAFF, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Read a token", description = "A token of another tenant is reported as not found.")
    public Uni<TokenDtos.View> get(@PathParam("uid") String uid) {
        TenantId tenant = context.requireTenant();
        return tokens.find(tenant, uid).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("token " + uid);
            }
            return TokenDtos.View.of(t, clock.instant());
        });
    }

    @POST
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register a token", description = "An RFID card, app token or other identification of the "
            + "tenant, with its owner (the driver billed), optional expiry and blocked flag. Needs an Idempotency-Key; "
            + "a taken uid is a 409 conflict.")
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, TokenDtos.Create body) {
        TenantId tenant = context.requireTenant();
        return mutations.run(context, tenant, "POST /api/v1/tokens", key, body, () -> {
            if (body == null || body.uid() == null || body.uid().isBlank() || body.uid().length() > 64) {
                throw ProblemException.invalidField("uid", "is required, at most 64 characters");
            }
            Instant now = clock.instant();
            TokenRecord token = new TokenRecord(tenant, body.uid().strip(), type(body.type()), body.owner(),
                    body.groupId(), body.expiresAt(), Boolean.TRUE.equals(body.blocked()), now, now, 1);
            return tokens.insert(token).map(created -> {
                if (!created) {
                    throw new ProblemException(ErrorCode.CONFLICT, "uid: a token with this uid exists",
                            java.util.List.of(new io.chargeplane.platform.error.ProblemDetail.FieldError("uid", "is taken")), null);
                }
                return Response.created(URI.create("/api/v1/tokens/" + token.uid()))
                        .entity(TokenDtos.View.of(token, now)).build();
            });
        });
    }

    @PUT
    @Path("/{uid}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change a token", description = "Replaces type, owner, group, expiry and blocked. Needs an "
            + "Idempotency-Key. Device requests see the change at once.")
    public Uni<Response> update(@PathParam("uid") String uid, @HeaderParam(IdempotentRequests.HEADER) String key,
                                TokenDtos.Update body) {
        TenantId tenant = context.requireTenant();
        return mutations.run(context, tenant, "PUT /api/v1/tokens/" + uid, key, body, () -> {
            if (body == null) {
                throw ProblemException.invalidField("", "a body is required");
            }
            Instant now = clock.instant();
            TokenRecord changed = new TokenRecord(tenant, uid, type(body.type()), body.owner(), body.groupId(),
                    body.expiresAt(), Boolean.TRUE.equals(body.blocked()), null, now, 0);
            return tokens.update(changed).map(t -> {
                if (t == null) {
                    throw ProblemException.notFound("token " + uid);
                }
                return Response.ok(TokenDtos.View.of(t, now)).build();
            });
        });
    }

    @DELETE
    @Path("/{uid}")
    @RolesAllowed({Roles.OPERATOR_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Delete a token", description = "The token is unknown (INVALID) to devices afterwards. "
            + "Needs an Idempotency-Key.")
    public Uni<Response> delete(@PathParam("uid") String uid, @HeaderParam(IdempotentRequests.HEADER) String key) {
        TenantId tenant = context.requireTenant();
        return mutations.run(context, tenant, "DELETE /api/v1/tokens/" + uid, key, null,
                () -> tokens.delete(tenant, uid).map(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("token " + uid);
                    }
                    return Response.noContent().build();
                }));
    }

    private static IdTokenType type(String type) {
        IdTokenType parsed = Params.enumParam(IdTokenType.class, type, "type");
        if (parsed == null) {
            throw ProblemException.invalidField("type", "is required (RFID, APP, KEY_CODE, ...)");
        }
        return parsed;
    }
}
