package io.chargeplane.platform.tenant;

import io.chargeplane.model.id.TenantId;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/**
 * The tenant scope of the current request, from the verified token. Resources inject it and restrict every
 * query with {@link #scope()}; a platform admin picks a tenant with the {@value #TENANT_HEADER} header.
 */
@RequestScoped
public class TenantContext {

    /** Header by which a platform admin names the tenant it acts for. */
    public static final String TENANT_HEADER = "X-Chargeplane-Tenant";
    /** The token claim that carries the caller's tenant. */
    public static final String TENANT_CLAIM = "tenant";

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private TenantScope scope;

    @Inject
    public TenantContext(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public TenantScope scope() {
        if (scope == null) {
            if (identity.isAnonymous()) {
                throw new ProblemException(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
            }
            scope = TenantResolver.resolve(claim(identity.getPrincipal()), identity.getRoles(),
                    request.getHeader(TENANT_HEADER));
        }
        return scope;
    }

    /** The single tenant this request acts for; a platform admin must have named one. */
    public TenantId requireTenant() {
        TenantId tenant = scope().restrictedTo();
        if (tenant == null) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED,
                    "this operation acts for one tenant: name it in the " + TENANT_HEADER + " header");
        }
        return tenant;
    }

    /**
     * Fails with 404 when {@code owner}'s data is outside the caller's scope: another tenant's resource is
     * reported as absent so that its existence does not leak.
     */
    public void requireAccess(TenantId owner, String what) {
        if (!scope().permits(owner)) {
            throw ProblemException.notFound(what);
        }
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    private static String claim(Principal principal) {
        if (principal instanceof JsonWebToken token) {
            Object value = token.getClaim(TENANT_CLAIM);
            return value == null ? null : value.toString().replace("\"", "");
        }
        return null;
    }
}
